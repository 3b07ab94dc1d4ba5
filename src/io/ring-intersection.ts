/** Self-intersection test of polygon rings, exact, with a sweep for large rings. */
import type { Position } from 'geojson';

/** Orientation of r relative to the line p→q (twice the signed triangle area). */
function orient(p: Position, q: Position, r: Position): number {
  return (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
}

/** r lies in the bounding box of p and q. */
function within(p: Position, q: Position, r: Position): boolean {
  return Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Touching or collinear overlap counts too (a ring that touches itself is not simple).
  return (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) || (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d));
}

/** Rings with at most this many segments are checked pair by pair before any sweep. */
const SMALL_RING = 64;
let scratch = new Float64Array(6 * (SMALL_RING + 1));

/**
 * First point where a closed ring crosses or touches itself (adjacent segments excluded), found
 * with a sweep over x so large rings stay fast. Undefined when the ring is simple.
 */
export function ringSelfIntersection(ring: Position[]): Position | undefined {
  const n = ring.length - 1; // segments
  if (n < 3) return undefined;
  // Small rings (nearly all of them): an exact pair-by-pair test with the sweep's own bbox filters tells
  // whether the sweep can find anything; only then is the sweep run, for the very point it reports.
  if (n <= SMALL_RING && !hasCrossingPair(ring, n)) return undefined;
  const minXs = new Float64Array(n);
  for (let i = 0; i < n; i++) minXs[i] = Math.min(ring[i]![0]!, ring[i + 1]![0]!);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => minXs[i]! - minXs[j]!);
  const active: number[] = [];
  for (const i of order) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const minX = minXs[i]!;
    const minY = Math.min(a[1]!, b[1]!);
    const maxY = Math.max(a[1]!, b[1]!);
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k]!;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[0]!, d[0]!) < minX) {
        active.splice(k, 1);
        continue;
      }
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue;
      if (Math.max(c[1]!, d[1]!) < minY || Math.min(c[1]!, d[1]!) > maxY) continue;
      if (segmentsCross(a, b, c, d)) return a;
    }
    active.push(i);
  }
  return undefined;
}

/**
 * Whether the sweep above finds a hit: it tests exactly the non-adjacent pairs whose closed bounding
 * boxes overlap (x by the sweep, y by its filter), and segmentsCross is symmetric in its two segments.
 * Works on a copy of the coordinates in a typed array, with segmentsCross's arithmetic unchanged.
 */
function hasCrossingPair(ring: Position[], n: number): boolean {
  if (scratch.length < 6 * (n + 1)) scratch = new Float64Array(6 * (n + 1));
  const s = scratch; // x of vertex i at s[i], y at s[n + 1 + i]; bbox of segment i at s[2(n + 1) + 4i …]
  const ys = n + 1;
  const bb = 2 * (n + 1);
  for (let i = 0; i <= n; i++) {
    const p = ring[i]!;
    s[i] = p[0]!;
    s[ys + i] = p[1]!;
  }
  for (let i = 0; i < n; i++) {
    const ax = s[i]!;
    const bx = s[i + 1]!;
    const ay = s[ys + i]!;
    const by = s[ys + i + 1]!;
    s[bb + 4 * i] = Math.min(ax, bx);
    s[bb + 4 * i + 1] = Math.max(ax, bx);
    s[bb + 4 * i + 2] = Math.min(ay, by);
    s[bb + 4 * i + 3] = Math.max(ay, by);
  }
  for (let i = 0; i < n - 2; i++) {
    const minX = s[bb + 4 * i]!;
    const maxX = s[bb + 4 * i + 1]!;
    const minY = s[bb + 4 * i + 2]!;
    const maxY = s[bb + 4 * i + 3]!;
    const last = i === 0 ? n - 2 : n - 1; // segment 0 and n-1 are adjacent
    for (let j = i + 2; j <= last; j++) {
      const k = bb + 4 * j;
      if (s[k + 1]! < minX || s[k]! > maxX || s[k + 3]! < minY || s[k + 2]! > maxY) continue;
      if (crossXY(s[i]!, s[ys + i]!, s[i + 1]!, s[ys + i + 1]!, s[j]!, s[ys + j]!, s[j + 1]!, s[ys + j + 1]!)) return true;
    }
  }
  return false;
}

/** segmentsCross on plain numbers: the same operations in the same order, so the same results. */
function crossXY(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && withinXY(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && withinXY(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && withinXY(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && withinXY(ax, ay, bx, by, dx, dy))
  );
}

function withinXY(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}
