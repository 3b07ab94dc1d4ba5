import type { Map as MlMap } from 'maplibre-gl';
import type { CameraRequest } from '../state/tools-slice';
import type { MapView } from '../state/view-slice';
import { NO_INSETS, type MapInsets } from '../state/layout-slice';

/** Room kept between a fitted target and the panels (or the map's edge). */
const MARGIN = 40;
/** Half-width (degrees, ~0.1 m) of the box a point is fitted as: the fit centres it at the zoom asked for. */
const POINT_HALF = 1e-6;

/**
 * The padding that keeps a fit inside the part of the map no panel covers. When panels cover nearly all of
 * one direction, they are scaled down so the target keeps at least a fifth of the map.
 */
export function fitPadding(width: number, height: number, insets: MapInsets): MapInsets {
  const side = (a: number, b: number, size: number): [number, number] => {
    const total = a + b + 2 * MARGIN;
    const room = size * 0.8;
    const k = total > room && total > 0 ? room / total : 1;
    return [Math.floor((a + MARGIN) * k), Math.floor((b + MARGIN) * k)];
  };
  const [left, right] = side(insets.left, insets.right, width);
  const [top, bottom] = side(insets.top, insets.bottom, height);
  return { top, right, bottom, left };
}

/**
 * Carries out a camera request: fit a box, or put a point at street level, in the part of the map that
 * panels leave uncovered; or show a restored view exactly (a link's view is the container's centre).
 */
export function moveCamera(map: MlMap, camera: CameraRequest, insets: MapInsets): void {
  const b = camera.bbox;
  const c = map.getContainer();
  const padding = fitPadding(c.clientWidth, c.clientHeight, insets);
  const duration = camera.instant ? 0 : 600;
  if (b && (b[2] - b[0] < 1e-9 || b[3] - b[1] < 1e-9)) {
    const [x, y] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
    map.fitBounds([x - POINT_HALF, y - POINT_HALF, x + POINT_HALF, y + POINT_HALF], { padding, maxZoom: Math.max(map.getZoom(), 14), duration });
  } else if (b) {
    map.fitBounds([b[0], b[1], b[2], b[3]], { padding, maxZoom: 16, duration });
  } else if (camera.center && camera.instant) {
    map.jumpTo({ center: camera.center, zoom: camera.zoom ?? map.getZoom() });
  } else if (camera.center) {
    map.flyTo({ center: camera.center, zoom: camera.zoom ?? Math.max(map.getZoom(), 14), duration: 600 });
  }
}

/**
 * Carries out camera requests. A restored view is shown at once; other moves wait two frames, because the
 * action that asked for them (choosing a search result) often opens a panel too, and the fit must keep
 * clear of that panel once its size is measured into `insets`.
 */
export class CameraQueue {
  insets: MapInsets = NO_INSETS;
  private frame = 0;

  constructor(private readonly map: MlMap) {}

  request(camera: CameraRequest): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (camera.instant) {
      moveCamera(this.map, camera, this.insets);
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        moveCamera(this.map, camera, this.insets);
      });
    });
  }

  /** A move has been asked for and not begun yet. */
  pending(): boolean {
    return this.frame !== 0;
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
  }
}

/** Maps showing a view the app set (a link, a project) that the planner has not touched since. */
const appViews = new WeakSet<MlMap>();

/** Shows a view set by the app, unless the map already shows it. */
export function showView(map: MlMap, view: MapView): void {
  appViews.add(map);
  const c = map.getCenter();
  if (Math.abs(c.lng - view.center[0]) < 1e-7 && Math.abs(c.lat - view.center[1]) < 1e-7 && Math.abs(map.getZoom() - view.zoom) < 1e-3) return;
  map.jumpTo({ center: view.center, zoom: view.zoom });
}

/**
 * When a panel opens or closes beside the map (the window keeps its size), the map's box grows or shrinks on
 * one side. MapLibre keeps the centre, which would slide everything under the mouse by half the panel's
 * width; this pans it back so what is on screen stays where it was. A resized window keeps the centre, and
 * so does the map while `enabled` says no (terra-draw drops the click that follows such a jump), and while
 * it shows a view the app set that the planner has not touched yet: a project or a link opens at its
 * saved centre however the panels it reopens settle.
 */
export function keepContentOnResize(map: MlMap, enabled: () => boolean): () => void {
  const container = map.getContainer();
  const touched = () => appViews.delete(map);
  const events = ['mousedown', 'touchstart', 'wheel', 'keydown'] as const;
  for (const e of events) container.addEventListener(e, touched, { capture: true, passive: true });
  const box = () => container.getBoundingClientRect();
  let last = box();
  let windowWidth = window.innerWidth;
  let windowHeight = window.innerHeight;
  const onResize = () => {
    const now = box();
    const samewindow = window.innerWidth === windowWidth && window.innerHeight === windowHeight;
    windowWidth = window.innerWidth;
    windowHeight = window.innerHeight;
    const dx = now.left + now.width / 2 - (last.left + last.width / 2);
    const dy = now.top + now.height / 2 - (last.top + last.height / 2);
    last = now;
    // A camera move under way is left alone: jumping now would cut it short.
    if (samewindow && enabled() && !appViews.has(map) && !map.isMoving() && (Math.abs(dx) >= 0.5 || Math.abs(dy) >= 0.5)) map.panBy([dx, dy], { duration: 0 });
  };
  map.on('resize', onResize);
  return () => {
    map.off('resize', onResize);
    for (const e of events) container.removeEventListener(e, touched, { capture: true });
  };
}
