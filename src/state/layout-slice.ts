import type { FeatureRef } from './selection-slice';
import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

/** Window classes: a phone gets sheets over the map, a compact window floats the inspector over it. */
export type LayoutSize = 'phone' | 'compact' | 'wide';

/** Pixels of the map's edges that panels cover; camera fits keep their target out of them. */
export interface MapInsets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type Panel = 'sidebar' | 'inspector' | 'table';

export const PHONE_MAX = 600;
export const WIDE_MIN = 1280;
/** Below this width the sidebar starts collapsed, so the map keeps most of the window. */
export const SIDEBAR_OPEN_MIN = 900;
export const TABLE_MIN_HEIGHT = 120;
export const NO_INSETS: MapInsets = Object.freeze({ top: 0, right: 0, bottom: 0, left: 0 });

export function layoutSizeOf(width: number): LayoutSize {
  return width < PHONE_MAX ? 'phone' : width < WIDE_MIN ? 'compact' : 'wide';
}

export interface LayoutSlice {
  layoutSize: LayoutSize;
  sidebarOpen: boolean;
  /** The inspector is shown for the inspected feature (collapsed: the feature stays, the panel hides). */
  inspectorOpen: boolean;
  tableOpen: boolean;
  /** Height of the attribute table sheet in px (the user drags its edge). */
  tableHeight: number;
  mapInsets: MapInsets;
  /** The print dialog, open on an extent ('selection' from the selection bar), or closed. */
  /** `sheet`: open on the one-page 三区三线 compliance sheet of this feature. */
  printDialog: { extent: 'view' | 'selection'; sheet?: FeatureRef } | null;
  setPrintDialog: (open: { extent: 'view' | 'selection'; sheet?: FeatureRef } | null) => void;
  /** A new window width: a change of class resets the panels to that class's defaults. */
  setWindowWidth: (width: number) => void;
  setPanelOpen: (panel: Panel, open: boolean) => void;
  setTableHeight: (px: number) => void;
  setMapInsets: (insets: MapInsets) => void;
}

const KEY: Record<Panel, 'sidebarOpen' | 'inspectorOpen' | 'tableOpen'> = { sidebar: 'sidebarOpen', inspector: 'inspectorOpen', table: 'tableOpen' };
const initialWidth = typeof window === 'undefined' ? WIDE_MIN : window.innerWidth;

export const createLayoutSlice: StateCreator<AtlasState, [], [], LayoutSlice> = (set) => ({
  layoutSize: layoutSizeOf(initialWidth),
  sidebarOpen: initialWidth >= SIDEBAR_OPEN_MIN,
  inspectorOpen: true,
  tableOpen: false,
  tableHeight: 260,
  mapInsets: NO_INSETS,
  printDialog: null,
  setPrintDialog: (printDialog) => set({ printDialog }),
  setWindowWidth: (width) =>
    set((s) => {
      const size = layoutSizeOf(width);
      if (size === s.layoutSize) return {};
      return { layoutSize: size, sidebarOpen: width >= SIDEBAR_OPEN_MIN, tableOpen: size === 'phone' ? false : s.tableOpen };
    }),
  // A phone shows one sheet at a time: opening one closes the others.
  setPanelOpen: (panel, open) =>
    set((s) => {
      if (!open || s.layoutSize !== 'phone') return { [KEY[panel]]: open };
      return { sidebarOpen: false, inspectorOpen: false, tableOpen: false, [KEY[panel]]: true };
    }),
  setTableHeight: (px) => set({ tableHeight: Math.max(TABLE_MIN_HEIGHT, Math.round(px)) }),
  setMapInsets: (m) =>
    set((s) => (s.mapInsets.top === m.top && s.mapInsets.right === m.right && s.mapInsets.bottom === m.bottom && s.mapInsets.left === m.left ? {} : { mapInsets: m })),
});
