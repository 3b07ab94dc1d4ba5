import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import {
  balanceToCsv, compareBalance, landUseBalance, largestRemainder, type BalanceRow, type LandUseBalance,
} from '../../../src/analysis/landuse-balance';
import { landUseClass, rgbHex } from '../../../src/domain/landuse-palette';
import { bundled, FIXTURES, geographicLibArea, readCollection } from './helpers';

const DIR = join(FIXTURES, 'land-use-balance');
const at = (x: number, y: number): Position => [Number((113.2 + x / 1000).toFixed(6)), Number((35.15 + y / 1000).toFixed(6))];
const rectArea = (x0: number, y0: number, x1: number, y1: number) => geographicLibArea([[[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1)]]]);
/** Agreement of geodesicArea with GeographicLib: better than 1e-6 relative (see geodesic-area.test.ts). */
const REL = 1e-6;
const near = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(REL);

function grid(): { zone: Polygon; features: readonly Feature[] } {
  const [zone, ...features] = readCollection(join(DIR, 'in', 'grid.geojson')).features;
  return { zone: zone!.geometry as Polygon, features };
}
const row = (b: LandUseBalance, code: string | null) => b.rows.find((r) => r.code === code);
const hundredths = (rows: readonly BalanceRow[]) => rows.reduce((s, r) => s + Math.round(r.share * 100), 0);

describe('landUseBalance on the grid fixture (areas against GeographicLib)', () => {
  it('measures every polygon without a zone: the total is the grid plus the unknown square', () => {
    const { features } = grid();
    const b = landUseBalance(features);
    // the grid's outline through every grid vertex on its edges, so its geodesic edges are the cells' own
    const outline = [0, 3, 6, 9].map((v) => at(v, 0)).concat([3, 6, 9].map((v) => at(9, v)), [6, 3, 0].map((v) => at(v, 9)), [6, 3].map((v) => at(0, v)));
    near(b.totalM2, geographicLibArea([[outline]]) + rectArea(10, 0, 11, 1));
    expect(b.skipped).toEqual([features.findIndex((f) => f.id === 'c-point')]);
    near(row(b, '0101')!.areaM2, rectArea(0, 0, 3, 3));
    near(row(b, '1001')!.areaM2, rectArea(6, 6, 9, 9) - rectArea(7, 7, 8, 8));
    near(row(b, '0701')!.areaM2, rectArea(6, 0, 9, 3) + rectArea(0, 6, 3, 9));
  });

  it('measures only the parts inside a zone; the total is the zone', () => {
    const { zone, features } = grid();
    const b = landUseBalance(features, zone);
    const edge = [1.5, 3, 6, 7.5];
    const zoneRing = [
      ...edge.map((v) => at(v, 1.5)), ...[3, 6, 7].map((v) => at(7.5, v)), at(7.5, 7.5), ...[7, 6, 3].map((v) => at(v, 7.5)), at(1.5, 7.5), ...[6, 3].map((v) => at(1.5, v)),
    ];
    near(b.totalM2, geographicLibArea([[zoneRing]]));
    near(row(b, '0101')!.areaM2, rectArea(1.5, 1.5, 3, 3));
    near(row(b, '13')!.areaM2, rectArea(3, 3, 6, 6)); // wholly within: measured unclipped
    near(row(b, '1402')!.areaM2, rectArea(7, 7, 7.5, 7.5));
    near(row(b, '1001')!.areaM2, rectArea(6, 6, 7.5, 7.5) - rectArea(7, 7, 7.5, 7.5));
    expect(row(b, null)).toBeUndefined(); // the unknown square lies outside the zone
  });

  it('puts unknown codes in their own row, last, listing the code/name pairs', () => {
    const b = landUseBalance(grid().features);
    expect(b.rows.at(-1)).toMatchObject({ code: null, level: null, featureIds: ['c-unknown'], unknown: [{ code: '99', name: '未列入类', count: 1 }] });
    near(b.rows.at(-1)!.areaM2, rectArea(10, 0, 11, 1));
  });

  it('orders first-level rows by code, each followed by its second-level rows', () => {
    const b = landUseBalance(grid().features);
    expect(b.rows.map((r) => r.code)).toEqual(['01', '0101', '0103', '07', '0701', '0703', '10', '1001', '13', '14', '1401', '1402', null]);
  });

  it('lets every row select its features (ids and positions)', () => {
    const { features } = grid();
    const b = landUseBalance(features);
    expect(row(b, '14')!.featureIds).toEqual(['c-park', 'c-park-by-name', 'c-hole-filler']);
    expect(row(b, '1401')!.featureIds).toEqual(['c-park', 'c-park-by-name']);
    for (const r of b.rows) expect(r.featureIndices.map((i) => String(features[i]!.id))).toEqual(r.featureIds);
  });

  it('gives ha and 亩 from m²', () => {
    const r = row(landUseBalance(grid().features), '0103')!;
    expect(r.areaHa).toBeCloseTo(r.areaM2 / 1e4, 9);
    expect(r.areaMu).toBeCloseTo((r.areaM2 * 15) / 1e4, 9);
  });

  it('rounds shares so the first-level rows add up to exactly 100.00 %, children to their parent', () => {
    for (const b of [landUseBalance(grid().features), landUseBalance(grid().features, grid().zone)]) {
      expect(hundredths(b.rows.filter((r) => r.level !== 2))).toBe(10000);
      for (const parent of b.rows.filter((r) => r.level === 1 && r.code !== '13')) {
        expect(hundredths(b.rows.filter((r) => r.parent === parent.code))).toBe(Math.round(parent.share * 100));
      }
      for (const r of b.rows) expect(Math.abs(r.share - r.shareRaw)).toBeLessThan(0.01 + 1e-9);
      expect(b.rows.reduce((s, r) => s + (r.level === 2 ? 0 : r.shareRaw), 0)).toBeCloseTo(100, 9);
    }
  });

  it('matches its golden output (UPDATE=1 rewrites; areas to 0.01 m², raw shares to 1e-6 %)', () => {
    const { zone, features } = grid();
    const summary = (b: LandUseBalance) => ({
      totalM2: round(b.totalM2, 2),
      rows: b.rows.map((r) => ({ code: r.code, name_zh: r.name_zh, areaM2: round(r.areaM2, 2), share: r.share, shareRaw: round(r.shareRaw, 6), featureIds: r.featureIds })),
    });
    const styled = features.map((f) => {
      const c = landUseClass(f.properties?.YDYHFLDM, f.properties?.YDYHFLMC);
      return { ...f, properties: { ...f.properties, fill: c ? rgbHex(c.rgb) : '#888888', stroke: '#555555', 'fill-opacity': 0.8 } };
    });
    const golden = {
      type: 'FeatureCollection',
      balance: summary(landUseBalance(features)),
      balanceInZone: summary(landUseBalance(features, zone)),
      features: [{ type: 'Feature', properties: { role: 'zone', stroke: '#000000', 'fill-opacity': 0 }, geometry: zone }, ...styled],
    };
    const out = join(DIR, 'out', 'grid.geojson');
    if (process.env.UPDATE || !existsSync(out)) writeFileSync(out, `${JSON.stringify(golden, null, 1)}\n`);
    expect(golden).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });
});

const round = (v: number, d: number) => Number(v.toFixed(d)) + 0;

describe('largestRemainder', () => {
  it('splits three equal thirds into 33, 33, 34 hundredths-style integers', () => {
    expect(largestRemainder([100 / 3, 100 / 3, 100 / 3], 100)).toEqual([34, 33, 33]);
  });

  it('always hits the target with each value the floor or ceiling of its quota', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), (weights) => {
        const sum = weights.reduce((s, w) => s + w, 0);
        fc.pre(sum > 0);
        const quotas = weights.map((w) => (w / sum) * 10000);
        const units = largestRemainder(quotas, 10000);
        expect(units.reduce((s, u) => s + u, 0)).toBe(10000);
        units.forEach((u, i) => expect(Math.abs(u - quotas[i]!)).toBeLessThan(1 + 1e-6));
      }),
    );
  });
});

describe('bundled land use: 现状 and 规划', () => {
  const current = bundled('landuse-current');
  const planned = bundled('landuse-planned');

  it('counts every feature of both versions, none unknown, and both cover the same extent', () => {
    const c = landUseBalance(current);
    const p = landUseBalance(planned);
    expect([row(c, null), row(p, null), c.skipped, p.skipped]).toEqual([undefined, undefined, [], []]);
    expect(c.rows.filter((r) => r.level === 1).reduce((s, r) => s + r.featureIds.length, 0)).toBe(current.length);
    near(c.totalM2, current.reduce((s, f) => s + geodesicArea(f.geometry), 0));
    expect(Math.abs(c.totalM2 - p.totalM2) / c.totalM2).toBeLessThan(1e-9);
  });

  it('within the central urban area the total is the area of their overlap', () => {
    const cua = bundled('central-urban-area')[0]!.geometry as Polygon | MultiPolygon;
    const b = landUseBalance(current, cua);
    expect(b.totalM2).toBeGreaterThan(0);
    expect(b.totalM2).toBeLessThanOrEqual(geodesicArea(cua) * (1 + 1e-9));
    expect(hundredths(b.rows.filter((r) => r.level !== 2))).toBe(10000);
  });

  it('compareBalance puts current and planned side by side with their changes', () => {
    const c = landUseBalance(current);
    const p = landUseBalance(planned);
    const rows = compareBalance(c, p);
    const codes = new Set([...c.rows, ...p.rows].map((r) => r.code));
    expect(rows.map((r) => r.code)).toEqual([...codes].sort());
    const homesteads = rows.find((r) => r.code === '0703')!;
    expect(homesteads.change.areaM2).toBeLessThan(0); // urban villages become housing
    const commerce = rows.find((r) => r.code === '09')!;
    expect(commerce.current.areaM2).toBe(0);
    for (const r of rows) {
      expect(r.change.areaM2).toBeCloseTo(r.planned.areaM2 - r.current.areaM2, 6);
      expect(r.change.sharePoints).toBeCloseTo(r.planned.share - r.current.share, 9);
    }
    const tops = rows.filter((r) => r.level === 1);
    expect(tops.reduce((s, r) => s + r.change.sharePoints * 100, 0)).toBeCloseTo(0, 6);
  });
});

describe('balanceToCsv', () => {
  const b = landUseBalance(grid().features);

  it('writes bilingual headers, one line per row plus a total, numbers with 2 decimals', () => {
    const lines = balanceToCsv(b.rows, 'zh').split('\r\n');
    expect(lines[0]).toBe('级别 / Level,用地代码 / Code,用地名称 / Class,面积（平方米） / Area (m²),面积（公顷） / Area (ha),面积（亩） / Area (mu),占比（%） / Share (%),图斑数 / Features');
    expect(lines).toHaveLength(b.rows.length + 2);
    expect(lines[1]).toMatch(/^1,01,耕地,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d,2$/);
    expect(lines.at(-1)).toMatch(/^,,合计,[\d.]+,[\d.]+,[\d.]+,100\.00,10$/);
    expect(balanceToCsv(b.rows, 'en').split('\r\n')[1]).toMatch(/^1,01,Cultivated land,/);
  });

  it('writes a comparison with current, planned and change columns', () => {
    const p = landUseBalance(grid().features.filter((f) => f.id !== 'c-unknown'));
    const lines = balanceToCsv(compareBalance(b, p), 'en').split('\r\n');
    expect(lines[0]!.split(',')).toHaveLength(15);
    expect(lines[0]).toContain('Current area (ha) / 现状面积（公顷）');
    expect(lines.at(-2)).toMatch(/^,,Unrecognised class: 99 未列入类,[\d.]+,0\.00,-[\d.]+,/);
  });

  it('is formula-safe: no text cell starts with = + - @', () => {
    const hostile = [{ type: 'Feature', id: '=1+1', properties: { YDYHFLDM: '=HYPERLINK("x")', YDYHFLMC: '@SUM(A1)' }, geometry: grid().features[1]!.geometry } as Feature];
    const csv = balanceToCsv(landUseBalance(hostile).rows, 'en');
    for (const cell of csv.split(/\r\n|,/)) expect(cell).not.toMatch(/^[=+@]|^-(?!\d)/);
  });
});
