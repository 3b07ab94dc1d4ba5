import { readFileSync } from 'node:fs';
import { kinks } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { OUTSIDE, prepareZone } from '../../../src/analysis/prepared-zone';
import { WGS84 } from '../../../src/analysis/wgs84';
import { parseArgs } from '../../../scripts/gen-parcels';
import {
  MAX_ACROSS_M,
  MAX_VERTICES,
  MIN_ACROSS_M,
  MIN_VERTICES,
  generateParcels,
  parcelsToGeoJsonText,
  zoneAndTownships,
} from '../../../scripts/bench/parcels';

const geodata = (name: string) => readFileSync(new URL(`../../../geodata/${name}`, import.meta.url), 'utf8');
const { zone, townships } = zoneAndTownships(geodata('zone.geojson'), geodata('townships.geojson'));
const COUNT = 2000;
const parcels = generateParcels({ count: COUNT, seed: 7, zone, townships });
const rings = parcels.features.map((f) => f.geometry.coordinates[0]!);

/** Twice the planar signed area (lon/lat), counter-clockwise positive. */
function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s;
}

/** Largest geodesic distance between two vertices (m). */
function across(ring: readonly Position[]): number {
  let max = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    for (let j = i + 1; j < ring.length - 1; j++) {
      max = Math.max(max, WGS84.Inverse(ring[i]![1]!, ring[i]![0]!, ring[j]![1]!, ring[j]![0]!).s12 ?? NaN);
    }
  }
  return max;
}

describe('generateParcels', () => {
  it('gives the same output for the same seed', () => {
    const again = generateParcels({ count: COUNT, seed: 7, zone, townships });
    expect(parcelsToGeoJsonText(again)).toBe(parcelsToGeoJsonText(parcels));
  });

  it('gives other parcels for another seed', () => {
    const other = generateParcels({ count: 10, seed: 8, zone, townships });
    expect(other.features[0]!.geometry).not.toEqual(parcels.features[0]!.geometry);
  });

  it('makes the number of features asked for, with unique ids equal to properties.id', () => {
    expect(parcels.features).toHaveLength(COUNT);
    const ids = parcels.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(COUNT);
    expect(parcels.features.every((f) => f.id === f.properties.id)).toBe(true);
  });

  it('makes closed rings of 5–12 distinct vertices', () => {
    for (const ring of rings) {
      expect(ring.at(-1)).toEqual(ring[0]);
      const distinct = new Set(ring.slice(0, -1).map((p) => p.join(','))).size;
      expect(distinct).toBe(ring.length - 1);
      expect(distinct).toBeGreaterThanOrEqual(MIN_VERTICES);
      expect(distinct).toBeLessThanOrEqual(MAX_VERTICES);
    }
  });

  it('winds every exterior ring counter-clockwise (RFC 7946)', () => {
    expect(rings.filter((r) => signedArea2(r) <= 0)).toEqual([]);
  });

  it('makes no self-intersecting ring (turf.kinks on every 4th parcel)', () => {
    const bad = parcels.features.filter((_, i) => i % 4 === 0).filter((f) => kinks(f).features.length > 0);
    expect(bad.map((f) => f.properties.id)).toEqual([]);
  });

  it('makes parcels 30–300 m across, measured geodesically', () => {
    const sizes = rings.map(across);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_ACROSS_M);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ACROSS_M);
    // log-uniform: both ends of the range are used
    expect(Math.min(...sizes)).toBeLessThan(40);
    expect(Math.max(...sizes)).toBeGreaterThan(250);
  });

  it('puts every vertex inside the zone', () => {
    const z = prepareZone(zone);
    const outside = rings.flatMap((r) => r.filter(([x, y]) => z.locate(x!, y!) === OUTSIDE));
    expect(outside).toEqual([]);
  });

  it('names the township holding the parcel, with filled attributes', () => {
    const known = new Set(townships.map((t) => t.id));
    for (const f of parcels.features) {
      const p = f.properties;
      if (p.township_id !== null) expect(known.has(p.township_id)).toBe(true);
      expect(p.name_zh).toMatch(/地块\d+号$/);
      expect(p.name_en).toMatch(/parcel \d+$/);
      expect(['industrial', 'service', 'social', 'infrastructure', 'real_estate']).toContain(p.category);
      expect(['planned', 'approved', 'under_construction', 'completed']).toContain(p.status);
      expect(p.start_date).toMatch(/^20(1[5-9]|2[0-7])-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
      expect(Number.isInteger(p.investment_cny) && p.investment_cny >= 1e6).toBe(true);
    }
    // parcels in the first township's core lie in it
    const first = parcels.features.find((f) => f.properties.township_id === townships[0]!.id);
    expect(first).toBeDefined();
    expect(new Set(parcels.features.map((f) => f.properties.township_id)).size).toBeGreaterThanOrEqual(townships.length);
  });
});

describe('gen-parcels command line', () => {
  it('reads --count, --seed and --out, with defaults', () => {
    expect(parseArgs(['--count', '500', '--seed=3'])).toEqual({ count: 500, seed: 3, out: 'generated/parcels-500.geojson' });
    expect(parseArgs(['--count', '10', '--out', 'x.geojson']).out).toBe('x.geojson');
  });

  it('refuses bad options', () => {
    expect(() => parseArgs(['--count', '-1'])).toThrow(/positive/);
    expect(() => parseArgs(['--size', '3'])).toThrow(/unknown option/);
  });
});
