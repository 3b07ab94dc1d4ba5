import type { StateCreator } from 'zustand';
import { applyMilestoneDone, withMilestoneDone, type MilestoneDone } from '../domain/milestone-done';
import type { AtlasState } from './store';

export interface MilestonesSlice {
  /** Milestones the planner marked done, with the date (kept in the browser by app/persist-milestones). */
  milestoneDone: MilestoneDone;
  /** Marks one milestone of a feature done on `date`, or not done (`date` null), in the layer's data too. */
  setMilestoneDone: (layerId: string, featureId: string, key: string, date: string | null) => void;
  /** Puts a stored record in place and writes it into the loaded layers. */
  restoreMilestoneDone: (done: MilestoneDone) => void;
}

/** The layers with `done` written into their features' milestones (unchanged layers kept as they are). */
function patched(s: AtlasState, done: MilestoneDone, layerIds: readonly string[]): Partial<AtlasState> {
  let layers = s.layers;
  for (const id of layerIds) {
    const layer = layers[id];
    if (!layer || layer.remote) continue;
    const features = applyMilestoneDone(layer.data.features, done[id] ?? {});
    if (features !== layer.data.features) layers = { ...layers, [id]: { ...layer, data: { ...layer.data, features: [...features] } } };
  }
  return layers === s.layers ? {} : { layers };
}

export const createMilestonesSlice: StateCreator<AtlasState, [], [], MilestonesSlice> = (set) => ({
  milestoneDone: {},
  setMilestoneDone: (layerId, featureId, key, date) =>
    set((s) => {
      const done = withMilestoneDone(s.milestoneDone, layerId, featureId, key, date);
      return { milestoneDone: done, ...patched(s, done, [layerId]) };
    }),
  restoreMilestoneDone: (done) => set((s) => ({ milestoneDone: done, ...patched(s, done, Object.keys(s.layers)) })),
});
