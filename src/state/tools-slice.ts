import type { FeatureInfo } from '../services/wms-info';
import type { Feature, LineString, Polygon } from 'geojson';
import type { StateCreator } from 'zustand';
import type { AtlasState } from './store';

/** `split`, `hole`, `part`: a shape drawn to split the edited layer's polygons, or to cut a hole in / add a part to the open feature. */
export type ToolKind = 'zone' | 'select' | 'measure' | 'pick' | 'edit' | 'split' | 'hole' | 'part';
/** `reshape`: the edit tool that drags vertices and shapes of the edited layer's features; `rotate` turns the open one. */
export type ToolShape = 'polygon' | 'rectangle' | 'linestring' | 'point' | 'circle' | 'reshape' | 'rotate';
export type DrawnShape = Polygon | LineString;

/** The map's answer to a drawing session: its tool is loaded and listening, or could not be loaded. */
export interface DrawState {
  seq: number;
  state: 'ready' | 'failed';
}

/** What a drawing tool is doing, for hints: clicks before 'ready' would be lost. */
export type DrawPhase = 'off' | 'loading' | 'ready' | 'failed';

export interface ActiveTool {
  kind: ToolKind;
  shape: ToolShape;
  /** Grows with every start so the map adapter starts each drawing session once. */
  seq: number;
}

/** A camera move asked for by the app; `seq` grows with every request so each is carried out once. */
export interface CameraRequest {
  seq: number;
  bbox?: [number, number, number, number];
  center?: [number, number];
  zoom?: number;
  /** Jump without animation (restoring a link). */
  instant?: boolean;
}

/** Where a proximity question starts: a feature or a point picked on the map. */
/** A feature of a big layer comes with its geometry (`feature`): its layer's features are not on the page. */
export type ProximityOrigin = { type: 'feature'; layerId: string; featureId: string; feature?: Feature } | { type: 'point'; lngLat: [number, number] };

export interface ProximityQuery {
  origin: ProximityOrigin;
  layerId: string;
  mode: 'nearest' | 'radius';
  n: number;
  radiusKm: number;
}

/** Swipe comparison of two layers: `left` on the main map, `right` right of the divider. */
export interface CompareState {
  left: string;
  right: string;
  position: number;
}

/** The area a radius question from a feature covers, computed off the selector (its library loads on demand). */
export interface ProximityRing {
  query: ProximityQuery;
  /** the origin layer's data the ring was computed from */
  data: unknown;
  ring: Feature | null;
}

/** The worker's answer to a proximity question about a big layer (its features are not on the page). */
export interface ProximityRemote {
  query: ProximityQuery;
  origin: [number, number] | number[];
  fromPoint: boolean;
  rows: { featureId: string; distanceMeters: number; feature: Feature }[];
  /** All rows the question has; `rows` holds the first of them. */
  total: number;
}

/** What the drawing live region says: the keyboard cursor's moves and vertices, a finished or cancelled shape. */
export type DrawNote =
  | { type: 'ready' | 'move'; lngLat: [number, number] }
  | { type: 'vertex'; n: number; lngLat: [number, number] }
  | { type: 'finished'; kind: ToolKind; n: number }
  | { type: 'cancelled' }
  | { type: 'added' | 'reshaped'; featureId: string }
  | { type: 'vertex-focus'; n: number; total: number; lngLat: [number, number]; did?: 'added' | 'removed' }
  | { type: 'vertex-kept'; reason: 'point' | 'ring' | 'line' }
  | { type: 'moved'; featureId: string; east: number; north: number };

/** What the WMS layers under a click answered (GetFeatureInfo), top-most layer first. */
export interface ServiceInfo {
  lngLat: [number, number];
  answers: { layerTitle: string; info: FeatureInfo | { kind: 'failed'; reason: string } }[];
}

export interface ToolsSlice {
  serviceInfo: ServiceInfo | null;
  setServiceInfo: (i: ServiceInfo | null) => void;
  /** Tiles that service layers failed to give this session: how many, and the last reason. */
  serviceFailures: Record<string, { n: number; reason: string }>;
  noteServiceFailure: (layerId: string, reason: string) => void;
  compare: CompareState | null;
  setCompare: (c: CompareState | null) => void;
  proximity: ProximityQuery | null;
  setProximity: (q: ProximityQuery | null) => void;
  proximityRing: ProximityRing | null;
  setProximityRing: (r: ProximityRing | null) => void;
  proximityRemote: ProximityRemote | null;
  setProximityRemote: (r: ProximityRemote | null) => void;
  tool: ActiveTool | null;
  /** The shape being drawn or measured (live while drawing or editing). */
  drawn: DrawnShape | null;
  /** A measurement typed as coordinates; drawn on the map with its figure until another one starts. */
  measured: DrawnShape | null;
  setMeasured: (g: DrawnShape | null) => void;
  drawState: DrawState | null;
  setDrawState: (d: DrawState) => void;
  drawNote: DrawNote | null;
  setDrawNote: (n: DrawNote | null) => void;
  camera: CameraRequest | null;
  /** Shapes analysis panels want drawn (buffer rings, overlap pieces); each carries a `role` property. */
  extraOverlay: Feature[];
  setExtraOverlay: (features: Feature[]) => void;
  startTool: (kind: ToolKind, shape: ToolShape) => void;
  cancelTool: () => void;
  setDrawn: (g: DrawnShape | null) => void;
  requestCamera: (req: Omit<CameraRequest, 'seq'>) => void;
}

let seq = 0;

export const createToolsSlice: StateCreator<AtlasState, [], [], ToolsSlice> = (set) => ({
  serviceInfo: null,
  setServiceInfo: (serviceInfo) => set({ serviceInfo }),
  serviceFailures: {},
  noteServiceFailure: (layerId, reason) => set((s) => ({ serviceFailures: { ...s.serviceFailures, [layerId]: { n: (s.serviceFailures[layerId]?.n ?? 0) + 1, reason } } })),
  compare: null,
  setCompare: (compare) => set({ compare }),
  proximity: null,
  setProximity: (proximity) => set({ proximity }),
  proximityRing: null,
  setProximityRing: (proximityRing) => set({ proximityRing }),
  proximityRemote: null,
  setProximityRemote: (proximityRemote) => set({ proximityRemote }),
  tool: null,
  drawn: null,
  measured: null,
  setMeasured: (measured) => set({ measured }),
  drawState: null,
  setDrawState: (drawState) => set({ drawState }),
  drawNote: null,
  setDrawNote: (drawNote) => set({ drawNote }),
  camera: null,
  extraOverlay: [],
  setExtraOverlay: (extraOverlay) => set({ extraOverlay }),
  // A phone's sheet covers most of the map: a tool that works on the map folds it away (the banner over the map says what to do).
  startTool: (kind, shape) => set((s) => ({ tool: { kind, shape, seq: ++seq }, drawn: null, ...(s.layoutSize === 'phone' ? { sidebarOpen: false } : {}) })),
  cancelTool: () => set({ tool: null, drawn: null }),
  setDrawn: (drawn) => set({ drawn }),
  requestCamera: (req) => set({ camera: { ...req, seq: ++seq } }),
});

/** Picking a point needs no drawing tool; every other tool waits for the map to report it ready. */
export function selectDrawPhase(s: Pick<ToolsSlice, 'tool' | 'drawState'>): DrawPhase {
  if (!s.tool || s.tool.kind === 'pick') return 'off';
  // The rotate tool is the app's own gesture: nothing to load.
  if (s.tool.shape === 'rotate') return 'ready';
  return s.drawState?.seq === s.tool.seq ? s.drawState.state : 'loading';
}
