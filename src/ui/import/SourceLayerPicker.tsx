import { useState } from 'react';
import { rerunImport } from '../../app/import-actions';
import { formatCount } from '../../domain/format';
import type { SourceListing } from '../../io/gdal/issue-codes';
import type { ImportOptions } from '../../io/types';
import { atlasStore } from '../../state/store';
import { useLang, useT } from '../use-t';

/**
 * The layers of multi-layer sources (File Geodatabase feature classes, GeoPackage tables), grouped by
 * feature dataset, each with its geometry type, count and CRS; the checked ones are added.
 */
export function SourceLayerPicker({ sources, options, busy }: { sources: SourceListing[]; options: ImportOptions; busy: boolean }) {
  const t = useT();
  const lang = useLang();
  const all = sources.flatMap((s) => s.layers.map((l) => l.key));
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set(all));
  const toggle = (key: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(key);
    else next.delete(key);
    setChecked(next);
  };
  return (
    <form
      className="source-picker"
      onSubmit={(e) => {
        e.preventDefault();
        void rerunImport(atlasStore, { ...options, layers: [...(options.layers ?? []), ...all.filter((k) => checked.has(k))] });
      }}
    >
      {sources.map((s) => {
        const groups = [...new Set(s.layers.map((l) => l.group ?? ''))];
        return (
          <fieldset className="group" key={s.file}>
            <legend>{t('gdal.pickTitle', { file: s.file })}</legend>
            {groups.map((g) => (
              <div key={g} {...(g ? { role: 'group', 'aria-label': t('gdal.pickGroup', { group: g }) } : {})}>
                {g && <h4>{t('gdal.pickGroup', { group: g })}</h4>}
                {s.layers
                  .filter((l) => (l.group ?? '') === g)
                  .map((l) => (
                    <label className="check" key={l.key}>
                      <input type="checkbox" checked={checked.has(l.key)} onChange={(e) => toggle(l.key, e.target.checked)} />
                      {t('gdal.pickLayer', { name: l.name, type: l.geometryType, n: formatCount(l.featureCount, lang), crs: l.crs ? `, ${l.crs}` : '' })}
                    </label>
                  ))}
              </div>
            ))}
          </fieldset>
        );
      })}
      <div className="row">
        <button type="button" onClick={() => setChecked(new Set(all))}>
          {t('gdal.pickAll')}
        </button>
        <button type="button" onClick={() => setChecked(new Set())}>
          {t('gdal.pickNone')}
        </button>
        <button type="submit" disabled={busy || checked.size === 0}>
          {t('gdal.pickAdd')}
        </button>
      </div>
    </form>
  );
}
