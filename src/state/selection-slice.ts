import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

/** A feature named by its layer and its stable id. */
export interface FeatureRef {
  layerId: string;
  featureId: string;
}

export function sameRef(a: FeatureRef, b: FeatureRef): boolean {
  return a.layerId === b.layerId && a.featureId === b.featureId;
}

export interface SelectionSlice {
  selection: FeatureRef[];
  /** The feature whose attributes the inspector shows. */
  inspected: FeatureRef | null;
  /** Replace the selection with one feature (plain click) or toggle it (Shift/Ctrl-click). */
  clickFeature: (ref: FeatureRef, additive: boolean) => void;
  setSelection: (refs: FeatureRef[]) => void;
  clearSelection: () => void;
  inspect: (ref: FeatureRef | null) => void;
  /** The layer tab the attribute table opens on (null: the first). */
  tableLayer: string | null;
  /** Opens the attribute table on a layer's tab. */
  showInTable: (layerId: string) => void;
}

export const createSelectionSlice: StateCreator<AtlasState, [], [], SelectionSlice> = (set, get) => ({
  selection: [],
  inspected: null,
  clickFeature: (ref, additive) =>
    set((s) => {
      if (!additive) return { selection: [ref], inspected: ref };
      const present = s.selection.some((r) => sameRef(r, ref));
      const selection = present ? s.selection.filter((r) => !sameRef(r, ref)) : [...s.selection, ref];
      return { selection, inspected: present ? (s.inspected && sameRef(s.inspected, ref) ? null : s.inspected) : ref };
    }),
  setSelection: (refs) => set({ selection: refs }),
  clearSelection: () => set({ selection: [], inspected: null }),
  inspect: (ref) => set({ inspected: ref }),
  tableLayer: null,
  showInTable: (layerId) => {
    set({ tableLayer: layerId });
    get().setPanelOpen('table', true);
  },
});
