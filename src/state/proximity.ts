import type { Feature, Position } from 'geojson';
import { geodesicCircle } from '../analysis/geodesic-circle';
import { proximitySearch, proximityStart, type ProximityStart } from '../analysis/proximity-search';
import { indexOf } from './filter-result';
import { featureById, featureId } from './selectors';
import type { AtlasState } from './store';
import type { ProximityQuery } from './tools-slice';

export interface ProximityResult {
  origin: Position;
  /** The origin feature's own id when it is in the searched layer, so it is not listed as its own neighbour. */
  rows: { layerId: string; featureId: string; distanceMeters: number; feature: Feature }[];
  ring: Feature | null;
}

/** Where the current question's distances start (null while its origin feature is not on the page). */
/** A feature origin's feature: carried with the question (big layers), else looked up on the page. */
function originFeature(s: AtlasState, o: Extract<ProximityQuery['origin'], { type: 'feature' }>): Feature | undefined {
  const layer = s.layers[o.layerId];
  return o.feature ?? (layer ? featureById(layer, o.featureId) : undefined);
}

function originOf(s: AtlasState, q: ProximityQuery): ProximityStart | null {
  if (q.origin.type === 'point') return proximityStart({ point: q.origin.lngLat });
  const f = originFeature(s, q.origin);
  return f ? proximityStart({ feature: f }) : null;
}

/**
 * The line or polygon a radius question starts from, whose buffer the app draws once its library loads;
 * null when the question needs none (nearest N, a picked point, a point feature).
 */
export function featureRingOrigin(s: AtlasState): Feature | null {
  const q = s.proximity;
  if (!q || q.mode !== 'radius' || q.origin.type !== 'feature') return null;
  const f = originFeature(s, q.origin);
  return f?.geometry && f.geometry.type !== 'Point' ? f : null;
}

let rowsMemo: { key: unknown[]; value: Omit<ProximityResult, 'ring'> & { fromPoint: boolean } | null } | null = null;
let memo: { key: unknown[]; value: ProximityResult | null } | null = null;

/** The nearest N or all within r, without the ring: it does not change when a computed ring arrives. */
function proximityRows(s: AtlasState): (Omit<ProximityResult, 'ring'> & { fromPoint: boolean }) | null {
  const q = s.proximity;
  const key = [q, q ? s.layers[q.layerId] : null, q?.origin.type === 'feature' ? s.layers[q.origin.layerId] : null, s.proximityRemote];
  if (rowsMemo && rowsMemo.key.every((k, i) => k === key[i])) return rowsMemo.value;
  let value: (Omit<ProximityResult, 'ring'> & { fromPoint: boolean }) | null = null;
  const layer = q ? s.layers[q.layerId] : undefined;
  // A big layer is asked in its worker (src/app/proximity-big.ts): its answer, once it is for this question.
  const remote = layer?.remote ? (s.proximityRemote?.query === q ? s.proximityRemote : null) : undefined;
  const origin = q && remote === undefined ? originOf(s, q) : null;
  if (remote) value = { origin: remote.origin, rows: remote.rows.map((r) => ({ layerId: layer!.id, ...r })), fromPoint: remote.fromPoint };
  else if (q && layer && origin) {
    const index = indexOf(layer.data);
    const self = q.origin.type === 'feature' && q.origin.layerId === q.layerId ? q.origin.featureId : null;
    const features = layer.data.features;
    const raw = proximitySearch(index, origin, { mode: q.mode, n: q.n, radiusMeters: q.radiusKm * 1000 }, self === null ? undefined : (i) => featureId(features[i]!) === self);
    const rows = raw.map((x) => ({ layerId: layer.id, featureId: featureId(features[x.index]!), distanceMeters: x.distanceMeters, feature: features[x.index]! }));
    value = { origin: origin.point, rows, fromPoint: !origin.packed };
  }
  rowsMemo = { key, value };
  return value;
}

/** The answer to the current proximity question (nearest N or all within r), geodesic distances. */
export function selectProximity(s: AtlasState): ProximityResult | null {
  const q = s.proximity;
  const found = proximityRows(s);
  const originData = q?.origin.type === 'feature' ? s.layers[q.origin.layerId]?.data : undefined;
  const key = [found, s.proximityRing];
  if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
  let value: ProximityResult | null = null;
  if (q && found) {
    // The ring is the area searched: the geodesic circle around a point; around a feature its buffer, which
    // the app computes once the buffer code has loaded (until then no ring).
    let ring: Feature | null = null;
    if (q.mode === 'radius' && found.fromPoint) ring = { type: 'Feature', properties: { role: 'buffer' }, geometry: geodesicCircle(found.origin, q.radiusKm * 1000) };
    else if (q.mode === 'radius' && s.proximityRing?.query === q && s.proximityRing.data === originData) ring = s.proximityRing.ring;
    value = { origin: found.origin, rows: found.rows, ring };
  }
  memo = { key, value };
  return value;
}
