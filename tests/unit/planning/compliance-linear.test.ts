import { Geodesic } from 'geographiclib-geodesic';
import type { Feature, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkCompliance, checkLayer, type ComplianceControls, type ComplianceSubject } from '../../../src/analysis/compliance';
import { formatLength } from '../../../src/domain/format';
import { deepFreeze } from './helpers';

// Controls with edges along parallels and meridians, so where a meridian line crosses them is known
// exactly; lengths along the meridian come from GeographicLib's Inverse alone.
const box = (id: string, x0: number, y0: number, x1: number, y1: number): Feature => ({
  type: 'Feature', id, properties: { id },
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});
const controls: ComplianceControls = deepFreeze({
  farmland: [box('pbf-a', 113.2, 35.15, 113.21, 35.16), box('pbf-b', 113.2, 35.155, 113.21, 35.165)],
  redLine: [box('eco', 113.3, 35.3, 113.31, 35.31)],
  cultivated: [],
  boundary: [box('udb', 113.19, 35.14, 113.215, 35.17)],
});
const subject = (geometry: Geometry, properties: Record<string, unknown> = {}): ComplianceSubject =>
  deepFreeze({ type: 'Feature', properties, geometry }) as ComplianceSubject;
const LON = 113.205;
const meridian = (lat0: number, lat1: number) => Geodesic.WGS84.Inverse(lat0, LON, lat1, LON).s12!;
const line = (...lats: number[]): Geometry => ({ type: 'LineString', coordinates: lats.map((lat): Position => [LON, lat]) });

describe('compliance of points', () => {
  it('says a point in permanent farmland lies inside it, with no area', () => {
    const r = checkCompliance(subject({ type: 'Point', coordinates: [LON, 35.152] }), controls);
    expect(r.subjectKind).toBe('point');
    expect(r.farmland).toMatchObject({ overlaps: true, controlIds: ['pbf-a'], areaM2: 0, lengthM: 0 });
    expect(r.redLine.overlaps).toBe(false);
    expect(r.boundary.status).toBe('inside');
    expect(r.verdict.text_zh).toBe('位于永久基本农田内');
    expect(r.verdict.text_en).toBe('Lies in permanent basic farmland');
  });
  it('says a point outside every control is clear but outside the boundary', () => {
    const r = checkCompliance(subject({ type: 'Point', coordinates: [113.25, 35.2] }), controls);
    expect(r.farmland.overlaps).toBe(false);
    expect(r.boundary.status).toBe('outside');
    expect(r.verdict.rules).toEqual(['urban_development_boundary']);
  });
});

describe('compliance of lines: the length inside each control line (GeographicLib)', () => {
  const r = checkCompliance(subject(line(35.145, 35.18)), controls);
  it('measures the length inside permanent farmland once where its polygons overlap', () => {
    expect(r.subjectKind).toBe('line');
    expect(r.subjectLengthM).toBeCloseTo(meridian(35.145, 35.18), 6);
    expect(r.farmland.overlaps).toBe(true);
    expect(r.farmland.controlIds.sort()).toEqual(['pbf-a', 'pbf-b']);
    expect(r.farmland.lengthM).toBeCloseTo(meridian(35.15, 35.165), 3);
    expect(r.farmland.areaM2).toBe(0);
  });
  it('measures the length outside the urban development boundary', () => {
    expect(r.boundary.status).toBe('partly');
    expect(r.boundary.outsideLengthM).toBeCloseTo(meridian(35.17, 35.18), 3);
  });
  it('says so in the verdict, in metres', () => {
    const inside = formatLength(meridian(35.15, 35.165), 'm', 'zh');
    const outside = formatLength(meridian(35.17, 35.18), 'm', 'en');
    expect(inside).toMatch(/^1,66\d\.\d 米$/);
    expect(r.verdict.text_zh).toBe(`穿越永久基本农田 ${inside}；部分位于城镇开发边界外（边界外 ${formatLength(meridian(35.17, 35.18), 'm', 'zh')}）`);
    expect(r.verdict.text_en).toBe(`Runs through permanent basic farmland for ${formatLength(meridian(35.15, 35.165), 'm', 'en')}; partly outside the urban development boundary (${outside} outside)`);
  });
  it('reports a line wholly inside the boundary and clear of the controls as compliant', () => {
    const ok = checkCompliance(subject({ type: 'LineString', coordinates: [[113.212, 35.142], [113.212, 35.168]] }), controls);
    expect(ok.farmland).toMatchObject({ overlaps: false, lengthM: 0 });
    expect(ok.boundary).toMatchObject({ status: 'inside', outsideLengthM: 0 });
    expect(ok.verdict.ok).toBe(true);
  });
});

describe('checkLayer names rows by the layer’s name field', () => {
  it('uses a Chinese name field of an imported layer (XMMC), and the id where a feature has none', () => {
    const features = deepFreeze([
      { type: 'Feature', id: 7, properties: { XMMC: '滨河路改造', DKBH: 'A-01' }, geometry: line(35.145, 35.18) },
      { type: 'Feature', id: 8, properties: { DKBH: 'A-02' }, geometry: { type: 'Point', coordinates: [LON, 35.152] } },
    ] as Feature[]);
    const rows = checkLayer(features, controls);
    expect(rows.map((r) => [r.name_zh, r.name_en])).toEqual([['滨河路改造', '滨河路改造'], ['8', '8']]);
  });
  it('uses name_zh / name_en where the layer has them', () => {
    const rows = checkLayer([{ type: 'Feature', id: 'a', properties: { name_zh: '国安', name_en: 'Guoan' }, geometry: { type: 'Point', coordinates: [LON, 35.152] } }], controls);
    expect(rows[0]).toMatchObject({ name_zh: '国安', name_en: 'Guoan' });
  });
});
