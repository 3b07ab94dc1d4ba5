import type { Map as MlMap } from 'maplibre-gl';
import type { CameraRequest } from '../state/tools-slice';
import type { MapView } from '../state/view-slice';

/** Carries out a camera request: fit a box (a point gets street level, not maximum zoom), fly or jump. */
export function moveCamera(map: MlMap, camera: CameraRequest): void {
  const b = camera.bbox;
  if (b && (b[2] - b[0] < 1e-9 || b[3] - b[1] < 1e-9)) {
    map.flyTo({ center: [b[0], b[1]], zoom: Math.max(map.getZoom(), 14), duration: 600 });
  } else if (b) {
    map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 60, maxZoom: 16, duration: 600 });
  } else if (camera.center && camera.instant) {
    map.jumpTo({ center: camera.center, zoom: camera.zoom ?? map.getZoom() });
  } else if (camera.center) {
    map.flyTo({ center: camera.center, zoom: camera.zoom ?? Math.max(map.getZoom(), 14), duration: 600 });
  }
}

/** Shows a view set by the app, unless the map already shows it. */
export function showView(map: MlMap, view: MapView): void {
  const c = map.getCenter();
  if (Math.abs(c.lng - view.center[0]) < 1e-7 && Math.abs(c.lat - view.center[1]) < 1e-7 && Math.abs(map.getZoom() - view.zoom) < 1e-3) return;
  map.jumpTo({ center: view.center, zoom: view.zoom });
}
