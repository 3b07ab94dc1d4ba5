import { plural } from '../i18n/plural';
import { useEffect, type ReactNode } from 'react';
import { selectionBbox } from '../app/feature-bbox';
import { formatCount } from '../domain/format';
import { atlasStore, useAtlas } from '../state/store';
import { useLang, useT } from './use-t';
import { DrawHint } from './DrawHint';
import { preloadDrawCode } from '../map/draw-code';

function zoomToSelection(): void {
  const s = atlasStore.getState();
  const box = selectionBbox(s);
  if (box) s.requestCamera({ bbox: box });
}

/** How many features are selected, with zoom-to, clear, polygon select and (via `children`) export. */
export function SelectionBar({ children }: { children?: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const count = useAtlas((s) => s.selection.length);
  const tool = useAtlas((s) => s.tool);
  useEffect(() => {
    // Esc cancels a drawing first, then clears the selection.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const s = atlasStore.getState();
      if (s.tool) s.cancelTool();
      else s.clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const { clearSelection, startTool, cancelTool } = atlasStore.getState();
  return (
    <div className="selection-bar" role="toolbar" aria-label={t('selection.bar')}>
      <span className="selection-count" aria-live="polite" data-testid="selection-count">
        {plural(lang, 'selection.count', count)}
      </span>
      <button type="button" onClick={zoomToSelection} disabled={count === 0}>
        {t('selection.zoom')}
      </button>
      <button type="button" onClick={clearSelection} disabled={count === 0}>
        {t('selection.clear')}
      </button>
      <button
        type="button"
        onPointerEnter={preloadDrawCode}
        onFocus={preloadDrawCode}
        aria-pressed={tool?.kind === 'select'}
        onClick={() => (tool?.kind === 'select' ? cancelTool() : startTool('select', 'polygon'))}
      >
        {t('selection.selectPolygon')}
      </button>
      {children}
      {tool?.kind === 'select' ? <DrawHint hint={t('selection.drawing')} /> : <span className="hint">{t('selection.hint')}</span>}
    </div>
  );
}
