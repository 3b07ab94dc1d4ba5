import { describe, it, expect } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { BUNDLED_LAYERS } from '../../src/domain/layers';
import { parsePlan } from '../../src/domain/plan';
import { buildGeodata } from '../../scripts/geodata/index';
import { geodesicKm2, geometryProblems, latOfLineAt, overlapM2, readLayer, readText, turf } from './geodata-checks';

type Poly = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
const layers = new Map<string, FeatureCollection>(BUNDLED_LAYERS.map((l) => [l.id, readLayer(l.file)]));
const feats = (id: string) => layers.get(id)!.features as Feature<never, Record<string, unknown>>[];
const polys = (id: string) => feats(id) as unknown as Poly[];
const byId = (id: string, fid: string) => feats(id).find((f) => f.id === fid)!;

/** Required properties per layer (besides id, name_zh, name_en, schematic), from src/domain/schema.ts. */
const REQUIRED: Record<string, string[]> = {
  zone: ['built_up_area_km2'],
  townships: ['kind'],
  'landuse-current': ['YDYHFLDM', 'YDYHFLMC'],
  'landuse-planned': ['YDYHFLDM', 'YDYHFLMC'],
  'control-lines': ['kind'],
  'functional-areas': ['kind'],
  'central-urban-area': ['built_up_area_km2'],
  'featured-towns': ['town_type', 'township_id', 'based_on_zh', 'based_on_en', 'status_zh', 'status_en', 'sites_zh', 'sites_en'],
  rivers: [],
  roads: ['road_class'],
  'ppp-parcels': ['kind', 'township_id', 'status_zh', 'status_en'],
  'pollution-works': ['kind'],
  villages: ['township_id', 'standard', 'target_year', 'programmes'],
  'key-projects': ['category', 'township_id'],
};
const GEOMETRY_TYPES: Record<string, string[]> = { polygon: ['Polygon', 'MultiPolygon'], line: ['LineString', 'MultiLineString'], point: ['Point'], mixed: ['Point', 'LineString', 'Polygon', 'MultiPolygon'] };

describe('every geodata layer', () => {
  for (const def of BUNDLED_LAYERS) {
    it(`${def.file} is a valid RFC 7946 FeatureCollection with the schema's fields`, () => {
      const raw = JSON.parse(readText(def.file)) as Record<string, unknown>;
      expect(raw.type).toBe('FeatureCollection');
      expect(raw).not.toHaveProperty('crs');
      const fc = layers.get(def.id)!;
      expect(fc.features.length).toBeGreaterThan(0);
      for (const f of fc.features) {
        const p = f.properties as Record<string, unknown>;
        expect(f.type).toBe('Feature');
        expect(f.id).toBe(p.id);
        expect(p.schematic).toBe(true);
        for (const k of ['id', 'name_zh', 'name_en']) expect(typeof p[k] === 'string' && (p[k] as string).length > 0, `${String(f.id)}.${k}`).toBe(true);
        for (const k of REQUIRED[def.id]!) expect(p[k], `${String(f.id)} lacks ${k}`).toBeDefined();
        expect(GEOMETRY_TYPES[def.geometry]).toContain(f.geometry.type);
        expect(geometryProblems(f.geometry), String(f.id)).toEqual([]);
        for (const [k, v] of Object.entries(p)) if (/(_date|_due|^due)$/.test(k) || k === 'construction_start') expect(v, `${String(f.id)}.${k}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });
  }

  it('ids are unique across all layers', () => {
    const ids = BUNDLED_LAYERS.flatMap((l) => feats(l.id).map((f) => String(f.id)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('township_id references an existing township', () => {
    const tw = new Set(feats('townships').map((f) => f.id));
    for (const l of ['featured-towns', 'ppp-parcels', 'villages', 'key-projects']) for (const f of feats(l)) expect(tw.has(f.properties.township_id as string), String(f.id)).toBe(true);
  });
});

describe('zone and townships', () => {
  const zone = polys('zone')[0]!;
  const tws = polys('townships');

  it('the zone is one polygon of roughly 160–180 km² in the expected frame', () => {
    expect(polys('zone')).toHaveLength(1);
    const km2 = geodesicKm2(zone.geometry);
    expect(km2).toBeGreaterThan(160);
    expect(km2).toBeLessThan(180);
    const [x0, y0, x1, y1] = turf.bbox(zone);
    expect(x0).toBeGreaterThan(113.11);
    expect(x1).toBeLessThan(113.37);
    expect(y0).toBeGreaterThan(35.09);
    expect(y1).toBeLessThan(35.23);
  });

  it('the five units tile the zone: areas add up and they do not overlap', () => {
    expect(tws.map((f) => f.id).sort()).toEqual(['tw-ningguo', 'tw-sujiazuo', 'tw-wenchang', 'tw-wenyuan', 'tw-yangmiao']);
    const sum = tws.reduce((s, f) => s + geodesicKm2(f.geometry), 0);
    expect(Math.abs(sum / geodesicKm2(zone.geometry) - 1)).toBeLessThan(1e-6);
    for (const t of tws) expect(turf.booleanWithin(t, zone), String(t.id)).toBe(true);
    for (let i = 0; i < tws.length; i++) for (let j = i + 1; j < tws.length; j++) expect(overlapM2(tws[i]!, tws[j]!)).toBeLessThan(1);
  });

  it('reference points fall in their units', () => {
    const at = (p: [number, number]) => tws.find((t) => turf.booleanPointInPolygon(p, t))?.id;
    expect(at([113.14, 35.12])).toBe('tw-sujiazuo');
    expect(at([113.17, 35.16])).toBe('tw-yangmiao');
    expect(at([113.27, 35.14])).toBe('tw-ningguo');
    expect(at([113.32, 35.165])).toBe('tw-wenchang');
    expect(at([113.26, 35.19])).toBe('tw-wenyuan');
    expect(turf.booleanPointInPolygon([113.242, 35.216], zone)).toBe(false); // city government lies outside
  });
});

describe('report figures in the geometry', () => {
  const dasha = (byId('rivers', 'rv-dasha') as unknown as Feature<GeoJSON.LineString>).geometry.coordinates;
  const central = polys('central-urban-area')[0]!;

  it('central urban area measures 31 km² (WGS84 ellipsoid) within ±0.5 % (built to ±0.05 %)', () => {
    const km2 = geodesicKm2(central.geometry);
    expect(Math.abs(km2 / 31 - 1)).toBeLessThan(0.005);
    expect(Math.abs(km2 / 31 - 1)).toBeLessThan(0.0005);
    expect(turf.booleanWithin(central, polys('zone')[0]!)).toBe(true);
    for (const [x, y] of central.geometry.coordinates[0] as number[][]) expect(y!).toBeGreaterThan(latOfLineAt(dasha, x!));
  });

  it('Jinsha and Qinyuan PPP parcels lie north of the Dasha River, with the five milestones', () => {
    const ppp = feats('ppp-parcels').filter((f) => f.properties.national_ppp_demo === true);
    expect(ppp.map((f) => f.id).sort()).toEqual(['pp-jinsha', 'pp-qinyuan']);
    for (const f of ppp) {
      for (const [x, y] of turf.coordAll(f as unknown as Poly)) expect(y!, String(f.id)).toBeGreaterThan(latOfLineAt(dasha, x!));
      const ms = f.properties.milestones as { key: string; due: string; note_en?: string }[];
      expect(ms.map((m) => `${m.key}@${m.due}`)).toEqual(['bidding_agent@2017-07-10', 'prequalification@2017-07-28', 'tender_notice@2017-07-31', 'partner_selected@2017-08-31', 'construction_start@2017-09-10']);
      expect(ms[4]!.note_en).toContain('no day');
    }
    const resettle = feats('ppp-parcels').filter((f) => f.properties.kind === 'resettlement');
    expect(resettle.length).toBeGreaterThanOrEqual(2);
    for (const f of resettle) expect(f.properties.plan_due).toBe('2017-07-15');
  });

  it('featured towns lie inside their townships', () => {
    expect(feats('featured-towns')).toHaveLength(5);
    for (const t of polys('featured-towns')) {
      const tw = polys('townships').find((f) => f.id === t.properties.township_id)!;
      expect(turf.booleanWithin(t, tw), String(t.id)).toBe(true);
    }
    expect(byId('featured-towns', 'ft-science-tech').properties.target_year).toBe(2018);
    expect(turf.booleanPointInPolygon([113.26, 35.19], byId('featured-towns', 'ft-science-tech') as unknown as Poly)).toBe(true);
  });

  it('villages: exactly 70 % livable / 30 % beautiful, in their township, outside the central urban area', () => {
    const vs = feats('villages') as unknown as Feature<Point, Record<string, unknown>>[];
    const beautiful = vs.filter((v) => v.properties.standard === 'beautiful').length;
    expect(beautiful * 10).toBe(vs.length * 3);
    expect(vs.length - beautiful).toBe((vs.length * 7) / 10);
    for (const v of vs) {
      const tw = polys('townships').find((f) => f.id === v.properties.township_id)!;
      expect(turf.booleanPointInPolygon(v.geometry, tw), String(v.id)).toBe(true);
      expect(turf.booleanPointInPolygon(v.geometry, central), String(v.id)).toBe(false);
      expect(v.properties.target_year).toBe(2019);
      expect([...(v.properties.programmes as string[])].sort()).toEqual(['appearance', 'culture', 'ecology', 'industry', 'planning', 'public_services']);
    }
    const names = vs.map((v) => v.properties.name_zh);
    for (const n of ['辛庄村', '苏家作村', '寨卜昌村']) expect(names).toContain(n);
  });

  it('third-batch projects carry the report figures', () => {
    const third = feats('key-projects').filter((f) => f.properties.batch === 'third');
    for (const f of third) expect(f.properties.start_date).toBe('2017-07-05');
    const inv = Object.fromEntries(third.map((f) => [f.id, f.properties.investment_cny]));
    expect(inv).toMatchObject({ 'kp-guoan-emi-film': 510_000_000, 'kp-huanhe-touch-panels': 200_000_000, 'kp-hangong-education-2': 200_000_000 });
    expect(byId('key-projects', 'kp-guoan-emi-film').properties.output_cny_per_year).toBe(1_000_000_000);
    const industrial = third.filter((f) => f.properties.category === 'industrial').reduce((s, f) => s + (f.properties.investment_cny as number), 0);
    expect(industrial).toBe(710_000_000); // the two industrial projects of the batch are both named
  });

  it('roads: the 8 main roads are due for cleanup by 2017-07-31', () => {
    const main = feats('roads').filter((f) => f.properties.cleanup_due === '2017-07-31');
    expect(main).toHaveLength(8);
  });
});

describe('land use', () => {
  for (const v of ['landuse-current', 'landuse-planned']) {
    it(`${v}: valid classification codes and polygons that do not overlap`, () => {
      const ps = polys(v);
      for (const f of ps) expect(f.properties.YDYHFLDM, String(f.id)).toMatch(/^\d{2}(\d{2})?$/);
      for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) expect(overlapM2(ps[i]!, ps[j]!), `${ps[i]!.id}/${ps[j]!.id}`).toBeLessThan(1);
    });
  }
  it('both versions tile the same extent, and the plan has more urban and less farmland', () => {
    const total = (v: string) => polys(v).reduce((s, f) => s + geodesicKm2(f.geometry), 0);
    expect(Math.abs(total('landuse-current') / total('landuse-planned') - 1)).toBeLessThan(1e-9);
    const share = (v: string, codes: string[]) => polys(v).filter((f) => codes.includes(f.properties.YDYHFLDM as string)).reduce((s, f) => s + geodesicKm2(f.geometry), 0);
    expect(share('landuse-planned', ['0101', '0103', '0703'])).toBeLessThan(share('landuse-current', ['0101', '0103', '0703']));
    expect(share('landuse-planned', ['0701'])).toBeGreaterThan(share('landuse-current', ['0701']));
  });
  it('PPP and resettlement parcels are urban housing (0701) in the plan', () => {
    for (const p of polys('ppp-parcels')) {
      const c = turf.centroid(p).geometry.coordinates;
      const lu = polys('landuse-planned').find((f) => turf.booleanPointInPolygon(c, f));
      expect(lu?.properties.YDYHFLDM, String(p.id)).toBe('0701');
    }
  });
});

describe('control lines give a compliance check real findings', () => {
  const cl = polys('control-lines');
  const of = (kind: string) => cl.filter((f) => f.properties.kind === kind);
  it('has all three kinds, and a farmland polygon with a hole', () => {
    expect(of('urban_development_boundary')).toHaveLength(1);
    expect(of('ecological_red_line').length).toBeGreaterThan(0);
    expect(of('permanent_basic_farmland').some((f) => f.geometry.type === 'Polygon' && f.geometry.coordinates.length > 1)).toBe(true);
    expect(turf.booleanWithin(polys('central-urban-area')[0]!, of('urban_development_boundary')[0]!)).toBe(true);
  });
  it('documented overlaps exist', () => {
    const udb = of('urban_development_boundary')[0]!;
    const red = of('ecological_red_line')[0]!;
    const pbf = (id: string) => cl.find((f) => f.id === id)!;
    const parcel = (id: string) => polys('ppp-parcels').find((f) => f.id === id)!;
    const partlyOutside = (p: Poly) => overlapM2(p, udb) > 1 && overlapM2(p, udb) < turf.area(p) * 0.999;
    expect(partlyOutside(parcel('pp-resettle-d'))).toBe(true);
    expect(overlapM2(parcel('pp-resettle-d'), pbf('cl-pbf-04'))).toBeGreaterThan(1000);
    expect(partlyOutside(parcel('pp-binhe'))).toBe(true);
    expect(overlapM2(parcel('pp-binhe'), red)).toBeGreaterThan(1000);
    expect(overlapM2(polys('featured-towns').find((f) => f.id === 'ft-longfeng')!, pbf('cl-pbf-01'))).toBeGreaterThan(1000);
    const pt = (id: string) => (byId('key-projects', id) as unknown as Feature<Point>).geometry;
    expect(turf.booleanPointInPolygon(pt('kp-greenland-north-bank'), red)).toBe(true);
    expect(turf.booleanPointInPolygon(pt('kp-mingren-health'), udb)).toBe(false);
    const v = feats('villages').find((f) => f.properties.name_zh === '西王封村') as unknown as Feature<Point>;
    expect(turf.booleanPointInPolygon(v.geometry, pbf('cl-pbf-01'))).toBe(false); // sits in the hole
  });
});

describe('plan.json', () => {
  const plan = parsePlan(JSON.parse(readText('plan.json')));
  it('parses and carries the report totals', () => {
    expect(plan.key_projects_2017).toMatchObject({ count: 105, total_investment_cny: 27_565_000_000, planned_investment_2017_cny: 6_512_000_000 });
    expect(plan.infrastructure_2017).toEqual({ count: 43, total_investment_cny: 2_300_000_000, planned_investment_2017_cny: 1_050_000_000 });
    const tb = plan.third_batch;
    expect(tb.by_category.reduce((s, c) => s + c.count, 0)).toBe(tb.count);
    expect(tb.by_category.reduce((s, c) => s + c.investment_cny, 0)).toBe(tb.total_investment_cny);
    expect(tb.total_investment_cny).toBe(1_635_000_000);
    const ids = new Set(feats('key-projects').map((f) => f.id));
    for (const id of tb.named_project_ids) expect(ids.has(id), id).toBe(true);
    expect(plan.source.report_date).toBe('2017-07-07');
  });
  it('parsePlan names the bad field', () => {
    const good = JSON.parse(readText('plan.json'));
    const bad1 = structuredClone(good);
    bad1.third_batch.by_category[1].count = -1;
    expect(() => parsePlan(bad1)).toThrow(/third_batch\.by_category\[1\]\.count/);
    const bad2 = structuredClone(good);
    bad2.source.report_date = '2017-02-30';
    expect(() => parsePlan(bad2)).toThrow(/source\.report_date/);
    const bad3 = structuredClone(good);
    bad3.third_batch.by_category[0].investment_cny += 1;
    expect(() => parsePlan(bad3)).toThrow(/third_batch\.by_category/);
    expect(() => parsePlan(null)).toThrow(/\(root\)/);
  });
});

describe('generated files', () => {
  it('are up to date with scripts/build-geodata.ts', () => {
    const { files } = buildGeodata();
    for (const [name, text] of Object.entries(files)) expect(readText(name) === text, `${name} is stale: run npx tsx scripts/build-geodata.ts`).toBe(true);
  });
});
