import { useState } from 'react';
import { rerunImport } from '../../app/import-actions';
import type { ImportedLayer, ImportOptions } from '../../io/types';
import type { MessageKey } from '../../i18n/zh';
import { atlasStore, useAtlas } from '../../state/store';
import { useT } from '../use-t';
import { Gcj02PreviewPane } from './Gcj02Preview';
import './gcj02.css';

/** Per layer: why it may be GCJ-02, both placements side by side, and the planner's choice. */
export function Gcj02Choice({ layer, options }: { layer: ImportedLayer; options: ImportOptions }) {
  const t = useT();
  const running = useAtlas((s) => s.importSession?.status === 'running');
  const [kept, setKept] = useState(false);
  const hint = layer.gcj02;
  if (!hint || kept || !layer.source) return null;
  const source = layer.source;
  const convert = () => void rerunImport(atlasStore, { ...options, gcj02Files: [...(options.gcj02Files ?? []).filter((f) => f !== source), source] });
  const p = hint.preview;
  return (
    <div className={`gcj-choice ${hint.level}`} role="group" aria-label={t('import.gcj.group', { name: layer.name })}>
      <p>
        <strong>{t(hint.level === 'likely' ? 'import.gcj.likely' : 'import.gcj.possible')}</strong>
      </p>
      <ul className="hint">
        {hint.reasons.map((r) => (
          <li key={r}>
            {t(`import.gcj.reason.${r}` as MessageKey, {
              matched: hint.reference?.matched ?? 0,
              example: hint.reference?.example ?? '',
              asRead: Math.round(hint.reference?.asRead ?? 0),
              converted: Math.round(hint.reference?.converted ?? 0),
            })}
          </li>
        ))}
      </ul>
      {p && (
        <>
          <div className="gcj-panes">
            <Gcj02PreviewPane preview={p} placement="asRead" title={t('import.gcj.asRead')} />
            <Gcj02PreviewPane preview={p} placement="converted" title={t('import.gcj.converted')} />
          </div>
          <p className="hint">{t('import.gcj.shift', {
              ew: t(p.shift.east < 0 ? 'import.gcj.west' : 'import.gcj.east', { m: Math.abs(p.shift.east) }),
              ns: t(p.shift.north < 0 ? 'import.gcj.south' : 'import.gcj.north', { m: Math.abs(p.shift.north) }),
              w: p.widthM / 1000,
            })}</p>
        </>
      )}
      <div className="gcj-actions">
        <button type="button" disabled={running} onClick={convert}>
          {t('import.gcj.convert')}
        </button>
        <button type="button" onClick={() => setKept(true)}>
          {t('import.gcj.keep')}
        </button>
      </div>
    </div>
  );
}
