// The analysis API against the atlas's own analyses on the same features: zone statistics as the worker
// computes them for a big layer, the land-use balance, the overlap with the 三区三线 control lines as the
// big-layer compliance check measures it, nearest and within a radius as the proximity search finds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { loadGeoJson } from '../../../server/load';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { geodesicArea } from '../../../src/analysis/geodesic-area';
import { nearestFeatures, withinRadius } from '../../../src/analysis/nearest';
import { filterByZone } from '../../../src/analysis/zone-filter';
import { zoneFilterCql } from '../../../src/services/cql2-zone';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { controlsFromLayers } from '../../../src/analysis/compliance';
import { bigZoneStats } from '../../../src/workers/big-zone-stats';
import { bigComplianceSync } from '../../../src/workers/big-compliance';
import { generateParcels, zoneAndTownships } from '../../../scripts/bench/parcels';
import { readBundled, skipReason, startFixture, type Fixture } from './postgis-server';

const geodata = (n: string) => readFileSync(new URL(`../../../geodata/${n}.geojson`, import.meta.url), 'utf8');
const { zone, townships: tws } = zoneAndTownships(geodata('zone'), geodata('townships'));
const parcels = generateParcels({ count: 3000, seed: 7, zone, townships: tws });
const townships = readBundled('townships');
const controlLines = readBundled('control-lines');
const landuse = readBundled('landuse-current');
const villages = readBundled('villages');
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

async function get(url: string): Promise<{ status: number; body: Record<string, any> }> {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

describe.skipIf(!!skipReason)(`the analysis API over PostGIS${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture();
    await loadGeoJson(fx.admin, parcels as FeatureCollection, 'parcels');
    await loadGeoJson(fx.admin, controlLines, 'controls');
    await loadGeoJson(fx.admin, landuse, 'landuse');
    await fx.server.catalogue!.refresh();
  }, 120_000);
  afterAll(async () => fx?.stop());

  it('db:load keeps a generated geography column beside the geometry; the catalogue measures on it and does not publish it as a field', async () => {
    const p = fx.server.catalogue!.layers.get('parcels')!;
    expect(p.geographyColumn).toBe('geog');
    expect(p.fields.map((f) => f.name)).not.toContain('geog');
    const idx = await fx.admin.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'parcels' AND indexdef LIKE '%gist (geog)%'");
    expect(idx.rows).toHaveLength(1);
    const item = (await get(`${fx.url}/collections/parcels/items?limit=1`)).body['features'][0];
    expect(Object.keys(item.properties)).not.toContain('geog');
    // A table of someone else's with a geography column that is not generated from the geometry is cast instead.
    await fx.admin.query('CREATE TABLE other AS SELECT fid, geom, geom::geography AS geog FROM villages');
    await fx.server.catalogue!.refresh();
    expect(fx.server.catalogue!.layers.get('other')!.geographyColumn).toBeNull();
    await fx.admin.query('DROP TABLE other');
    await fx.server.catalogue!.refresh();
  });

  it('zone statistics per township equal the worker’s: the same parcels, areas within 1e-9, investment sums within 1e-9', async () => {
    const { status, body } = await get(`${fx.url}/analysis/parcels/zone-statistics?zones=townships&sum=investment_cny&label=name_zh`);
    expect(status).toBe(200);
    const zones = [...townships.features].sort((a, b) => String(a.properties!['id']).localeCompare(String(b.properties!['id'])));
    const index = buildFeatureIndex(parcels.features);
    const ours = bigZoneStats(parcels.features, index, zones.map((z) => z.geometry as Polygon | MultiPolygon));
    expect(body['rows'].map((r: any) => r.zone)).toEqual(zones.map((z) => z.properties!['id']));
    expect(body['rows'].map((r: any) => r.label)).toEqual(zones.map((z) => z.properties!['name_zh']));
    expect(body['rows'].map((r: any) => r.count)).toEqual(ours.ids.map((x) => x.length));
    expect(ours.ids.reduce((s, x) => s + x.length, 0)).toBeGreaterThan(2000);
    body['rows'].forEach((r: any, i: number) => {
      expect(rel(r.areaM2, ours.areaM2[i]!)).toBeLessThan(1e-9);
      expect(rel(r.sums.investment_cny, ours.investmentCny[i]!)).toBeLessThan(1e-9);
    });
  });

  it('the zone filter gives the ids the atlas’s zone filter gives, intersects and within', async () => {
    const index = buildFeatureIndex(parcels.features);
    for (const t of townships.features) {
      for (const predicate of ['intersects', 'within'] as const) {
        const { status, body } = await get(`${fx.url}/analysis/parcels/zone-filter?zones=townships&zone=${t.properties!['id']}&predicate=${predicate}`);
        expect(status).toBe(200);
        const want = filterByZone(index, t.geometry as Polygon, predicate).map((i) => parcels.features[i]!.properties.id).sort();
        expect(body['ids']).toEqual(want);
        expect(body['count']).toBe(want.length);
      }
    }
    expect((await get(`${fx.url}/analysis/parcels/zone-filter?zones=townships&zone=nowhere`)).status).toBe(404);
  });

  it('any zone travels as a CQL2 filter: the same ids, and tiles cut to them', async () => {
    const index = buildFeatureIndex(parcels.features);
    for (const t of townships.features) {
      for (const predicate of ['intersects', 'within'] as const) {
        const cql = encodeURIComponent(zoneFilterCql(t.geometry as Polygon, predicate));
        const { status, body } = await get(`${fx.url}/analysis/parcels/zone-filter?filter=${cql}`);
        expect(status).toBe(200);
        expect(body['ids']).toEqual(filterByZone(index, t.geometry as Polygon, predicate).map((i) => parcels.features[i]!.properties.id).sort());
      }
    }
    const t = townships.features[1]!;
    const want = new Set(filterByZone(index, t.geometry as Polygon, 'intersects').map((i) => parcels.features[i]!.properties.id));
    const tj = (await get(`${fx.url}/tiles/parcels.json`)).body;
    expect(tj['atlas']).toEqual({ collection: `${fx.url}/collections/parcels`, analysis: `${fx.url}/analysis/parcels`, id: { property: 'fid' }, count: 3000 });
    const r = await fetch(`${fx.url}/tiles/parcels/11/1668/810.mvt?filter=${encodeURIComponent(zoneFilterCql(t.geometry as Polygon, 'intersects'))}`);
    expect(r.status).toBe(200);
    const layer = new VectorTile(new PbfReader(new Uint8Array(await r.arrayBuffer()))).layers['parcels']!;
    const ids = Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties['fid']));
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((id) => want.has(id))).toBe(true);
    expect((await get(`${fx.url}/analysis/parcels/zone-filter?filter=nosuch%20%3D%201`)).body['error']).toMatch(/nosuch/);
    expect((await get(`${fx.url}/tiles/parcels/11/1668/810.mvt?zone=1`)).status).toBe(400);
  });

  it('the land-use balance by YDYHFLDM gives each class’s count and ellipsoidal area (within 1e-9 of the atlas’s)', async () => {
    const { body } = await get(`${fx.url}/analysis/landuse/balance?class=YDYHFLDM`);
    const want = new Map<string, { n: number; m2: number }>();
    for (const f of landuse.features) {
      const c = String(f.properties!['YDYHFLDM']);
      const w = want.get(c) ?? { n: 0, m2: 0 };
      w.n += 1;
      w.m2 += geodesicArea(f.geometry);
      want.set(c, w);
    }
    expect(body['rows'].map((r: any) => r.class)).toEqual([...want.keys()].sort());
    for (const r of body['rows']) {
      expect(r.count).toBe(want.get(r.class)!.n);
      expect(rel(r.areaM2, want.get(r.class)!.m2)).toBeLessThan(1e-9);
    }
    expect(rel(body['totalM2'], [...want.values()].reduce((s, w) => s + w.m2, 0))).toBeLessThan(1e-9);
  });

  it('the overlap with the control lines equals the compliance check’s farmland and red-line m² per parcel, paged', async () => {
    const controls = controlsFromLayers(controlLines, landuse);
    const ours = bigComplianceSync(parcels.features, buildFeatureIndex(parcels.features), controls, { slivers: 0 });
    const want = new Map<string, number>();
    parcels.features.forEach((f, i) => {
      if (ours.farmlandM2[i]! > 0) want.set(`${f.properties.id}|permanent_basic_farmland`, ours.farmlandM2[i]!);
      if (ours.redLineM2[i]! > 0) want.set(`${f.properties.id}|ecological_red_line`, ours.redLineM2[i]!);
    });
    const got = new Map<string, number>();
    let totals: any[] = [];
    for (let offset: number | undefined = 0; offset !== undefined; ) {
      const { status, body } = await get(`${fx.url}/analysis/parcels/overlap?controls=controls&kind=kind&limit=500&offset=${offset}`);
      expect(status).toBe(200);
      for (const r of body['rows']) got.set(`${r.id}|${r.kind}`, r.overlapM2);
      totals = body['totals'];
      offset = body['next'];
    }
    const checked = [...got].filter(([k]) => /farmland|red_line/.test(k));
    // Parcels that only touch a control meet it with no area; the atlas leaves them at 0.
    expect(checked.filter(([, m2]) => m2 > 0.01).map(([k]) => k).sort()).toEqual([...want].filter(([, m2]) => m2 > 0.01).map(([k]) => k).sort());
    expect(want.size).toBeGreaterThan(20);
    for (const [k, m2] of want) expect(Math.abs(got.get(k)! - m2) <= Math.max(0.01, 1e-6 * m2), k).toBe(true);
    const farm = totals.find((t) => t.kind === 'permanent_basic_farmland');
    expect(rel(farm.overlapM2, ours.totals.farmlandM2)).toBeLessThan(1e-6);
  });

  it('nearest and within a radius: the ids and distances the atlas’s proximity search gives, to the millimetre', async () => {
    const index = buildFeatureIndex(parcels.features);
    for (const p of [[113.24, 35.17], [113.3, 35.12], [112.9, 35.4]] as [number, number][]) {
      const { body } = await get(`${fx.url}/analysis/parcels/nearest?point=${p.join(',')}&n=12`);
      const want = nearestFeatures(index, p, 12);
      expect(body['rows'].map((r: any) => r.id)).toEqual(want.map((w) => parcels.features[w.index]!.properties.id));
      body['rows'].forEach((r: any, i: number) => expect(Math.abs(r.distanceM - want[i]!.distanceMeters)).toBeLessThan(1e-3));
      const radius = await get(`${fx.url}/analysis/parcels/within?point=${p.join(',')}&radius=800`);
      expect(radius.body['error']).toBeUndefined();
      const inR = withinRadius(index, p, 800);
      expect(radius.body['rows'].map((r: any) => r.id).sort()).toEqual(inR.map((w) => parcels.features[w.index]!.properties.id).sort());
      expect(radius.body['truncated']).toBe(false);
    }
    const v = villages.features[3] as Feature;
    const at = (v.geometry as Point).coordinates as [number, number];
    const { body } = await get(`${fx.url}/analysis/villages/nearest?point=${at.join(',')}&n=1`);
    expect(body['rows']).toEqual([{ id: v.properties!['id'], distanceM: 0 }]);
    const cut = await get(`${fx.url}/analysis/parcels/within?point=113.24,35.17&radius=5000&limit=5`);
    expect([cut.body['rows'].length, cut.body['truncated']]).toEqual([5, true]);
  });

  it('items sort by any field (sortby, OGC part 5), then by id, and page in that order', async () => {
    const want = [...parcels.features].sort((a, b) => b.properties.investment_cny - a.properties.investment_cny || a.properties.id.localeCompare(b.properties.id)).map((f) => f.properties.id);
    const first = (await get(`${fx.url}/collections/parcels/items?sortby=-investment_cny&limit=7`)).body;
    const next = (await get(`${fx.url}/collections/parcels/items?sortby=-investment_cny&limit=7&offset=7`)).body;
    expect([...first['features'], ...next['features']].map((f: any) => f.id)).toEqual(want.slice(0, 14));
    expect(first['links'].find((l: any) => l.rel === 'next').href).toContain('sortby=-investment_cny');
    const byName = (await get(`${fx.url}/collections/parcels/items?sortby=%2Bcategory,-fid&limit=3`)).body['features'].map((f: any) => f.id);
    const cat = [...parcels.features].sort((a, b) => a.properties.category.localeCompare(b.properties.category) || b.properties.id.localeCompare(a.properties.id)).map((f) => f.properties.id);
    expect(byName).toEqual(cat.slice(0, 3));
    const bad = await get(`${fx.url}/collections/parcels/items?sortby=geom`);
    expect([bad.status, bad.body['error']]).toEqual([400, expect.stringMatching(/sortby: "geom" is not a field/)]);
  });

  it('says what is wrong with a request, naming the parameter, and never reaches the database with it', async () => {
    const cases: [string, RegExp][] = [
      ['parcels/zone-statistics', /zones= is required/],
      ['parcels/zone-statistics?zones=villages', /villages is a point layer/],
      ['parcels/zone-statistics?zones=townships&sum=name_zh', /not a number field/],
      ['parcels/zone-statistics?zones=townships&sum=x%22;DROP', /is not a field of parcels/],
      ['parcels/zone-statistics?zones=townships&label=nosuch', /label=.*is not a field of townships/],
      ['parcels/balance?class=1;DROP%20TABLE%20parcels', /class=.*is not a field/],
      ['parcels/nearest?point=113,35,1', /two numbers/],
      ['parcels/nearest?point=200,35', /within -180..180/],
      ['parcels/nearest?point=113,35&n=0', /at least 1/],
      ['parcels/within?point=113,35&radius=-1', /radius must be metres/],
      ['parcels/nearest?point=113,35&radious=5', /unknown parameter "radious"/],
      ['parcels/frobnicate', /no analysis "frobnicate"/],
      ['nosuch/balance?class=a', /no layer named "nosuch"/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await get(`${fx.url}/analysis/${path}`);
      expect([path, status >= 400 && status < 500, body['error']]).toEqual([path, true, expect.stringMatching(message)]);
    }
    expect(Number((await fx.admin.query('SELECT count(*) AS n FROM parcels')).rows[0].n)).toBe(3000);
  });
});
