import { useShallow } from 'zustand/react/shallow';
import { formatLength } from '../../domain/format';
import { bboxOfFeature } from '../../app/feature-bbox';
import { selectProximity } from '../../state/proximity';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers, resolveRef } from '../../state/selectors';
import type { ProximityQuery } from '../../state/tools-slice';
import { featureName } from '../labels';
import { useLang, useT } from '../use-t';
import { LayerSelect } from '../LayerSelect';
import { useFeature } from '../use-feature';

const DEFAULT: Omit<ProximityQuery, 'origin'> = { layerId: 'villages', mode: 'nearest', n: 5, radiusKm: 2 };

/** Nearest N features of a layer, or all within r km (with the buffer ring drawn), from a feature or point. */
export function ProximityPanel() {
  const t = useT();
  const lang = useLang();
  const q = useAtlas((s) => s.proximity);
  const tool = useAtlas((s) => s.tool);
  const inspected = useAtlas((s) => s.inspected);
  // A big layer's feature comes from its worker (useFeature), and goes into the question with its geometry.
  const inspectedFeature = useFeature(inspected);
  const inspectedName = inspectedFeature ? featureName(inspectedFeature.feature.properties, lang, inspectedFeature.feature.id === undefined ? '' : String(inspectedFeature.feature.id)) : null;
  // Database layers (vector tiles of the atlas's server) are not offered here yet: this panel reads features in the page or the worker.
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.filterable && !l.vectorTiles).reverse()));
  const result = useAtlas(selectProximity);
  const lengthUnit = useAtlas((s) => s.lengthUnit);
  const s = atlasStore.getState();
  const base = q ?? { ...DEFAULT, origin: null };
  const set = (change: Partial<ProximityQuery>) => {
    const next = { ...base, ...change };
    if (next.origin) s.setProximity(next as ProximityQuery);
  };
  const originText =
    q?.origin.type === 'point'
      ? t('prox.point', { lon: q.origin.lngLat[0].toFixed(5), lat: q.origin.lngLat[1].toFixed(5) })
      : q?.origin.type === 'feature'
        ? featureName((q.origin.feature ?? resolveRef(s, q.origin)?.feature)?.properties, lang, q.origin.featureId)
        : t('prox.noOrigin');
  return (
    <section className="group" aria-labelledby="prox-title">
      <h3 id="prox-title">{t('prox.title')}</h3>
      <div className="field">
        <span>{t('prox.origin')}</span>
        <strong data-testid="prox-origin">{originText}</strong>
      </div>
      <div className="button-row">
        {inspected && inspectedName !== null && (
          <button
            type="button"
            onClick={() =>
              s.setProximity({ ...base, origin: { type: 'feature', ...inspected, ...(inspectedFeature?.layer.remote ? { feature: inspectedFeature.feature } : {}) } } as ProximityQuery)
            }
          >
            {t('prox.fromSelected', { name: inspectedName })}
          </button>
        )}
        <button type="button" aria-pressed={tool?.kind === 'pick'} onClick={() => (tool?.kind === 'pick' ? s.cancelTool() : s.startTool('pick', 'polygon'))}>
          {t('prox.pick')}
        </button>
      </div>
      {tool?.kind === 'pick' && <p className="hint">{t('prox.picking')}</p>}
      <label className="field">
        <span>{t('prox.layer')}</span>
        <LayerSelect layers={layers} value={base.layerId} onChange={(layerId) => set({ layerId })} disabled={!q} />
      </label>
      <div role="radiogroup" aria-label={t('prox.title')} className="radio-row">
        {(['nearest', 'radius'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="prox-mode" checked={base.mode === m} disabled={!q} onChange={() => set({ mode: m })} />
            {t(m === 'nearest' ? 'prox.nearest' : 'prox.radius')}
          </label>
        ))}
      </div>
      {base.mode === 'nearest' ? (
        <label className="field">
          <span>{t('prox.n')}</span>
          <input type="number" min={1} max={100} value={base.n} disabled={!q} onChange={(e) => set({ n: Math.max(1, Math.min(100, Number(e.target.value) || 1)) })} />
        </label>
      ) : (
        <label className="field">
          <span>{t('prox.radiusKm')}</span>
          <input type="number" min={0.1} max={50} step={0.1} value={base.radiusKm} disabled={!q} onChange={(e) => set({ radiusKm: Math.max(0.01, Math.min(50, Number(e.target.value) || 0.01)) })} />
        </label>
      )}
      {result && (
        <>
          <h4>{t('prox.results', { n: result.rows.length })}</h4>
          <ol className="prox-list" aria-label={t('prox.results', { n: result.rows.length })}>
            {result.rows.map((r) => (
              <li key={r.featureId}>
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => {
                    s.clickFeature({ layerId: r.layerId, featureId: r.featureId }, false);
                    const box = bboxOfFeature(r.feature);
                    if (box) s.requestCamera({ bbox: box });
                  }}
                >
                  {featureName(r.feature.properties, lang, r.featureId)}
                </button>
                <span className="num">{formatLength(r.distanceMeters, lengthUnit, lang)}</span>
              </li>
            ))}
          </ol>
          <div className="button-row">
            <button type="button" onClick={() => s.setSelection(result.rows.map((r) => ({ layerId: r.layerId, featureId: r.featureId })))} disabled={result.rows.length === 0}>
              {t('prox.selectAll')}
            </button>
            {result.ring && result.ring.geometry.type === 'Polygon' && (
              <button
                type="button"
                onClick={() => {
                  const g = result.ring!.geometry;
                  if (g.type === 'Polygon') s.setZone({ type: 'draw', ring: g.coordinates[0]!.slice(0, -1).map((p) => [p[0]!, p[1]!] as [number, number]) });
                }}
              >
                {t('prox.useAsZone')}
              </button>
            )}
            <button type="button" onClick={() => s.setProximity(null)}>
              {t('prox.clear')}
            </button>
          </div>
          <p className="hint">{t('prox.note')}</p>
        </>
      )}
    </section>
  );
}
