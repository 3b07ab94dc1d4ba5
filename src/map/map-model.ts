import type { FeatureCollection } from 'geojson';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import type { MapInsets } from '../state/layout-slice';
import type { FeatureRef } from '../state/selection-slice';
import type { CameraRequest } from '../state/tools-slice';
import type { MapView } from '../state/view-slice';
import type { BigTileLoader } from './big-layer';
import type { DrawnGeometry, DrawShape } from './draw-controller';
import type { LayerFilterView } from './feature-states';
import type { CursorEvent } from './keyboard-cursor';

/** What the map adapter is fed (a snapshot of the store) and what it reports back. */
export interface MapHandlers {
  onFeatureClick: (ref: FeatureRef, additive: boolean, lngLat: [number, number]) => void;
  onEmptyClick: (lngLat: [number, number]) => void;
  onViewChange: (view: MapView) => void;
  onBoxSelect: (ring: [number, number][], additive: boolean) => void;
  onDrawChange: (geometry: DrawnGeometry | null) => void;
  onDrawFinish: (geometry: DrawnGeometry) => void;
  /** The drawing tool of session `seq` listens to clicks now, or could not be loaded. */
  onDrawState: (seq: number, state: 'ready' | 'failed') => void;
  /** The keyboard drawing cursor moved, added a vertex, or was told to cancel. */
  onKeyboardCursor: (e: CursorEvent) => void;
  loadBigTile: BigTileLoader;
}


/** A drawing session asked for by the app (null: not drawing). */
export interface DrawRequest {
  seq: number;
  shape: DrawShape;
  /** Keep the finished shape editable (the measure tool). */
  editable: boolean;
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
  /** Analysis shapes drawn above everything: zone outline, buffers, overlaps, measured shapes. */
  overlay: FeatureCollection;
  /** Swipe comparison: these layers show right of the divider (at `position`, 0–1 of the width). */
  compare: { right: LayerEntry[]; position: number } | null;
}
