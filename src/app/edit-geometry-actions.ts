import type { Feature, Geometry, LineString } from 'geojson';
import { differenceAreal, intersectAreal, unionAreal, type Areal } from '../analysis/polygon-ops';
import { freshFeatureId, featureKey, type EditOp } from '../edit/ops';
import { splitFeatureGeometry } from '../edit/split';
import { resolveRef } from '../state/selectors';
import type { AtlasStore } from '../state/store';
import { addDrawnFeature, computedValues, reshapeOps } from './edit-actions';

export type GeometryOutcome = { ok: true; n: number } | { ok: false; problem: 'no-cut' | 'self-crossing' | 'nothing' | 'empty' | 'not-polygon' };

const areal = (g: Geometry | null): g is Areal => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');

function context(store: AtlasStore) {
  const s = store.getState();
  const layerId = s.editLayerId;
  const layer = layerId ? s.layers[layerId] : undefined;
  const schema = layerId ? (s.editing[layerId]?.schema ?? []) : [];
  return { s, layerId, layer, schema };
}

/**
 * Splits the polygons the line cuts through: the selected ones of the edited layer, else all of them.
 * The largest piece of each cut part keeps the feature (and its id), with the parts the line missed; the
 * others are new features with the same attributes.
 */
export function splitWithLine(store: AtlasStore, line: LineString): GeometryOutcome {
  const { s, layerId, layer, schema } = context(store);
  if (!layerId || !layer) return { ok: false, problem: 'nothing' };
  const chosen = new Set(s.selection.filter((r) => r.layerId === layerId).map((r) => r.featureId));
  const ops: EditOp[] = [];
  let features = layer.data.features;
  let made = 0;
  let problem: 'no-cut' | 'self-crossing' = 'no-cut';
  layer.data.features.forEach((f, i) => {
    const id = featureKey(f, i);
    if ((chosen.size && !chosen.has(id)) || !areal(f.geometry)) return;
    const r = splitFeatureGeometry(f.geometry, line);
    if ('problem' in r) {
      if (r.problem === 'self-crossing') problem = r.problem;
      return;
    }
    ops.push(...reshapeOps(f, id, r.keep, schema));
    for (const p of r.split) {
      const nid = freshFeatureId(features);
      const feature: Feature = { type: 'Feature', id: nid, geometry: p, properties: { ...(f.properties ?? {}), ...computedValues(schema, p) } };
      features = [...features, feature];
      ops.push({ type: 'add', feature, index: features.length - 1 });
    }
    made += 1 + r.split.length;
  });
  if (!ops.length) return { ok: false, problem };
  return s.applyEdit(layerId, { type: 'batch', ops }) ? { ok: true, n: made } : { ok: false, problem: 'nothing' };
}

/** The selected polygons of the edited layer become one (the inspected one, or the first, keeps its attributes). */
export function mergeSelected(store: AtlasStore): GeometryOutcome {
  const { s, layerId, layer, schema } = context(store);
  if (!layerId || !layer) return { ok: false, problem: 'nothing' };
  const refs = s.selection.filter((r) => r.layerId === layerId);
  const first = refs.find((r) => r.featureId === s.inspected?.featureId) ?? refs[0];
  const parts = refs.map((r) => resolveRef(s, r)?.feature).filter((f): f is Feature => !!f && areal(f.geometry));
  if (!first || parts.length < 2) return { ok: false, problem: 'not-polygon' };
  const union = unionAreal(parts.map((f) => f.geometry as Areal));
  if (!union) return { ok: false, problem: 'empty' };
  const keep = resolveRef(s, first)!.feature;
  const ops: EditOp[] = reshapeOps(keep, first.featureId, union, schema);
  for (const f of parts) {
    const id = String(f.id);
    if (id === first.featureId) continue;
    ops.push({ type: 'delete', feature: f, index: layer.data.features.indexOf(f) });
  }
  if (!s.applyEdit(layerId, { type: 'batch', ops })) return { ok: false, problem: 'nothing' };
  store.getState().setSelection([first]);
  return { ok: true, n: parts.length };
}

/** The inspected feature of the edited layer clipped by the other selected polygons: what lies inside them (`keep`) or outside (`erase`). */
export function clipInspected(store: AtlasStore, mode: 'keep' | 'erase'): GeometryOutcome {
  const { s, layerId, schema } = context(store);
  const target = s.inspected?.layerId === layerId ? resolveRef(s, s.inspected) : null;
  if (!layerId || !target || !areal(target.feature.geometry)) return { ok: false, problem: 'not-polygon' };
  const by = s.selection
    .filter((r) => !(r.layerId === layerId && r.featureId === s.inspected!.featureId))
    .map((r) => resolveRef(s, r)?.feature.geometry ?? null)
    .filter(areal);
  if (!by.length) return { ok: false, problem: 'nothing' };
  const mask = unionAreal(by);
  const g = mask && (mode === 'keep' ? intersectAreal(target.feature.geometry, mask) : differenceAreal(target.feature.geometry, [mask]));
  if (!g) return { ok: false, problem: 'empty' };
  const ops = reshapeOps(target.feature, s.inspected!.featureId, g, schema);
  return s.applyEdit(layerId, { type: 'batch', ops }) ? { ok: true, n: 1 } : { ok: false, problem: 'nothing' };
}

/** A buffer of the inspected feature (any layer) at `meters`, added to the edited layer as a new feature. */
export async function bufferInspected(store: AtlasStore, meters: number): Promise<GeometryOutcome> {
  const { s, layerId, layer } = context(store);
  const target = resolveRef(s, s.inspected);
  if (!layerId || !layer || !target || !(meters > 0)) return { ok: false, problem: 'nothing' };
  const { featureBuffer } = await import('../analysis/feature-buffer');
  const ring = featureBuffer(target.feature, meters);
  if (!ring) return { ok: false, problem: 'empty' };
  return addDrawnFeature(store, ring.geometry) ? { ok: true, n: 1 } : { ok: false, problem: 'nothing' };
}

/** A shape drawn onto the inspected feature: a hole cut out of it, or another part of it (multi-part). */
export function drawOntoInspected(store: AtlasStore, drawn: Geometry, mode: 'hole' | 'part'): GeometryOutcome {
  const { s, layerId, schema } = context(store);
  const target = s.inspected?.layerId === layerId ? resolveRef(s, s.inspected) : null;
  const g = target?.feature.geometry;
  if (!layerId || !target || !g) return { ok: false, problem: 'nothing' };
  let after: Geometry | null = null;
  if (areal(g) && areal(drawn)) after = mode === 'hole' ? differenceAreal(g, [drawn]) : unionAreal([g, drawn]);
  else if (mode === 'part' && drawn.type === 'LineString' && (g.type === 'LineString' || g.type === 'MultiLineString'))
    after = { type: 'MultiLineString', coordinates: [...(g.type === 'LineString' ? [g.coordinates] : g.coordinates), drawn.coordinates] };
  else if (mode === 'part' && drawn.type === 'Point' && (g.type === 'Point' || g.type === 'MultiPoint'))
    after = { type: 'MultiPoint', coordinates: [...(g.type === 'Point' ? [g.coordinates] : g.coordinates), drawn.coordinates] };
  else return { ok: false, problem: 'not-polygon' };
  if (!after) return { ok: false, problem: 'empty' };
  const ops = reshapeOps(target.feature, s.inspected!.featureId, after, schema);
  return s.applyEdit(layerId, { type: 'batch', ops }) ? { ok: true, n: 1 } : { ok: false, problem: 'nothing' };
}
