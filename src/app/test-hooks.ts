import type { AtlasMap } from '../map/atlas-map';

declare global {
  interface Window {
    __atlas?: {
      renderedFeatures: (layerId: string) => { id: string; layer: string; properties: Record<string, unknown> }[];
      isIdle: () => boolean;
      project: (lngLat: [number, number]) => { x: number; y: number };
      /** Label symbols MapLibre placed for a layer (where, and of which feature) and its text-field. */
      labels: (layerId: string) => { placed: { id: string; at: [number, number] }[]; textField: unknown };
      unproject: (point: { x: number; y: number }) => [number, number];
      /**
       * The floor of printing (bench:browser): the off-screen map alone, from the live style, fitted to the
       * current view at `width` × `height` CSS pixels and `pixelRatio`, drawn to idle and read back (ms).
       */
      bareRender: (width: number, height: number, pixelRatio: number) => Promise<number>;
      /** The floor of opening a file (bench:browser): in the import worker, read + UTF-8 decode + JSON.parse (ms). */
      parseFloor: (file: File) => Promise<number>;
    };
  }
}

import { atlasStore } from '../state/store';
import { fitBox } from '../print/extent';

/** The store for the browser tests, from the start (the map comes later, in a chunk of its own). */
export function exposeTestStore(): void {
  if (import.meta.env.VITE_TEST_HOOKS !== '1') return;
  (window as unknown as { __atlasStore: typeof atlasStore }).__atlasStore = atlasStore;
}

/** Read-only handles on the map for the browser tests, only in builds made with VITE_TEST_HOOKS=1. */
export function exposeTestHooks(atlas: AtlasMap): void {
  if (import.meta.env.VITE_TEST_HOOKS !== '1') return;
  window.__atlas = {
    renderedFeatures: (layerId) =>
      atlas.renderedFeatures(layerId).map((f) => ({ id: String(f.properties['__fid']), layer: f.layer.id, properties: f.properties })),
    isIdle: () => {
      // Ready means: data loaded into the store, the kept workspace and the address applied (a click before
      // that could be undone by them), every store layer on the map, and MapLibre done drawing.
      const s = atlasStore.getState();
      if (s.loadStatus === 'idle' || s.loadStatus === 'loading' || !s.workspaceRestored) return false;
      const drawn = new Set(atlas.drawnLayerIds());
      if (!s.order.every((id) => drawn.has(id))) return false;
      return atlas.map.loaded() && !atlas.cameraPending() && !atlas.map.isMoving() && atlas.map.areTilesLoaded();
    },
    project: (lngLat) => {
      const p = atlas.map.project(lngLat);
      return { x: p.x, y: p.y };
    },
    labels: (layerId) => {
      const id = `${layerId}::label`;
      if (!atlas.map.getLayer(id)) return { placed: [], textField: null };
      const placed = atlas.map.queryRenderedFeatures({ layers: [id] }).map((f) => ({
        id: String(f.properties['__fid']),
        at: (f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN]) as [number, number],
      }));
      return { placed, textField: atlas.map.getLayoutProperty(id, 'text-field') };
    },
    unproject: (point) => {
      const ll = atlas.map.unproject([point.x, point.y]);
      return [ll.lng, ll.lat];
    },
    bareRender: async (width, height, pixelRatio) => {
      const view = fitBox(atlas.viewBounds(), width, height, 0);
      const t0 = performance.now();
      await atlas.renderForPrint({ center: view.center, zoom: view.zoom, width, height, pixelRatio });
      return performance.now() - t0;
    },
    parseFloor: async (file) => (await import('../workers/io-client')).ioWorker().parseFloor(file),
  };
}
