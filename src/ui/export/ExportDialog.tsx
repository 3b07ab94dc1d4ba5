import { lazy, Suspense, useMemo, useState } from 'react';
import { plural } from '../../i18n/plural';
import { useShallow } from 'zustand/react/shallow';
import { buildExport, countExport, downloadFile, type ExportRequest, type ExportScope } from '../../app/export-actions';
import type { FormatId } from '../../io/formats';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { formatCount } from '../../domain/format';
import { useLang, useT } from '../use-t';
import { SERVER_SCOPES } from '../../app/server-export';
import { LayerSelect } from '../LayerSelect';
import { GDAL_EXPORT_FORMATS } from '../../io/gdal/gdal-export-formats';
import type { ImportIssue } from '../../io/types';
import { ExportNotes } from './ExportNotes';

// Only needed once a GDAL format is picked.
const ExportCrsSelect = lazy(() => import('./ExportCrsSelect').then((m) => ({ default: m.ExportCrsSelect })));

const FORMATS: { id: FormatId; label: string }[] = [
  { id: 'geojson', label: 'GeoJSON' },
  { id: 'kml', label: 'KML' },
  { id: 'csv', label: 'CSV' },
  { id: 'shapefile', label: 'Shapefile (.zip)' },
  ...GDAL_EXPORT_FORMATS,
];
const PRECISIONS: [number, string][] = [
  [7, '1 cm'],
  [6, '10 cm'],
  [5, '1 m'],
];

/** Chooses format and options, shows how many features will go out, then downloads the file. */
export function ExportDialog({ scope, onClose, onDone }: { scope: ExportScope; onClose: () => void; onDone: (msg: string) => void }) {
  const t = useT();
  const lang = useLang();
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => !l.service).reverse()));
  const hasZone = useAtlas((s) => s.zone !== null);
  const [req, setReq] = useState<ExportRequest>({ scope, format: 'geojson', layerId: layers.find((l) => l.filterable && !l.vectorTiles)?.id, zoneMode: 'intersecting' });
  // A database layer's features are not in the page: the dialog says where to get them instead of leaving them out unseen.
  const inDatabase = layers.filter((l) => l.visible && l.vectorTiles?.server).map((l) => l.title[lang]);
  const [error, setError] = useState<string | null>(null);
  const [notes, setNotes] = useState<{ done: string; issues: ImportIssue[] } | null>(null);
  const state = useAtlas((s) => s);
  const count = useMemo(() => countExport(state, req), [state, req]);
  const patch = (c: Partial<ExportRequest>) => setReq((r) => ({ ...r, ...c }));
  const run = async () => {
    try {
      const file = await buildExport(atlasStore.getState(), req);
      downloadFile(file);
      const done = plural(lang, 'export.done', file.count, { name: file.name });
      // What the format could not hold as it was is said before the dialog goes, never dropped.
      if (file.issues.length) setNotes({ done, issues: file.issues });
      else {
        onDone(done);
        onClose();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="modal-backdrop">
      <section className="modal" role="dialog" aria-modal="true" aria-labelledby="export-title" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}>
        <h2 id="export-title">{t('export.dialog')}</h2>
        {notes ? <ExportNotes done={notes.done} issues={notes.issues} onClose={onClose} /> : form()}
      </section>
    </div>
  );

  // A plain function, not a component: a component declared here would remount (and lose focus) on every render.
  function form() {
    return (
      <>
        <p className="muted">{t(`export.${scope}` as const)}</p>
        {scope === 'layer' && (
          <label className="field">
            <span>{t('export.layerChoice')}</span>
            <LayerSelect layers={layers} value={req.layerId ?? ''} onChange={(layerId) => patch({ layerId })} />
          </label>
        )}
        {scope === 'zone' && !hasZone && <p className="bad">{t('export.noZone')}</p>}
        {scope === 'zone' && hasZone && (
          <fieldset className="group">
            <legend>{t('export.zoneMode')}</legend>
            {(['intersecting', 'clipped'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name="zone-mode" checked={req.zoneMode === m} onChange={() => patch({ zoneMode: m })} />
                {t(m === 'intersecting' ? 'export.intersecting' : 'export.clipped')}
              </label>
            ))}
            <label className="check">
              <input type="checkbox" checked={req.includeZone ?? false} onChange={(e) => patch({ includeZone: e.target.checked })} />
              {t('export.includeZone')}
            </label>
          </fieldset>
        )}
        <fieldset className="group">
          <legend>{t('export.format')}</legend>
          {FORMATS.map((f) => (
            <label key={f.id} className="check">
              <input type="radio" name="format" checked={req.format === f.id} onChange={() => patch({ format: f.id })} />
              {f.label}
            </label>
          ))}
        </fieldset>
        {GDAL_EXPORT_FORMATS.some((f) => f.id === req.format) && (
          <Suspense fallback={null}>
            <ExportCrsSelect format={req.format} value={req.crs} onChange={(crs) => patch({ crs })} />
          </Suspense>
        )}
        <label className="field">
          <span>{t('export.precision')}</span>
          <select value={req.precision ?? ''} onChange={(e) => patch({ precision: e.target.value === '' ? undefined : Number(e.target.value) })}>
            <option value="">{t('export.fullPrecision')}</option>
            {PRECISIONS.map(([n, m]) => (
              <option key={n} value={n}>
                {plural(lang, 'export.decimals', n, { m })}
              </option>
            ))}
          </select>
        </label>
        {scope === 'layer' && layers.find((l) => l.id === req.layerId)?.editable && (
          <label className="check">
            <input type="checkbox" checked={req.changeLog ?? false} onChange={(e) => patch({ changeLog: e.target.checked })} />
            {t('export.changeLog')}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={req.derived ?? false} onChange={(e) => patch({ derived: e.target.checked })} />
          {t('export.derived')}
        </label>
        <p role="status">{count > 0 ? plural(lang, 'export.count', count) : t('export.empty')}</p>
        {inDatabase.length > 0 && !SERVER_SCOPES.includes(scope) && <p className="hint">{t('export.database', { layers: inDatabase.join(lang === 'zh' ? '、' : ', ') })}</p>}
        {error && (
          <p className="bad" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="primary" disabled={count === 0} onClick={() => void run()}>
            {t('export.download')}
          </button>
          <button type="button" onClick={onClose}>
            {t('export.cancel')}
          </button>
        </div>
      </>
    );
  }
}
