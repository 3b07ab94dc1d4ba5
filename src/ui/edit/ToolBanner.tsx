import type { MessageKey } from '../../i18n/zh';
import { atlasStore, useAtlas } from '../../state/store';
import { selectDrawPhase, type ActiveTool } from '../../state/tools-slice';
import { useT } from '../use-t';
import { editStep } from './EditHistory';

function hintKey(tool: ActiveTool): MessageKey | null {
  if (tool.kind === 'edit') return `edit.hint.${tool.shape}` as MessageKey;
  if (tool.kind === 'split') return 'geo.splitHint';
  if (tool.kind === 'measure') return 'measure.hint';
  if (tool.kind === 'zone') return tool.shape === 'rectangle' ? 'filter.drawingRect' : 'filter.drawing';
  return null;
}

/** On a phone the panel folds away while a map tool is on; this strip over the map says what to do and ends the tool. */
export function ToolBanner() {
  const t = useT();
  const phone = useAtlas((s) => s.layoutSize === 'phone');
  const sidebarOpen = useAtlas((s) => s.sidebarOpen);
  const tool = useAtlas((s) => s.tool);
  const phase = useAtlas(selectDrawPhase);
  const canUndo = useAtlas((s) => !!s.editLayerId && (s.editing[s.editLayerId]?.done.length ?? 0) > 0);
  const key = tool && hintKey(tool);
  if (!phone || sidebarOpen || !tool || !key) return null;
  const { cancelTool, setPanelOpen } = atlasStore.getState();
  return (
    <div className="tool-banner" role="region" aria-label={t('edit.tools')}>
      <p role="status" data-draw-phase={phase}>
        {phase === 'loading' ? t('draw.loading') : phase === 'failed' ? t('draw.failed') : t(key)}
      </p>
      <div className="button-row">
        {(tool.kind === 'edit' || tool.kind === 'split') && (
          <button type="button" disabled={!canUndo} onClick={() => editStep('undo')}>
            ↶ {t('edit.undo')}
          </button>
        )}
        <button type="button" onClick={cancelTool}>
          {t('edit.stop')}
        </button>
        <button type="button" onClick={() => setPanelOpen('sidebar', true)}>
          {t('edit.backToPanel')}
        </button>
      </div>
    </div>
  );
}
