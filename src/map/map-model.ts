import type { FeatureCollection } from 'geojson';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import type { MapInsets } from '../state/layout-slice';
import type { FeatureRef } from '../state/selection-slice';
import type { CameraRequest } from '../state/tools-slice';
import type { MapView } from '../state/view-slice';
import type { BigTileLoader } from './big-layer';
import type { DrawnGeometry, DrawShape } from './draw-controller';
import type { Piece } from '../edit/pieces';
import type { LayerFilterView } from './feature-states';
import type { CursorEvent } from './keyboard-cursor';
import type { TileHit } from './hit-test';

/** What the map adapter is fed (a snapshot of the store) and what it reports back. */
export interface MapHandlers {
  /** `tiles`: what vector tile services' features lie under the click (their attributes). */
  onFeatureClick: (ref: FeatureRef, additive: boolean, lngLat: [number, number], tiles: TileHit[]) => void;
  onEmptyClick: (lngLat: [number, number], tiles: TileHit[]) => void;
  /** A tile of a PMTiles archive (`pmtiles://key/z/x/y`); null where a raster archive has none. */
  loadArchiveTile: (url: string, signal: AbortSignal) => Promise<Uint8Array | null>;
  /** A service layer's tile could not be loaded (HTTP status or the error's message). */
  onServiceError: (layerId: string, reason: string) => void;
  onViewChange: (view: MapView) => void;
  onBoxSelect: (ring: [number, number][], additive: boolean) => void;
  onDrawChange: (geometry: DrawnGeometry | null) => void;
  onDrawFinish: (geometry: DrawnGeometry) => void;
  /** The drawing tool of session `seq` listens to clicks now, or could not be loaded. */
  onDrawState: (seq: number, state: 'ready' | 'failed') => void;
  /** The keyboard drawing cursor moved, added a vertex, or was told to cancel. */
  onKeyboardCursor: (e: CursorEvent) => void;
  loadBigTile: BigTileLoader;
  /** A ring or part of an edited feature was reshaped on the map (drag of a vertex or the shape, vertex added or removed). */
  onReshapeFinish: (layerId: string, piece: Piece) => void;
  /** The piece being dragged, as it is now (shown, not committed: the finish that follows commits it). */
  onReshapeChange: (layerId: string, piece: Piece) => void;
  /** A feature was chosen (or none) for reshaping by clicking it. */
  onReshapeSelect: (layerId: string, featureId: string | null) => void;
  /** Features the reshape tool cannot hold (not simple shapes for the drawing library). */
  onReshapeRefused: (layerId: string, featureIds: string[]) => void;
  /** The rotate tool's drag: from where it began to where the pointer is; `done` when released. */
  onRotateDrag: (from: [number, number], to: [number, number], done: boolean) => void;
  /** The URL a request of the map goes to (keys filled in), or null when the request is refused. */
  requestUrl: (url: string) => string | null;
}

/** The rotate tool is on (a new `seq` for each start): a drag on the map turns the open feature. */
export interface RotateRequest {
  seq: number;
}

/** The edited layer's features held for reshaping (null: not reshaping). */
export interface ReshapeRequest {
  seq: number;
  layerId: string;
  data: FeatureCollection;
  selected: string | null;
}


/** A drawing session asked for by the app (null: not drawing). */
export interface DrawRequest {
  seq: number;
  shape: DrawShape;
  /** Keep the finished shape editable (the measure tool). */
  editable: boolean;
  /** Draw one shape after another (edit tools: each becomes a feature of the edited layer). */
  continues?: boolean;
}

export interface MapModel {
  layers: LayerEntry[];
  lang: Lang;
  selection: FeatureRef[];
  view: MapView;
  /** A view that came from the map itself is not pushed back to it. */
  viewFromMap: boolean;
  filter: LayerFilterView;
  camera: CameraRequest | null;
  /** Edges of the map covered by panels: camera fits keep their target out of them. */
  insets: MapInsets;
  draw: DrawRequest | null;
  reshape: ReshapeRequest | null;
  rotate: RotateRequest | null;
  /** Snap drawn and dragged vertices to these layers' vertices and edges (null: no snapping). */
  snap: { tolerancePx: number; layers: LayerEntry[] } | null;
  /** Analysis shapes drawn above everything: zone outline, buffers, overlaps, measured shapes. */
  overlay: FeatureCollection;
  /** Swipe comparison: these layers show right of the divider (at `position`, 0–1 of the width). */
  compare: { right: LayerEntry[]; position: number } | null;
}
