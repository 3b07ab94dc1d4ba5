import type { Feature, FeatureCollection, Geometry } from 'geojson';

type Props = Record<string, unknown>;

/**
 * One edit of a layer, reversible by itself: every op carries what it replaces, so undo needs no copy of
 * the layer and the journal can replay a session from the layer's first saved state.
 */
export type EditOp =
  | { type: 'add'; feature: Feature; index: number }
  | { type: 'delete'; feature: Feature; index: number }
  | { type: 'geometry'; id: string; before: Geometry; after: Geometry }
  | { type: 'attributes'; id: string; before: Props; after: Props }
  /** Several ops that are one step for the person (a split deletes one feature and adds two). */
  | { type: 'batch'; ops: EditOp[] };

export class EditConflict extends Error {
  constructor(
    readonly op: EditOp,
    readonly reason: 'missing' | 'exists' | 'changed',
  ) {
    super(`edit ${op.type} does not fit the layer (${reason})`);
  }
}

export function featureKey(f: Feature, index: number): string {
  return String(f.id ?? (f.properties as Props | null)?.['id'] ?? index);
}

function indexOf(features: readonly Feature[], id: string): number {
  for (let i = 0; i < features.length; i++) if (featureKey(features[i]!, i) === id) return i;
  return -1;
}

/** The op that undoes `op`. */
export function invertOp(op: EditOp): EditOp {
  switch (op.type) {
    case 'add':
      return { type: 'delete', feature: op.feature, index: op.index };
    case 'delete':
      return { type: 'add', feature: op.feature, index: op.index };
    case 'geometry':
      return { type: 'geometry', id: op.id, before: op.after, after: op.before };
    case 'attributes':
      return { type: 'attributes', id: op.id, before: op.after, after: op.before };
    case 'batch':
      return { type: 'batch', ops: op.ops.map(invertOp).reverse() };
  }
}

/**
 * The layer after `op`, as a new collection (the old one is untouched: the map, the undo stack and the
 * persisted base keep theirs). Throws EditConflict when the op names a feature that is not as it expects.
 */
export function applyOp(fc: FeatureCollection, op: EditOp): FeatureCollection {
  return applyRecorded(fc, op).data;
}

/**
 * `applyOp`, with the op as it actually fitted: each add and delete at the position it took when it ran
 * (after the ops before it in its batch) and each replacement with what it replaced. Callers build a step
 * against the layer as it was before the step (a merge deletes B and C at their old places 1 and 2), but
 * only positions taken in turn give back the same order when the inverse runs in reverse, so the undo
 * stack keeps this op rather than the caller's.
 */
export function applyRecorded(fc: FeatureCollection, op: EditOp): { data: FeatureCollection; op: EditOp } {
  const features = [...fc.features];
  const recorded = applyTo(features, op);
  return { data: { ...fc, features }, op: recorded };
}

function applyTo(features: Feature[], op: EditOp): EditOp {
  switch (op.type) {
    case 'add': {
      if (indexOf(features, featureKey(op.feature, op.index)) >= 0) throw new EditConflict(op, 'exists');
      const at = Math.min(op.index, features.length);
      features.splice(at, 0, op.feature);
      return at === op.index ? op : { ...op, index: at };
    }
    case 'delete': {
      const at = indexOf(features, featureKey(op.feature, op.index));
      if (at < 0) throw new EditConflict(op, 'missing');
      const [gone] = features.splice(at, 1);
      return at === op.index && gone === op.feature ? op : { ...op, feature: gone!, index: at };
    }
    case 'geometry': {
      const at = indexOf(features, op.id);
      if (at < 0) throw new EditConflict(op, 'missing');
      const f = features[at]!;
      features[at] = { ...f, geometry: op.after };
      return f.geometry === op.before ? op : { ...op, before: f.geometry };
    }
    case 'attributes': {
      const at = indexOf(features, op.id);
      if (at < 0) throw new EditConflict(op, 'missing');
      const f = features[at]!;
      features[at] = { ...f, properties: { ...op.after } };
      const before = (f.properties ?? {}) as Props;
      return before === op.before ? op : { ...op, before };
    }
    case 'batch': {
      const ops = op.ops.map((o) => applyTo(features, o));
      return ops.every((o, i) => o === op.ops[i]) ? op : { ...op, ops };
    }
  }
}

/** An id no feature of the layer has, for a feature drawn now. */
export function freshFeatureId(features: readonly Feature[]): string {
  const used = new Set(features.map((f, i) => featureKey(f, i)));
  let n = features.length + 1;
  for (const k of used) if (/^\d+$/.test(k)) n = Math.max(n, Number(k) + 1);
  while (used.has(String(n))) n++;
  return String(n);
}

/** Every feature gets an explicit id, so edits can name it even after others are added or deleted. */
export function withExplicitIds(fc: FeatureCollection): FeatureCollection {
  const seen = new Set<string>();
  let changed = false;
  const features = fc.features.map((f, i) => {
    const k = featureKey(f, i);
    if (f.id !== undefined && !seen.has(k)) {
      seen.add(k);
      return f;
    }
    changed = true;
    let id = seen.has(k) ? `${k}-${i}` : k;
    while (seen.has(id)) id += '*';
    seen.add(id);
    return { ...f, id };
  });
  return changed ? { ...fc, features } : fc;
}
