import type { TileService } from '../services/tile-service';
import type { VectorTileLayer } from '../services/vector-tiles';
import type { WfsSource } from '../services/wfs';
import type { BundledProblemCode } from '../io/load-bundled';
import type { FeatureCollection } from 'geojson';
import type { StateCreator } from 'zustand';
import type { Label } from '../i18n/fields';
import type { GeometryKind } from '../domain/layers';
import type { LayerStyle } from '../domain/styles';
import type { AtlasState } from './store';
import type { Plan } from '../domain/plan';
import type { DatumShift } from '../io/datum/datum-shift';

export interface LayerEntry {
  id: string;
  origin: 'bundled' | 'user';
  title: Label;
  geometry: GeometryKind;
  data: FeatureCollection;
  style: LayerStyle;
  visible: boolean;
  /** 0–1, applied on top of the style's own opacities. */
  opacity: number;
  filterable: boolean;
  /**
   * A big layer whose features stay in the worker: MapLibre loads `url`, filters and lookups go to the
   * worker by `key`, and `data` holds no features. Feature ids are the positions, as strings.
   */
  remote?: { key: string; url: string; count: number; bbox: [number, number, number, number] | null; fields: string[] };
  /** A raster tile service the planner added (its `data` holds no features; it is not filterable). */
  service?: TileService;
  /** One source layer of a vector tile service or PMTiles archive (its `data` holds no features; a click reads the tiles). */
  vectorTiles?: VectorTileLayer;
  /** The planner edits this layer (its schema and undo steps are in the edit slice; it is saved by its journal). */
  editable?: true;
  /** Opened from the page address (`?data=`): it comes back from there on reload, so it is not stored. */
  fromAddress?: true;
  /** Set when the layer carries national land-use codes: the standard symbology and the codes it could not match. */
  landUse?: { style: LayerStyle; unknown: { code: string; name: string; count: number }[] };
  /** Loaded from a WFS feature type: reloaded from there for another view or the filter zone. */
  wfs?: WfsSource;
  /** Field whose values label the features; `null`: no labels; absent: the style's default (the name). */
  labelField?: string | null;
  /** Imported layers: the name of the file they were read from (printed maps list it as a source). */
  sourceFile?: string;
  /** The file the layer was read from, when it gave several layers (the layer panel groups them). */
  group?: { key: string; title: string };
  /** Field name → alias from the source (File Geodatabase, GeoPackage), shown as the field's label. */
  fieldAliases?: Record<string, string>;
  /** Imported layers: the coordinate system the file was read in, and the planner's datum parameters if used. */
  sourceCrs?: { detected: string; description: string; assumed: boolean; datumShift?: DatumShift };
}

export interface LoadProblem {
  file: string;
  /** In English; `code` and `params` let the UI say it in its language. */
  problem: string;
  code?: BundledProblemCode | 'missing' | 'plan';
  params?: Record<string, string | number>;
}

export interface LayersSlice {
  layers: Record<string, LayerEntry>;
  /** Drawing order, bottom first. */
  order: string[];
  loadStatus: 'idle' | 'loading' | 'ready' | 'failed';
  loadProblems: LoadProblem[];
  /** Programme figures that are not places (geodata/plan.json). */
  plan: Plan | null;
  setPlan: (plan: Plan | null) => void;
  addLayers: (entries: LayerEntry[]) => void;
  removeLayer: (id: string) => void;
  setVisible: (id: string, visible: boolean) => void;
  setOpacity: (id: string, opacity: number) => void;
  setColor: (id: string, color: string) => void;
  setStyle: (id: string, style: LayerStyle) => void;
  setLabelField: (id: string, field: string | null | undefined) => void;
  renameLayer: (id: string, title: Label) => void;
  /** Moves a layer one step up (towards the top) or down in the drawing order. */
  moveLayer: (id: string, direction: 'up' | 'down') => void;
  setLoadStatus: (status: LayersSlice['loadStatus'], problems?: LoadProblem[]) => void;
  dismissLoadProblems: () => void;
}

function patch(state: AtlasState, id: string, change: Partial<LayerEntry>): Partial<AtlasState> {
  const layer = state.layers[id];
  if (!layer) return {};
  return { layers: { ...state.layers, [id]: { ...layer, ...change } } };
}

export const createLayersSlice: StateCreator<AtlasState, [], [], LayersSlice> = (set) => ({
  layers: {},
  order: [],
  loadStatus: 'idle',
  loadProblems: [],
  plan: null,
  setPlan: (plan) => set({ plan }),
  addLayers: (entries) =>
    set((s) => {
      const layers = { ...s.layers };
      const order = s.order.filter((id) => !entries.some((e) => e.id === id));
      for (const e of entries) {
        layers[e.id] = e;
        order.push(e.id);
      }
      return { layers, order };
    }),
  removeLayer: (id) =>
    set((s) => {
      if (!s.layers[id]) return {};
      const layers = { ...s.layers };
      delete layers[id];
      return {
        layers,
        order: s.order.filter((o) => o !== id),
        selection: s.selection.filter((r) => r.layerId !== id),
        inspected: s.inspected?.layerId === id ? null : s.inspected,
        editing: Object.fromEntries(Object.entries(s.editing).filter(([k]) => k !== id)),
        editLayerId: s.editLayerId === id ? null : s.editLayerId,
      };
    }),
  setVisible: (id, visible) => set((s) => patch(s, id, { visible })),
  setOpacity: (id, opacity) => set((s) => patch(s, id, { opacity: Math.min(1, Math.max(0, opacity)) })),
  setColor: (id, color) =>
    set((s) => {
      const layer = s.layers[id];
      return layer ? patch(s, id, { style: { ...layer.style, color, categorical: undefined } }) : {};
    }),
  renameLayer: (id, title) => set((s) => patch(s, id, { title })),
  setStyle: (id, style) => set((s) => patch(s, id, { style })),
  setLabelField: (id, labelField) => set((s) => patch(s, id, { labelField })),
  moveLayer: (id, direction) =>
    set((s) => {
      const i = s.order.indexOf(id);
      const j = direction === 'up' ? i + 1 : i - 1;
      if (i < 0 || j < 0 || j >= s.order.length) return {};
      const order = [...s.order];
      [order[i], order[j]] = [order[j]!, order[i]!];
      return { order };
    }),
  setLoadStatus: (loadStatus, problems) => set((s) => ({ loadStatus, loadProblems: problems ?? s.loadProblems })),
  dismissLoadProblems: () => set({ loadProblems: [] }),
});
