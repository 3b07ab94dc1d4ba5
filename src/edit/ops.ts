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
  const features = [...fc.features];
  applyTo(features, op);
  return { ...fc, features };
}

function applyTo(features: Feature[], op: EditOp): void {
  switch (op.type) {
    case 'add': {
      if (indexOf(features, featureKey(op.feature, op.index)) >= 0) throw new EditConflict(op, 'exists');
      features.splice(Math.min(op.index, features.length), 0, op.feature);
      return;
    }
    case 'delete': {
      const at = indexOf(features, featureKey(op.feature, op.index));
      if (at < 0) throw new EditConflict(op, 'missing');
      features.splice(at, 1);
      return;
    }
    case 'geometry': {
      const at = indexOf(features, op.id);
      if (at < 0) throw new EditConflict(op, 'missing');
      const f = features[at]!;
      features[at] = { ...f, geometry: op.after };
      return;
    }
    case 'attributes': {
      const at = indexOf(features, op.id);
      if (at < 0) throw new EditConflict(op, 'missing');
      const f = features[at]!;
      features[at] = { ...f, properties: { ...op.after } };
      return;
    }
    case 'batch':
      for (const o of op.ops) applyTo(features, o);
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
