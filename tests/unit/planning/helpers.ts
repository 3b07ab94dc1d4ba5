/** Shared helpers of the planning tests: deep-frozen fixtures, bundled layers, independent areas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Geodesic } from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, Position } from 'geojson';

export const FIXTURES = join(__dirname, '../../fixtures');

/** Freezes a value and everything inside it, so an operation that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function readCollection(path: string): FeatureCollection {
  return deepFreeze(JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection);
}

/** A bundled layer from geodata/, deep-frozen. */
export function bundled(name: string): readonly Feature[] {
  return readCollection(join(__dirname, '../../../geodata', `${name}.geojson`)).features;
}

/**
 * Ellipsoidal area (m²) measured with GeographicLib `Geodesic.WGS84.Polygon` only (independent of
 * src/analysis/geodesic-area.ts): polygons as rings of [lon, lat], first ring outer, the others holes.
 */
export function geographicLibArea(polygons: readonly (readonly (readonly Position[])[])[]): number {
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const p = Geodesic.WGS84.Polygon(false);
      const closed = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];
      for (const [lon, lat] of closed ? ring.slice(0, -1) : ring) p.AddPoint(lat!, lon!);
      total += (i === 0 ? 1 : -1) * Math.abs(p.Compute(false, true).area ?? Number.NaN);
    });
  }
  return total;
}

/** Rounds every number in a JSON value to `digits` decimals (golden files keep a stated precision). */
export function roundDeep<T>(value: T, digits: number): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(digits)) : v))) as T;
}
