import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanIntersects, booleanWithin } from '@turf/turf';
import fc from 'fast-check';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFeatureIndex, featureIndexFromData, transferableFeatureIndex } from '../../../src/analysis/feature-index';
import { filterByZone, type ZonePredicate } from '../../../src/analysis/zone-filter';

const FIXTURES = join(__dirname, '../../fixtures/zone-filter');
const PREDICATES: ZonePredicate[] = ['intersects', 'within'];

type Expect = Partial<Record<ZonePredicate, boolean>>;

/** Brute force: turf on every feature; `properties.expect` overrides where turf deviates (documented). */
function reference(features: Feature<Geometry | null>[], zone: Polygon | MultiPolygon, predicate: ZonePredicate): number[] {
  const out: number[] = [];
  features.forEach((f, i) => {
    const forced = (f.properties?.expect as Expect | undefined)?.[predicate];
    const hit = forced ?? (predicate === 'intersects' ? booleanIntersects(f as Feature<Geometry>, zone) : booleanWithin(f as Feature<Geometry>, zone));
    if (hit) out.push(i);
  });
  return out;
}

function readFixture(name: string): { zone: Polygon | MultiPolygon; features: Feature<Geometry | null>[] } {
  const fcIn = JSON.parse(readFileSync(join(FIXTURES, 'in', name), 'utf8')) as FeatureCollection<Geometry | null>;
  const [zone, ...features] = fcIn.features;
  return { zone: zone!.geometry as Polygon | MultiPolygon, features };
}

describe('filterByZone on fixtures', () => {
  for (const name of readdirSync(join(FIXTURES, 'in')).filter((f) => f.endsWith('.geojson'))) {
    for (const predicate of PREDICATES) {
      it(`${name}: ${predicate} matches turf`, () => {
        const { zone, features } = readFixture(name);
        expect(filterByZone(buildFeatureIndex(features), zone, predicate)).toEqual(reference(features, zone, predicate));
      });
    }

    it(`${name}: matches its golden output (UPDATE=1 rewrites)`, () => {
      const { zone, features } = readFixture(name);
      const index = buildFeatureIndex(features);
      const hits = Object.fromEntries(PREDICATES.map((p) => [p, new Set(filterByZone(index, zone, p))]));
      const result = features.map((f, i) => {
        const within = hits.within!.has(i);
        const intersects = hits.intersects!.has(i);
        const colour = within ? '#1a9850' : intersects ? '#fdae61' : '#4575b4';
        return { ...f, properties: { name: f.properties?.name, intersects, within, stroke: colour, fill: colour, 'marker-color': colour } };
      });
      const zoneStyle = { role: 'zone', stroke: '#000000', 'fill-opacity': 0.1 };
      const golden = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: zoneStyle, geometry: zone }, ...result] };
      const file = join(FIXTURES, 'out', name);
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(golden, null, 1)}\n`);
      expect(golden).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }

  for (const name of ['fills hole exactly', 'encloses zone hole']) {
    it(`documents where turf differs: a polygon that ${name.replace('fills', 'exactly fills').replace('encloses', 'encloses a')} is not within`, () => {
      const { zone, features } = readFixture('hole.geojson');
      const i = features.findIndex((f) => f.properties?.name === name);
      expect(booleanWithin(features[i] as Feature<Geometry>, zone)).toBe(true); // turf checks only the polygon's boundary
      expect(filterByZone(buildFeatureIndex(features), zone, 'within')).not.toContain(i);
      expect(filterByZone(buildFeatureIndex(features), zone, 'intersects')).toContain(i);
    });
  }

  it('gives the same answers after a round trip through transferable data', () => {
    const { zone, features } = readFixture('concave.geojson');
    const [data] = transferableFeatureIndex(buildFeatureIndex(features));
    const copy = featureIndexFromData(structuredClone(data));
    expect(filterByZone(copy, zone, 'intersects')).toEqual(reference(features, zone, 'intersects'));
  });
});

// ---- random fixtures --------------------------------------------------------------------------------

/** Star-shaped ring around (cx, cy): simple, often concave. */
function starRing(cx: number, cy: number, radii: number[], scale: number, phase: number): Position[] {
  const ring = radii.map((r, k) => {
    const a = phase + (2 * Math.PI * k) / radii.length;
    return [cx + Math.cos(a) * r * scale, cy + Math.sin(a) * r * scale];
  });
  return [...ring, ring[0]!];
}

const radiiArb = (min: number, max: number) => fc.array(fc.double({ min: 0.35, max: 1, noNaN: true }), { minLength: min, maxLength: max });
const zoneArb = fc.record({ outer: radiiArb(5, 24), hole: fc.option(radiiArb(3, 8), { nil: undefined }), phase: fc.double({ min: 0, max: 6, noNaN: true }) });
const featureArb = fc.record({
  kind: fc.constantFrom('polygon', 'point', 'line', 'multipolygon'),
  x: fc.double({ min: 112.9, max: 113.5, noNaN: true }),
  y: fc.double({ min: 34.9, max: 35.5, noNaN: true }),
  radii: radiiArb(3, 9),
  size: fc.double({ min: 0.005, max: 0.12, noNaN: true }),
});

function makeFeature(f: { kind: string; x: number; y: number; radii: number[]; size: number }): Feature<Geometry> {
  const ring = starRing(f.x, f.y, f.radii, f.size, 0.3);
  const geometry: Geometry =
    f.kind === 'point' ? { type: 'Point', coordinates: [f.x, f.y] }
    : f.kind === 'line' ? { type: 'LineString', coordinates: ring.slice(0, -2) }
    : f.kind === 'multipolygon' ? { type: 'MultiPolygon', coordinates: [[ring], [starRing(f.x + 2.5 * f.size, f.y, f.radii, f.size / 2, 0)]] }
    : { type: 'Polygon', coordinates: [ring] };
  return { type: 'Feature', properties: {}, geometry };
}

describe('filterByZone on random fixtures', () => {
  for (const predicate of PREDICATES) {
    it(`${predicate}: same feature ids as turf brute force (concave zones, with and without a hole)`, () => {
      fc.assert(
        fc.property(zoneArb, fc.array(featureArb, { minLength: 1, maxLength: 40 }), (z, fs) => {
          const rings = [starRing(113.2, 35.2, z.outer, 0.3, z.phase)];
          if (z.hole) rings.push(starRing(113.2, 35.2, z.hole, 0.09, 0));
          const zone: Polygon = { type: 'Polygon', coordinates: rings };
          const features = fs.map(makeFeature);
          expect(filterByZone(buildFeatureIndex(features), zone, predicate)).toEqual(reference(features, zone, predicate));
        }),
        { numRuns: 150, seed: 20240611 },
      );
    });
  }
});

// A selection box is an axis-aligned rectangle: its top and bottom grid rows hold no edge-free cell, so
// points there are located by the fallback ray, whose far end must not lie on the box's right side.
describe('filterByZone on selection boxes', () => {
  // uniform in [0, 1] (fc.double favours tiny values)
  const coord = fc.integer({ min: 0, max: 10_000 }).map((i) => i / 10_000);
  it('points in the rows along a box edge match turf', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 60 }), coord, (pts, size) => {
        const [x0, y0, x1, y1] = [113.19, 35.14, 113.19 + 0.02 + 0.1 * size, 35.2];
        const zone: Polygon = { type: 'Polygon', coordinates: [[[x0, y1], [x1, y1], [x1, y0], [x0, y0], [x0, y1]]] };
        const features: Feature<Geometry>[] = pts.map(([u, v]) => ({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [x0 - 0.01 + u * (x1 - x0 + 0.02), y0 - 0.005 + v * (y1 - y0 + 0.01)] },
        }));
        for (const predicate of PREDICATES) {
          expect(filterByZone(buildFeatureIndex(features), zone, predicate)).toEqual(reference(features, zone, predicate));
        }
      }),
      { numRuns: 200, seed: 20261204 },
    );
  });

  it('keeps a village just inside the bottom edge of a box (as Shift-drag draws it)', () => {
    const zone: Polygon = { type: 'Polygon', coordinates: [[[113.19, 35.2], [113.25, 35.2], [113.25, 35.14], [113.19, 35.14], [113.19, 35.2]]] };
    const village: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [113.24091, 35.141373] } };
    expect(filterByZone(buildFeatureIndex([village]), zone, 'intersects')).toEqual([0]);
  });
});
