import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { geodesicLength } from '../analysis/geodesic-length';
import { labelPoint } from '../analysis/label-points';
import { AREA_UNIT_M2 } from '../analysis/units';

/**
 * Field calculator and "select by expression" in MapLibre's expression language (the one styles use, so
 * a planner's expression reads the same everywhere), evaluated by MapLibre's own engine — never `eval`.
 * Besides the feature's fields, `["get", "$area_m2"]`, `$area_mu`, `$length_m` (ellipsoidal), `$lon` /
 * `$lat` (a point inside the feature) and `$id` can be read.
 * @example compileExpression('["*", ["get", "RJL"], ["get", "$area_m2"]]', 'value')
 */
export type Compiled = { ok: true; evaluate: (f: Feature) => unknown } | { ok: false; message: string };

const TYPES: Record<string, 1 | 2 | 3> = { Point: 1, MultiPoint: 1, LineString: 2, MultiLineString: 2, Polygon: 3, MultiPolygon: 3 };

/** The feature as the expression sees it: its properties and the measured `$` values. */
export function expressionFeature(f: Feature) {
  const g = f.geometry;
  const polygonal = g?.type === 'Polygon' || g?.type === 'MultiPolygon';
  const area = polygonal ? geodesicArea(g) : 0;
  const at = g ? labelPoint(g) : null;
  const extra: Record<string, unknown> = {
    $area_m2: area,
    $area_mu: area / AREA_UNIT_M2.mu,
    $length_m: g && (polygonal || g.type === 'LineString' || g.type === 'MultiLineString') ? geodesicLength(g) : 0,
    $lon: at?.[0] ?? null,
    $lat: at?.[1] ?? null,
    $id: f.id ?? null,
  };
  return { type: g ? (TYPES[g.type] ?? 1) : 1, id: f.id, properties: { ...(f.properties ?? {}), ...extra }, geometry: [] };
}

export function compileExpression(text: string, kind: 'value' | 'filter'): Compiled {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const spec = kind === 'filter' ? { type: 'boolean', default: false, 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['feature'] } } : undefined;
  const r = createExpression(json, kind === 'filter' ? 'filter' : 'field-calculator', spec as never);
  if (r.result !== 'success') return { ok: false, message: r.value.map((e) => `${e.key ? `${e.key}: ` : ''}${e.message}`).join('; ') };
  const expr = r.value;
  return {
    ok: true,
    evaluate: (f) => expr.evaluateWithoutErrorHandling({ zoom: 0 }, expressionFeature(f) as never),
  };
}
