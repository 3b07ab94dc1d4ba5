/**
 * The box in degrees [west, south, east, north] that a Web Mercator view of `widthPx` × `heightPx` CSS
 * pixels shows around `center` at MapLibre's `zoom` (512 px tiles), clamped to the Mercator world.
 */
export function viewBox(center: [number, number], zoom: number, widthPx: number, heightPx: number): [number, number, number, number] {
  const world = 512 * 2 ** zoom;
  const R = 85.0511287798;
  const toY = (lat: number) => (0.5 - Math.log(Math.tan(Math.PI / 4 + (Math.max(-R, Math.min(R, lat)) * Math.PI) / 360)) / (2 * Math.PI)) * world;
  const toLat = (y: number) => (360 / Math.PI) * Math.atan(Math.exp((0.5 - y / world) * 2 * Math.PI)) - 90;
  const cx = ((center[0] + 180) / 360) * world;
  const cy = toY(center[1]);
  const west = ((cx - widthPx / 2) / world) * 360 - 180;
  const east = ((cx + widthPx / 2) / world) * 360 - 180;
  return [Math.max(-180, west), Math.max(-R, toLat(cy + heightPx / 2)), Math.min(180, east), Math.min(R, toLat(cy - heightPx / 2))];
}
