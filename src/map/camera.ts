import type { Map as MlMap } from 'maplibre-gl';
import type { CameraRequest } from '../state/tools-slice';
import type { MapView } from '../state/view-slice';

type Padding = { top: number; bottom: number; left: number; right: number };

/**
 * Padding that keeps a fitted box out from under the panels lying over the map (`data-covers-map`, e.g. the
 * import result), so what the map zooms to is not hidden behind them.
 */
export function visiblePadding(container: HTMLElement, base = 60): Padding {
  const pad: Padding = { top: base, bottom: base, left: base, right: base };
  const m = container.getBoundingClientRect();
  for (const el of document.querySelectorAll<HTMLElement>('[data-covers-map]')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= m.left || r.left >= m.right || r.bottom <= m.top || r.top >= m.bottom) continue;
    // Cleared sideways when that leaves a usable strip (240 px) beside it, else (a bottom sheet on a phone)
    // vertically; judged by its edges, not its height, which grows as its content arrives.
    const beside = Math.max(r.left - m.left, m.right - r.right);
    if (beside >= 240) {
      if (r.left + r.width / 2 > m.left + m.width / 2) pad.right = Math.max(pad.right, m.right - r.left + 20);
      else pad.left = Math.max(pad.left, r.right - m.left + 20);
    } else if (r.top + r.height / 2 > m.top + m.height / 2) pad.bottom = Math.max(pad.bottom, m.bottom - r.top + 20);
    else pad.top = Math.max(pad.top, r.bottom - m.top + 20);
  }
  // A map mostly covered still shows the box: never pad away more than 80 % of a dimension.
  const squeeze = (a: keyof Padding, b: keyof Padding, size: number) => {
    const over = pad[a] + pad[b] - size * 0.8;
    if (over > 0) {
      const k = (size * 0.8) / (pad[a] + pad[b]);
      pad[a] = Math.floor(pad[a] * k);
      pad[b] = Math.floor(pad[b] * k);
    }
  };
  squeeze('left', 'right', m.width);
  squeeze('top', 'bottom', m.height);
  return pad;
}

/** Carries out a camera request: fit a box (a point gets street level, not maximum zoom), fly or jump. */
export function moveCamera(map: MlMap, camera: CameraRequest): void {
  const b = camera.bbox;
  if (b && (b[2] - b[0] < 1e-9 || b[3] - b[1] < 1e-9)) {
    map.flyTo({ center: [b[0], b[1]], zoom: Math.max(map.getZoom(), 14), duration: 600 });
  } else if (b) {
    map.fitBounds([b[0], b[1], b[2], b[3]], { padding: visiblePadding(map.getContainer()), maxZoom: 16, duration: 600 });
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
