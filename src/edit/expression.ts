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

/** Which measured values an expression reads: a filter over 200 000 parcels measures only what it asks for. */
type Needs = { area: boolean; length: boolean; at: boolean };
const ALL: Needs = { area: true, length: true, at: true };

function needsOf(text: string): Needs {
  return { area: text.includes('$area_'), length: text.includes('$length_m'), at: text.includes('$lon') || text.includes('$lat') };
}

/** The feature as the expression sees it: its properties and the measured `$` values. */
export function expressionFeature(f: Feature, needs: Needs = ALL) {
  const g = f.geometry;
  const polygonal = g?.type === 'Polygon' || g?.type === 'MultiPolygon';
  const area = polygonal && needs.area ? geodesicArea(g) : 0;
  const at = g && needs.at ? labelPoint(g) : null;
  const extra: Record<string, unknown> = {
    $area_m2: area,
    $area_mu: area / AREA_UNIT_M2.mu,
    $length_m: g && needs.length && (polygonal || g.type === 'LineString' || g.type === 'MultiLineString') ? geodesicLength(g) : 0,
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
  const needs = needsOf(text);
  return {
    ok: true,
    evaluate: (f) => expr.evaluateWithoutErrorHandling({ zoom: 0 }, expressionFeature(f, needs) as never),
  };
}

/**
 * An expression filter's test: true only where the expression gives `true`; a feature it cannot be
 * evaluated on (a field of another type) does not pass, as in MapLibre's own layer filters.
 */
export function compileFilter(text: string): { ok: true; test: (f: Feature) => boolean } | { ok: false; message: string } {
  const c = compileExpression(text, 'filter');
  if (!c.ok) return c;
  return {
    ok: true,
    test: (f) => {
      try {
        return c.evaluate(f) === true;
      } catch {
        return false;
      }
    },
  };
}
