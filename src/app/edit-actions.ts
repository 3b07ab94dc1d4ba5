import type { Feature, Geometry } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { coerceValue, emptyProperties, valueChanges, type FieldDef, type FieldProblem } from '../edit/field-schema';
import { featureKey, freshFeatureId, type EditOp } from '../edit/ops';
import { withPiece, type Piece } from '../edit/pieces';
import { ANNOTATION_KIND, annotationKind, isAnnotationSchema } from '../edit/annotations';
import type { AtlasStore } from '../state/store';

type Props = Record<string, unknown>;

/** Values the schema computes from the geometry (用地面积 in m², ellipsoidal), to 2 decimals as a survey gives them. */
export function computedValues(schema: readonly FieldDef[], g: Geometry | null): Props {
  const out: Props = {};
  for (const f of schema) if (f.computed === 'area_m2') out[f.name] = g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? Math.round(geodesicArea(g) * 100) / 100 : null;
  return out;
}

function findFeature(store: AtlasStore, layerId: string, id: string): { feature: Feature; index: number } | null {
  const fs = store.getState().layers[layerId]?.data.features ?? [];
  const index = fs.findIndex((f, i) => featureKey(f, i) === id);
  return index < 0 ? null : { feature: fs[index]!, index };
}

/** The steps that give feature `f` geometry `g`, with the computed fields it changes (one undo takes back both). */
export function reshapeOps(f: Feature, id: string, g: Geometry, schema: readonly FieldDef[]): EditOp[] {
  const before = (f.properties ?? {}) as Props;
  const computed = computedValues(schema, g);
  const ops: EditOp[] = [{ type: 'geometry', id, before: f.geometry, after: g }];
  if (Object.keys(computed).some((k) => before[k] !== computed[k])) ops.push({ type: 'attributes', id, before, after: { ...before, ...computed } });
  return ops;
}

function geometryOp(store: AtlasStore, layerId: string, feature: Feature, id: string, after: Geometry): EditOp {
  const ops = reshapeOps(feature, id, after, store.getState().editing[layerId]?.schema ?? []);
  return ops.length === 1 ? ops[0]! : { type: 'batch', ops };
}

/** A shape drawn with an edit tool becomes a feature of the edited layer, opened in the inspector for its attributes. */
export function addDrawnFeature(store: AtlasStore, g: Geometry): string | null {
  const s = store.getState();
  const layerId = s.editLayerId;
  const layer = layerId ? s.layers[layerId] : undefined;
  const edit = layerId ? s.editing[layerId] : undefined;
  if (!layerId || !layer || !edit || edit.conflict) return null;
  const id = freshFeatureId(layer.data.features);
  // Review markup says what each shape is and when it was made.
  const markup = isAnnotationSchema(edit.schema) ? { [ANNOTATION_KIND]: annotationKind(g), DATE: new Date().toISOString().slice(0, 10) } : {};
  const feature: Feature = { type: 'Feature', id, geometry: g, properties: { ...emptyProperties(edit.schema), ...computedValues(edit.schema, g), ...markup } };
  if (!s.applyEdit(layerId, { type: 'add', feature, index: layer.data.features.length })) return null;
  store.getState().inspect({ layerId, featureId: id });
  return id;
}

/** A ring or part reshaped on the map replaces its place in the feature. */
export function commitPiece(store: AtlasStore, layerId: string, piece: Piece): boolean {
  const found = findFeature(store, layerId, piece.featureId);
  if (!found?.feature.geometry) return false;
  const after = withPiece(found.feature.geometry, piece);
  return store.getState().applyEdit(layerId, geometryOp(store, layerId, found.feature, piece.featureId, after));
}

/** The feature as it would be with this piece, shown while the piece is dragged (no step taken). */
export function previewPiece(store: AtlasStore, layerId: string, piece: Piece): void {
  const base = findFeature(store, layerId, piece.featureId)?.feature.geometry;
  if (base) store.getState().setReshapePreview({ layerId, featureId: piece.featureId, base, geometry: withPiece(base, piece) });
}

/** Replaces a feature's whole geometry (typed coordinates, tools). */
export function replaceGeometry(store: AtlasStore, layerId: string, featureId: string, after: Geometry): boolean {
  const found = findFeature(store, layerId, featureId);
  return found ? store.getState().applyEdit(layerId, geometryOp(store, layerId, found.feature, featureId, after)) : false;
}

export function deleteFeature(store: AtlasStore, layerId: string, featureId: string): boolean {
  const found = findFeature(store, layerId, featureId);
  if (!found) return false;
  const ok = store.getState().applyEdit(layerId, { type: 'delete', feature: found.feature, index: found.index });
  const s = store.getState();
  if (ok && s.inspected?.layerId === layerId && s.inspected.featureId === featureId) s.inspect(null);
  return ok;
}

/** Sets one attribute from what was typed; the problem when the schema refuses it (nothing changes then). */
export function setAttribute(store: AtlasStore, layerId: string, featureId: string, def: FieldDef, raw: string): FieldProblem | null {
  const r = coerceValue(def, raw);
  if (!r.ok) return r.problem;
  const found = findFeature(store, layerId, featureId);
  if (!found) return null;
  const before = (found.feature.properties ?? {}) as Props;
  const changes = valueChanges(def, r.value);
  if (Object.entries(changes).every(([k, v]) => before[k] === v)) return null;
  store.getState().applyEdit(layerId, { type: 'attributes', id: featureId, before, after: { ...before, ...changes } });
  return null;
}
