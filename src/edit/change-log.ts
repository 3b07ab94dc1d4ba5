import type { Feature, FeatureCollection } from 'geojson';
import { undo, type EditHistory } from './history';
import { featureKey, type EditOp } from './ops';

/** The field an export with a change log adds: what happened to each feature since editing began. */
export const CHANGE_FIELD = 'CHANGE';
export type Change = 'added' | 'modified' | 'deleted' | 'unchanged';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The layer as it was before the first step still on the undo stack (the state editing began from). */
export function baseOf(data: FeatureCollection, done: readonly EditOp[]): FeatureCollection {
  let h: EditHistory = { data, done: [...done], undone: [] };
  while (h.done.length) h = undo(h);
  return h.data;
}

/**
 * The features with their change since editing began: every current feature (added, modified or
 * unchanged), then the deleted ones as they were, so a reviewer sees all that changed.
 */
export function withChangeLog(data: FeatureCollection, done: readonly EditOp[]): Feature[] {
  const base = baseOf(data, done);
  const before = new Map(base.features.map((f, i) => [featureKey(f, i), f]));
  const out: Feature[] = data.features.map((f, i) => {
    const old = before.get(featureKey(f, i));
    before.delete(featureKey(f, i));
    const change: Change = !old ? 'added' : same(old.geometry, f.geometry) && same(old.properties, f.properties) ? 'unchanged' : 'modified';
    return { ...f, properties: { ...f.properties, [CHANGE_FIELD]: change } };
  });
  for (const f of before.values()) out.push({ ...f, properties: { ...f.properties, [CHANGE_FIELD]: 'deleted' } });
  return out;
}
