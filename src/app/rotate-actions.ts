import { dragAngle, rotateGeometry, rotationPivot } from '../edit/rotate';
import { resolveRef } from '../state/selectors';
import type { AtlasStore } from '../state/store';
import { replaceGeometry } from './edit-actions';

/** The feature open in the inspector, when it belongs to the edited layer and has a centre to turn about. */
function target(store: AtlasStore) {
  const s = store.getState();
  const ref = s.inspected;
  if (!ref || ref.layerId !== s.editLayerId || s.editing[ref.layerId]?.conflict) return null;
  const g = resolveRef(s, ref)?.feature.geometry;
  const pivot = g ? rotationPivot(g) : null;
  return g && pivot ? { ref, g, pivot } : null;
}

/** Turns the open feature `degrees` clockwise about its centre, as one undo step; false when nothing turned. */
export function rotateInspected(store: AtlasStore, degrees: number): boolean {
  const t = target(store);
  if (!t || !Number.isFinite(degrees) || Math.abs(degrees % 360) < 1e-9) return false;
  const ok = replaceGeometry(store, t.ref.layerId, t.ref.featureId, rotateGeometry(t.g, degrees, t.pivot));
  if (ok) store.getState().setDrawNote({ type: 'reshaped', featureId: t.ref.featureId });
  return ok;
}

/** The rotate tool's drag: shown turned while it goes on, turned for good when released. */
export function rotateDrag(store: AtlasStore, from: [number, number], to: [number, number], done: boolean): void {
  const t = target(store);
  const degrees = t ? dragAngle(t.pivot, from, to) : 0;
  store.getState().setRotation(t && !done ? { layerId: t.ref.layerId, featureId: t.ref.featureId, degrees, pivot: t.pivot } : null);
  if (t && done) rotateInspected(store, degrees);
}
