import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { zoneStatistics, zoneStatsToCsv, type StatsLayer, type StatsZone } from '../../../src/analysis/zone-stats';
import { BUNDLED_LAYERS } from '../../../src/domain/layers';
import { deepFreeze } from '../filters/fixtures';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const feature = (id: string, geometry: Geometry, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', id, properties: { id, ...props }, geometry });
const point = (id: string, x: number, y: number, props: Record<string, unknown> = {}) => feature(id, { type: 'Point', coordinates: [x, y] }, props);

/** Two adjacent 0.01° squares sharing the meridian 113.01. */
const ZONES: readonly StatsZone[] = deepFreeze([
  { id: 'west', name_zh: '西区', name_en: 'West', geometry: box(113.0, 35.0, 113.01, 35.01) },
  { id: 'east', name_zh: '东区', name_en: 'East', geometry: box(113.01, 35.0, 113.02, 35.01) },
]);
const STRADDLING = box(113.005, 35.002, 113.015, 35.004);
const INSIDE_WEST = box(113.001, 35.006, 113.003, 35.008);
const LAYERS: readonly StatsLayer[] = deepFreeze([
  { layerId: 'ppp-parcels', features: [feature('p-straddle', STRADDLING), feature('p-west', INSIDE_WEST)] },
  {
    layerId: 'key-projects',
    features: [
      point('kp-west', 113.002, 35.002, { investment_cny: 510_000_000, start_date: '2017-07-05' }),
      point('kp-east', 113.018, 35.008, { investment_cny: 200_000_000, start_date: '2018-03-01' }),
      point('kp-east-unknown', 113.017, 35.002, {}),
    ],
  },
  {
    layerId: 'villages',
    features: [
      point('v-w1', 113.004, 35.009, { standard: 'livable' }),
      point('v-w2', 113.006, 35.009, { standard: 'livable' }),
      point('v-w3', 113.008, 35.009, { standard: 'beautiful' }),
      point('v-e1', 113.014, 35.009, { standard: 'beautiful' }),
    ],
  },
  { layerId: 'roads', features: [] },
]);

describe('zoneStatistics on two adjacent squares', () => {
  const [west, east] = zoneStatistics(ZONES, LAYERS);

  it('gives one row per zone, in order, with the zone area', () => {
    expect([west!.zoneId, east!.zoneId]).toEqual(['west', 'east']);
    expect(west!.zoneAreaM2).toBeCloseTo(geodesicArea(ZONES[0]!.geometry), 6);
    expect(west!.zoneAreaM2).toBeGreaterThan(1e6);
  });

  it('counts a parcel straddling both zones in both', () => {
    expect(west!.featureIds['ppp-parcels']).toEqual(['p-straddle', 'p-west']);
    expect(east!.featureIds['ppp-parcels']).toEqual(['p-straddle']);
    expect([west!.counts['ppp-parcels'], east!.counts['ppp-parcels']]).toEqual([2, 1]);
  });

  it('measures only the part of a straddling parcel inside each zone', () => {
    const half = geodesicArea(STRADDLING) / 2;
    expect(east!.parcelAreaM2).toBeCloseTo(half, 0);
    expect(west!.parcelAreaM2).toBeCloseTo(half + geodesicArea(INSIDE_WEST), 0);
    expect(west!.parcelAreaM2 + east!.parcelAreaM2).toBeCloseTo(geodesicArea(STRADDLING) + geodesicArea(INSIDE_WEST), 0);
  });

  it('counts points in the zone containing them', () => {
    expect(west!.featureIds['key-projects']).toEqual(['kp-west']);
    expect(east!.featureIds['key-projects']).toEqual(['kp-east', 'kp-east-unknown']);
    expect(west!.featureIds.villages).toEqual(['v-w1', 'v-w2', 'v-w3']);
  });

  it('sums investment, and the investment of projects starting in the year', () => {
    expect([west!.investmentCny, west!.investmentThisYearCny]).toEqual([510_000_000, 510_000_000]);
    expect([east!.investmentCny, east!.investmentThisYearCny]).toEqual([200_000_000, 0]);
  });

  it('takes the year from the options', () => {
    const rows = zoneStatistics(ZONES, LAYERS, { year: 2018 });
    expect(rows.map((r) => r.investmentThisYearCny)).toEqual([0, 200_000_000]);
  });

  it('counts villages by standard', () => {
    expect(west!.villages).toEqual({ livable: 2, beautiful: 1, livableShare: 2 / 3 });
    expect(east!.villages).toEqual({ livable: 0, beautiful: 1, livableShare: 0 });
  });

  it('gives zero counts, not missing keys, for empty layers', () => {
    expect(west!.counts.roads).toBe(0);
    expect(west!.featureIds.roads).toEqual([]);
  });

  it('counts a point on the shared border in both zones', () => {
    const rows = zoneStatistics(ZONES, [{ layerId: 'villages', features: [point('v-border', 113.01, 35.005, { standard: 'livable' })] }]);
    expect(rows.map((r) => r.counts.villages)).toEqual([1, 1]);
  });

  it('has a null share where there are no villages', () => {
    const [row] = zoneStatistics([ZONES[0]!], [{ layerId: 'villages', features: [] }]);
    expect(row!.villages.livableShare).toBeNull();
  });
});

describe('zoneStatsToCsv', () => {
  const rows = zoneStatistics(ZONES, LAYERS);
  const titles = { 'ppp-parcels': { zh: '地块', en: 'Parcels' }, villages: { zh: '村庄', en: 'Villages' } };
  const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

  it('writes headers in the chosen language', () => {
    expect(parse(zoneStatsToCsv(rows, titles, 'zh'))[0]!.slice(0, 4)).toEqual(['编号', '名称', '面积（平方米）', '地块（个数）']);
    expect(parse(zoneStatsToCsv(rows, titles, 'en'))[0]!.slice(0, 4)).toEqual(['ID', 'Name', 'Area (m²)', 'Parcels (count)']);
  });

  it('writes unformatted numbers: m² to 2 decimals, CNY as integers', () => {
    const [header, westRow] = parse(zoneStatsToCsv(rows, titles, 'en'));
    const cell = (name: string) => westRow![header!.indexOf(name)];
    expect(cell('Area (m²)')).toBe(rows[0]!.zoneAreaM2.toFixed(2));
    expect(cell('Area (m²)')).toMatch(/^\d+\.\d\d$/);
    expect(cell('Key-project investment (CNY)')).toBe('510000000');
    expect(cell('Investment of projects starting 2017 (CNY)')).toBe('510000000');
    expect(cell('key-projects (count)')).toBe('1');
    expect(cell('Livable share (%)')).toBe('66.67');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const evil = deepFreeze([{ ...ZONES[0]!, id: '=cmd', name_en: '@SUM(A1)', name_zh: '+1' }]);
    const [, row] = parse(zoneStatsToCsv(zoneStatistics(evil, []), {}, 'en'));
    expect(row!.slice(0, 2)).toEqual(["'=cmd", "'@SUM(A1)"]);
  });
});

describe('zoneStatistics on the bundled townships', () => {
  const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '../../../geodata', file), 'utf8')) as FeatureCollection;
  const townships = read('townships.geojson').features.map((f) => ({
    id: String(f.id),
    name_zh: String(f.properties!.name_zh),
    name_en: String(f.properties!.name_en),
    geometry: f.geometry as Polygon,
  }));
  const layers = BUNDLED_LAYERS.filter((l) => l.id !== 'zone' && l.id !== 'townships').map((l) => ({ layerId: l.id, features: read(l.file).features }));
  const rows = zoneStatistics(townships, layers);

  it('counts every feature of every layer at least once', () => {
    for (const { layerId, features } of layers) {
      const counted = new Set(rows.flatMap((r) => r.featureIds[layerId]!));
      expect(rows.reduce((s, r) => s + r.counts[layerId]!, 0), layerId).toBeGreaterThanOrEqual(features.length);
      expect(counted.size, layerId).toBe(features.length);
    }
  });

  it('counts every village in exactly one township, its own', () => {
    const villages = layers.find((l) => l.layerId === 'villages')!.features;
    for (const v of villages) {
      const holders = rows.filter((r) => r.featureIds.villages!.includes(String(v.id))).map((r) => r.zoneId);
      expect(holders, String(v.id)).toEqual([v.properties!.township_id]);
    }
    expect(rows.map((r) => r.counts.villages)).toEqual([18, 17, 15, 10, 0]);
  });

  it('splits parcel area between townships without loss or double counting', () => {
    const parcels = layers.find((l) => l.layerId === 'ppp-parcels')!.features;
    const total = parcels.reduce((s, f) => s + geodesicArea(f.geometry), 0);
    // turf intersect re-noding moves clipped vertices by ~1e-7 of the area
    expect(rows.reduce((s, r) => s + r.parcelAreaM2, 0) / total).toBeCloseTo(1, 6);
  });

  it('counts a bundled parcel that straddles two townships in both', () => {
    const parcels = layers.find((l) => l.layerId === 'ppp-parcels')!.features;
    expect(rows.reduce((n, r) => n + r.counts['ppp-parcels']!, 0)).toBeGreaterThan(parcels.length);
  });

  it('puts the stated investment where the projects are', () => {
    expect(rows.reduce((s, r) => s + (r.investmentCny ?? 0), 0)).toBe(910_000_000);
    expect(Object.fromEntries(rows.map((r) => [r.zoneId, r.investmentCny]))).toMatchObject({ 'tw-wenchang': 710_000_000, 'tw-wenyuan': 200_000_000 });
  });

  it('leaves an investment no project in the zone states unknown (null, an empty CSV cell), not 0', () => {
    const none = rows.filter((r) => r.investmentCny === null);
    expect(none.length).toBeGreaterThan(0);
    const csv = zoneStatsToCsv(none, {}, 'en').split('\r\n');
    const head = csv[0]!.split(',');
    const cells = csv[1]!.split(',');
    expect(cells[head.indexOf('Key-project investment (CNY)')]).toBe('');
    const year = cells[head.indexOf('Investment of projects starting 2017 (CNY)')];
    expect(year).toBe(none[0]!.investmentThisYearCny === null ? '' : String(none[0]!.investmentThisYearCny));
    // A zone without key projects has nothing invested: 0, not unknown.
    expect(rows.filter((r) => r.counts['key-projects'] === 0).every((r) => r.investmentCny === 0)).toBe(true);
  });

  it('gives township areas adding up to the zone', () => {
    const zone = read('zone.geojson').features[0]!;
    expect(rows.reduce((s, r) => s + r.zoneAreaM2, 0) / geodesicArea(zone.geometry)).toBeCloseTo(1, 9);
  });
});
