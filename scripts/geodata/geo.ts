/**
 * Small geometry helpers for the schematic district data. Everything here is deterministic:
 * the generator must write byte-identical files on every run so reviews see real diffs only.
 */
import * as turf from '@turf/turf';
// Default import: under plain Node ESM (tsx) the CommonJS package exposes no named exports.
import geographiclib from 'geographiclib-geodesic';
import type { Feature, Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import { mulberry32 } from '../bench/prng';

export type LonLat = [number, number];
export type Ring = LonLat[];

/** RFC 7946 recommends ~6 decimals (≈0.1 m); more would be false precision for a schematic map. */
export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function roundPos(p: Position): LonLat {
  return [round6(p[0]!), round6(p[1]!)];
}

/** Twice the signed planar area (shoelace); > 0 means counter-clockwise in lon/lat. */
export function signedArea2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s;
}

/** Closes a ring, rounds it, drops duplicate consecutive vertices and enforces the wanted winding. */
export function cleanRing(ring: Position[], ccw: boolean): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = roundPos(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  if (signedArea2(out) > 0 !== ccw) out.reverse();
  if (out.length < 4) throw new Error('ring collapsed to fewer than 4 positions');
  return out;
}

/** Polygon with RFC 7946 winding: outer counter-clockwise, holes clockwise. */
export function polygon(outer: Position[], holes: Position[][] = []): Polygon {
  return { type: 'Polygon', coordinates: [cleanRing(outer, true), ...holes.map((h) => cleanRing(h, false))] };
}

const WGS84 = geographiclib.Geodesic.WGS84;

/** Ellipsoidal area of one ring in m² (GeographicLib, WGS84), unsigned. */
export function ringAreaM2(ring: Position[]): number {
  const p = WGS84.Polygon(false);
  // The closing vertex is implied by GeographicLib; adding it twice would add a zero-length edge only.
  for (let i = 0; i + 1 < ring.length; i++) p.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(p.Compute(false, true).area ?? Number.NaN);
}

/** Ellipsoidal area in km² of a Polygon or MultiPolygon: outer rings minus holes. */
export function areaKm2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let m2 = 0;
  for (const rings of polys) rings.forEach((r, i) => (m2 += (i === 0 ? 1 : -1) * ringAreaM2(r)));
  return m2 / 1e6;
}

/** Latitude of a west→east polyline at a longitude (linear interpolation; clamped at the ends). */
export function latAt(line: Position[], lon: number): number {
  if (lon <= line[0]![0]!) return line[0]![1]!;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    if (lon <= b[0]!) return a[1]! + ((b[1]! - a[1]!) * (lon - a[0]!)) / (b[0]! - a[0]!);
  }
  return line[line.length - 1]![1]!;
}

/** Highest latitude where the meridian `lon` crosses the ring (the northern edge of a polygon). */
export function northEdgeAt(ring: Position[], lon: number): number {
  let best = -Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as LonLat;
    const [x2, y2] = ring[i + 1] as LonLat;
    if ((lon - x1) * (lon - x2) > 0 || x1 === x2) continue;
    best = Math.max(best, y1 + ((y2 - y1) * (lon - x1)) / (x2 - x1));
  }
  if (best === -Infinity) throw new Error(`meridian ${lon} misses the ring`);
  return best;
}

/** Scales a ring about a centre in lon/lat space (fine for a few km: the area ratio is s²). */
export function scaleRing(ring: Position[], c: LonLat, s: number): Ring {
  return ring.map((p) => [c[0] + (p[0]! - c[0]) * s, c[1] + (p[1]! - c[1]) * s]);
}

/** Deterministic pseudo-random numbers (mulberry32) so villages land in the same places every run. */
export const rng = mulberry32;

/** Small repeatable offset in [-1, 1] from two integers (used to wiggle the land-use grid). */
export function jitter(i: number, k: number, salt: number): number {
  const r = rng(i * 7919 + k * 104729 + salt * 15485863)();
  return r * 2 - 1;
}

/** Throws when a polygon is invalid after rounding: winding, closure, self-intersection. */
export function assertValidPolygon(id: string, g: Polygon | MultiPolygon): void {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polys) {
    rings.forEach((r, i) => {
      const f = r[0]!;
      const l = r[r.length - 1]!;
      if (r.length < 4 || f[0] !== l[0] || f[1] !== l[1]) throw new Error(`${id}: ring ${i} not closed`);
      if (signedArea2(r) > 0 !== (i === 0)) throw new Error(`${id}: ring ${i} has the wrong winding`);
    });
  }
  if (turf.kinks(turf.feature(g)).features.length > 0) throw new Error(`${id}: self-intersection`);
}

export function feature<G extends Geometry, P extends { id: string }>(geometry: G, properties: P): Feature<G, P> {
  return { type: 'Feature', id: properties.id, properties, geometry };
}

export { turf };
