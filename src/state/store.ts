import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createLayersSlice, type LayersSlice } from './layers-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createViewSlice, type ViewSlice } from './view-slice';
import { createFiltersSlice, type FiltersSlice } from './filters-slice';
import { createToolsSlice, type ToolsSlice } from './tools-slice';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createLayoutSlice, type LayoutSlice } from './layout-slice';
import { createMilestonesSlice, type MilestonesSlice } from './milestones-slice';
import { createEditSlice, type EditSlice } from './edit-slice';

export type AtlasState = LayersSlice & SelectionSlice & ViewSlice & FiltersSlice & ToolsSlice & ImportSlice & LayoutSlice & MilestonesSlice & EditSlice;

/** A fresh store; the app makes one, tests make their own so no state is shared between cases. */
export function createAtlasStore() {
  return createStore<AtlasState>()((...a) => ({
    ...createLayersSlice(...a),
    ...createSelectionSlice(...a),
    ...createViewSlice(...a),
    ...createFiltersSlice(...a),
    ...createToolsSlice(...a),
    ...createImportSlice(...a),
    ...createLayoutSlice(...a),
    ...createMilestonesSlice(...a),
    ...createEditSlice(...a),
  }));
}

export type AtlasStore = ReturnType<typeof createAtlasStore>;

export const atlasStore = createAtlasStore();

export function useAtlas<T>(selector: (s: AtlasState) => T): T {
  return useStore(atlasStore, selector);
}
