// Where the printed map looks: centre and zoom for a frame of a given size in CSS pixels, and back from
// them to the frame's bounds and positions on it (Web Mercator, 512-pixel tiles, north up).

export type BBox = [number, number, number, number];
export interface FrameView {
  center: [number, number];
  zoom: number;
}

const TILE = 512;
const MAX_LAT = 85.0511287798066;

/** Web Mercator x, y of a point in world units (0–1 across the world at zoom 0, y down). */
export function mercator(lng: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

export function unmercator(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [x * 360 - 180, lat];
}

/**
 * Centre and zoom that show `bbox` whole in a frame of `width` × `height` CSS pixels, leaving `padding`
 * (share of each side) around it; a degenerate box (one point) is shown at `maxZoom`.
 */
export function fitBox(bbox: BBox, width: number, height: number, padding = 0.05, maxZoom = 18): FrameView {
  const [x0, y1] = mercator(bbox[0], bbox[1]);
  const [x1, y0] = mercator(bbox[2], bbox[3]);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const w = Math.max(x1 - x0, 1e-12);
  const h = Math.max(y1 - y0, 1e-12);
  const usable = 1 - 2 * padding;
  const zoom = Math.min(maxZoom, Math.log2(Math.min((width * usable) / (w * TILE), (height * usable) / (h * TILE))));
  return { center: unmercator(cx, cy), zoom };
}

/** The frame's bounds [west, south, east, north] for a view. */
export function frameBounds(view: FrameView, width: number, height: number): BBox {
  const [cx, cy] = mercator(view.center[0], view.center[1]);
  const world = TILE * 2 ** view.zoom;
  const [w, n] = unmercator(cx - width / 2 / world, cy - height / 2 / world);
  const [e, s] = unmercator(cx + width / 2 / world, cy + height / 2 / world);
  return [w, s, e, n];
}

/** Position of a lng/lat on the frame, as shares of its width and height from the top-left corner. */
export function framePosition(view: FrameView, width: number, height: number, lng: number, lat: number): [number, number] {
  const [cx, cy] = mercator(view.center[0], view.center[1]);
  const [x, y] = mercator(lng, lat);
  const world = TILE * 2 ** view.zoom;
  return [0.5 + ((x - cx) * world) / width, 0.5 + ((y - cy) * world) / height];
}

/** Boxes overlap (shared edges count). */
export function boxesMeet(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
