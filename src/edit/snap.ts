import Flatbush from 'flatbush';
import type { Feature, Position } from 'geojson';
import { pathsOf } from '../io/coords';

/**
 * Snapping a pointer to the vertices and edges of the layers on screen. A vertex within tolerance wins
 * over an edge, so a parcel drawn against a township boundary takes the boundary's own coordinates
 * (identical numbers, no sliver); otherwise the nearest point of the nearest edge.
 */
export interface SnapIndex {
  /** segment i runs from coords[2i] to coords[2i+1] (lon/lat pairs flattened) */
  coords: Float64Array;
  tree: Flatbush | null;
}

type Screen = (lngLat: [number, number]) => { x: number; y: number };

export function buildSnapIndex(features: Iterable<Feature>): SnapIndex {
  const segs: number[] = [];
  for (const f of features) {
    for (const line of f.geometry ? pathsOf(f.geometry) : []) {
      // A lone point is a segment of length zero: its vertex snaps like any other.
      if (line.length === 1) segs.push(line[0]![0]!, line[0]![1]!, line[0]![0]!, line[0]![1]!);
      for (let i = 1; i < line.length; i++) segs.push(line[i - 1]![0]!, line[i - 1]![1]!, line[i]![0]!, line[i]![1]!);
    }
  }
  const coords = Float64Array.from(segs);
  const n = coords.length / 4;
  if (!n) return { coords, tree: null };
  const tree = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const [x0, y0, x1, y1] = [coords[4 * i]!, coords[4 * i + 1]!, coords[4 * i + 2]!, coords[4 * i + 3]!];
    tree.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  tree.finish();
  return { coords, tree };
}

/**
 * Where the pointer snaps: `near` is the pointer's lon/lat box of the tolerance (from the map), `pointer`
 * its screen position; distances are measured on screen. Undefined when nothing is within tolerance.
 */
export function snapPoint(index: SnapIndex, pointer: { x: number; y: number }, near: [number, number, number, number], toScreen: Screen, tolerancePx: number): Position | undefined {
  if (!index.tree) return undefined;
  const hits = index.tree.search(near[0], near[1], near[2], near[3]);
  let vertex: Position | undefined;
  let vertexD = tolerancePx;
  let edge: Position | undefined;
  let edgeD = tolerancePx;
  const c = index.coords;
  for (const i of hits) {
    const a: [number, number] = [c[4 * i]!, c[4 * i + 1]!];
    const b: [number, number] = [c[4 * i + 2]!, c[4 * i + 3]!];
    const pa = toScreen(a);
    const pb = toScreen(b);
    for (const [v, p] of [[a, pa], [b, pb]] as const) {
      const d = Math.hypot(p.x - pointer.x, p.y - pointer.y);
      if (d <= vertexD) [vertex, vertexD] = [[v[0], v[1]], d];
    }
    const dx = pb.x - pa.x;
    const dy = pb.y - pa.y;
    const len2 = dx * dx + dy * dy;
    if (!len2) continue;
    const t = Math.max(0, Math.min(1, ((pointer.x - pa.x) * dx + (pointer.y - pa.y) * dy) / len2));
    const d = Math.hypot(pa.x + t * dx - pointer.x, pa.y + t * dy - pointer.y);
    if (d < edgeD) [edge, edgeD] = [[a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], d];
  }
  return vertex ?? edge;
}

