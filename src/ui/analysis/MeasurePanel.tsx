import { useMemo, useState } from 'react';
import { bboxOfGeometry } from '../../app/feature-bbox';
import { measureFigure } from '../../state/measure-overlay';
import type { Feature } from 'geojson';
import { geodesicArea } from '../../analysis/geodesic-area';
import { geodesicLength } from '../../analysis/geodesic-length';
import { formatArea, formatLength } from '../../domain/format';
import { parseCoordinateList } from '../../domain/coordinate-list';
import { atlasStore, useAtlas } from '../../state/store';
import type { DrawnShape } from '../../state/tools-slice';
import { useLang, useT } from '../use-t';
import { DrawHint } from '../DrawHint';
import { preloadDrawCode } from '../../map/draw-code';

const LAYER_ID = 'user-measurements';
const FIGURE = 'figure';
let kept = 0;

function keepAsLayer(shape: DrawnShape, title: string): void {
  const s = atlasStore.getState();
  const props: Record<string, unknown> =
    shape.type === 'Polygon' ? { area_m2: geodesicArea(shape), perimeter_m: geodesicLength(shape) } : { length_m: geodesicLength(shape) };
  // The figure as measured (in the unit shown then) labels the shape on the map.
  props[FIGURE] = measureFigure(shape, s);
  const feature: Feature = { type: 'Feature', id: `m-${Date.now().toString(36)}-${++kept}`, properties: { name: `${title} ${kept}`, ...props }, geometry: shape };
  const existing = s.layers[LAYER_ID];
  if (existing) {
    s.addLayers([{ ...existing, geometry: existing.geometry === (shape.type === 'Polygon' ? 'polygon' : 'line') ? existing.geometry : 'mixed', data: { type: 'FeatureCollection', features: [...existing.data.features, feature] } }]);
  } else {
    s.addLayers([
      {
        id: LAYER_ID,
        origin: 'user',
        title: { zh: '测量结果', en: 'Measurements' },
        geometry: shape.type === 'Polygon' ? 'polygon' : 'line',
        data: { type: 'FeatureCollection', features: [feature] },
        style: { color: '#0077b6', fillOpacity: 0.2, lineWidth: 2.5, labelled: true },
        labelField: FIGURE,
        visible: true,
        opacity: 1,
        filterable: true,
      },
    ]);
  }
}

/** Draw a line or polygon and read its ellipsoidal length or area live; or type the coordinates. */
export function MeasurePanel() {
  const t = useT();
  const lang = useLang();
  const tool = useAtlas((s) => s.tool);
  const drawn = useAtlas((s) => s.drawn);
  const areaUnit = useAtlas((s) => s.areaUnit);
  const lengthUnit = useAtlas((s) => s.lengthUnit);
  const [typed, setTyped] = useState('');
  const typedShape = useAtlas((s) => s.measured);
  const setTypedShape = atlasStore.getState().setMeasured;
  const [error, setError] = useState<string | null>(null);
  const measuring = tool?.kind === 'measure';
  const shape = measuring ? drawn : typedShape;
  const figures = useMemo(() => {
    if (!shape) return null;
    if (shape.type === 'Polygon' && shape.coordinates[0] && shape.coordinates[0].length >= 4) return { area: geodesicArea(shape), perimeter: geodesicLength(shape) };
    if (shape.type === 'LineString' && shape.coordinates.length >= 2) return { length: geodesicLength(shape) };
    return null;
  }, [shape]);
  const { startTool, cancelTool } = atlasStore.getState();
  const applyTyped = () => {
    const r = parseCoordinateList(typed);
    if ('bad' in r) {
      setError(t('measure.coordsBad', { n: r.bad.n, text: r.bad.text }));
      return;
    }
    setError(null);
    const pts = r.points;
    // Three or more points enclose an area (with its perimeter); two give a length.
    const next: DrawnShape | null =
      pts.length >= 3 ? { type: 'Polygon', coordinates: [[...pts, pts[0]!]] } : pts.length === 2 ? { type: 'LineString', coordinates: pts } : null;
    cancelTool();
    setTypedShape(next);
    const box = next && bboxOfGeometry(next);
    if (box) atlasStore.getState().requestCamera({ bbox: box });
  };
  return (
    <section className="group" aria-labelledby="measure-title">
      <h3 id="measure-title">{t('measure.title')}</h3>
      <div className="button-row">
        <button type="button" onPointerEnter={preloadDrawCode} onFocus={preloadDrawCode} aria-pressed={measuring && tool?.shape === 'linestring'} onClick={() => { setTypedShape(null); startTool('measure', 'linestring'); }}>
          {t('measure.line')}
        </button>
        <button type="button" onPointerEnter={preloadDrawCode} onFocus={preloadDrawCode} aria-pressed={measuring && tool?.shape === 'polygon'} onClick={() => { setTypedShape(null); startTool('measure', 'polygon'); }}>
          {t('measure.polygon')}
        </button>
        {measuring && (
          <button type="button" onClick={cancelTool}>
            {t('measure.cancel')}
          </button>
        )}
      </div>
      {measuring && <DrawHint hint={t('measure.hint')} />}
      {figures && (
        <dl className="attributes" aria-live="polite" data-testid="measure-result">
          {figures.area !== undefined && (
            <div className="attr-row">
              <dt>{t('measure.area')}</dt>
              <dd data-testid="measure-result-area">{formatArea(figures.area, areaUnit, lang)}</dd>
            </div>
          )}
          {figures.perimeter !== undefined && (
            <div className="attr-row">
              <dt>{t('measure.perimeter')}</dt>
              <dd>{formatLength(figures.perimeter, lengthUnit, lang)}</dd>
            </div>
          )}
          {figures.length !== undefined && (
            <div className="attr-row">
              <dt>{t('measure.length')}</dt>
              <dd data-testid="measure-result-length">{formatLength(figures.length, lengthUnit, lang)}</dd>
            </div>
          )}
        </dl>
      )}
      {figures && shape && (
        <div className="button-row">
          <button type="button" onClick={() => keepAsLayer(shape, t('measure.kept'))}>
            {t('measure.keep')}
          </button>
          {!measuring && (
            <button type="button" onClick={() => setTypedShape(null)}>
              {t('measure.clear')}
            </button>
          )}
        </div>
      )}
      <label className="field">
        <span>{t('measure.coords')}</span>
        <textarea rows={3} value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <button type="button" onClick={applyTyped} disabled={typed.trim() === ''}>
        {t('measure.coordsApply')}
      </button>
      {error && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
