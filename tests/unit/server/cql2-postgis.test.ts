import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { loadGeoJson } from '../../../server/load';
import { readBundled, skipReason, startFixture, type Fixture } from './postgis-server';

const villages = readBundled('villages');
const townships = readBundled('townships');
const ids = (fs: Feature[]) => fs.map((f) => String(f.id)).sort();
const wkt = (g: Polygon) => `POLYGON(${g.coordinates.map((r) => `(${r.map(([x, y]) => `${x} ${y}`).join(', ')})`).join(', ')})`;
/** The villages with a number that differs between them, so ordering and BETWEEN really split the set. */
const ranked: FeatureCollection = { type: 'FeatureCollection', features: villages.features.map((f, i) => ({ ...f, properties: { ...f.properties, rank: i + 1, odd: i % 2 === 1 } })) };

type Page = FeatureCollection & { numberMatched: number; numberReturned: number; links: { rel: string; href: string }[] };

describe.skipIf(!!skipReason)(`CQL2 filters on the atlas server over PostGIS${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture();
    await loadGeoJson(fx.admin, ranked, 'ranked');
    await fx.server.catalogue!.refresh();
  }, 120_000);
  afterAll(async () => fx?.stop());

  async function get(layer: string, params: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await fetch(`${fx.url}/collections/${layer}/items?${new URLSearchParams({ limit: '1000', ...params })}`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  }

  async function matched(layer: string, params: Record<string, string>): Promise<string[]> {
    const { status, body } = await get(layer, params);
    expect(status, JSON.stringify(body)).toBe(200);
    const page = body as unknown as Page;
    expect(page.numberMatched).toBe(page.features.length);
    return ids(page.features);
  }

  it('S_INTERSECTS with a township, as WKT and as GeoJSON, gives the villages turf finds inside it', async () => {
    let some = 0;
    for (const t of townships.features) {
      const poly = t.geometry as Polygon;
      const want = ids(villages.features.filter((v) => booleanPointInPolygon((v.geometry as Point).coordinates, poly)));
      if (want.length > 0 && want.length < villages.features.length) some++;
      expect(await matched('villages', { filter: `S_INTERSECTS(geom, ${wkt(poly)})` }), String(t.id)).toEqual(want);
      const json = JSON.stringify({ op: 's_intersects', args: [{ property: 'geom' }, poly] });
      expect(await matched('villages', { filter: json, 'filter-lang': 'cql2-json' })).toEqual(want);
      const outside = ids(villages.features.filter((v) => !want.includes(String(v.id))));
      expect(await matched('villages', { filter: `S_DISJOINT(geom, ${wkt(poly)})` })).toEqual(outside);
      expect(await matched('villages', { filter: `S_WITHIN(geom, ${wkt(poly)})`, 'filter-crs': 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' })).toEqual(want);
    }
    expect(some).toBeGreaterThan(2);
  });

  it('S_INTERSECTS over a BBOX gives what the bbox parameter gives, and the two combine', async () => {
    const box = '113.15,35.08,113.3,35.2';
    const byParam = await matched('villages', { bbox: box });
    expect(byParam.length).toBeGreaterThan(3);
    expect(await matched('villages', { filter: `S_INTERSECTS(geom, BBOX(${box}))` })).toEqual(byParam);
    const tw = 'tw-sujiazuo';
    const want = ids(villages.features.filter((f) => byParam.includes(String(f.id)) && f.properties!['township_id'] === tw && f.properties!['standard'] === 'livable'));
    expect(await matched('villages', { bbox: box, township_id: tw, filter: "standard = 'livable'" })).toEqual(want);
  });

  it('compares, matches, ranges, lists and tests for null as filtering the bundled file does', async () => {
    const p = (f: Feature) => f.properties as Record<string, unknown>;
    const cases: [string, (f: Feature) => boolean][] = [
      ["name_zh = '苏家作村'", (f) => p(f)['name_zh'] === '苏家作村'],
      ["township_id IN ('tw-ningguo', 'tw-wenchang')", (f) => ['tw-ningguo', 'tw-wenchang'].includes(p(f)['township_id'] as string)],
      ["township_id NOT IN ('tw-ningguo')", (f) => p(f)['township_id'] !== 'tw-ningguo'],
      ["name_zh LIKE '%庄村'", (f) => (p(f)['name_zh'] as string).endsWith('庄村')],
      ["name_en NOT LIKE 'X_%'", (f) => !/^X./.test(p(f)['name_en'] as string)],
      ["name_en < 'M'", (f) => (p(f)['name_en'] as string) < 'M'],
      ['note_zh IS NULL', (f) => p(f)['note_zh'] == null],
      ['note_zh IS NOT NULL AND schematic = TRUE', (f) => p(f)['note_zh'] != null],
      ['target_year BETWEEN 2019 AND 2019', () => true],
      ['target_year > 2019', () => false],
      ["standard <> 'beautiful' AND NOT township_id = 'tw-yangmiao' OR name_zh = '高村'", (f) => (p(f)['standard'] !== 'beautiful' && p(f)['township_id'] !== 'tw-yangmiao') || p(f)['name_zh'] === '高村'],
    ];
    for (const [filter, keep] of cases) expect(await matched('villages', { filter }), filter).toEqual(ids(villages.features.filter(keep)));
    const r = (f: Feature) => p(f)['rank'] as number;
    const numeric: [string, (f: Feature) => boolean][] = [
      ['rank <= 7', (f) => r(f) <= 7],
      ['rank > 52.5', (f) => r(f) > 52.5],
      ['rank BETWEEN 10 AND 20 AND odd = FALSE', (f) => r(f) >= 10 && r(f) <= 20 && !p(f)['odd']],
      ['rank NOT BETWEEN 3 AND 58', (f) => r(f) < 3 || r(f) > 58],
      ['rank IN (1, 2, 60, 61)', (f) => [1, 2, 60].includes(r(f))],
      ['NOT (rank >= 5 OR odd = TRUE)', (f) => !(r(f) >= 5 || p(f)['odd'] === true)],
    ];
    for (const [filter, keep] of numeric) expect(await matched('ranked', { filter }), filter).toEqual(ids(ranked.features.filter(keep)));
  });

  it('counts all matches and pages through them with the filter kept in the links', async () => {
    const want = ids(villages.features.filter((f) => f.properties!['standard'] === 'livable'));
    const seen: string[] = [];
    let url: string | null = `${fx.url}/collections/villages/items?${new URLSearchParams({ filter: "standard = 'livable'", limit: '10' })}`;
    while (url) {
      const page = (await (await fetch(url)).json()) as Page;
      expect(page.numberMatched).toBe(want.length);
      seen.push(...page.features.map((f) => String(f.id)));
      url = page.links.find((l) => l.rel === 'next')?.href ?? null;
    }
    expect(seen.sort()).toEqual(want);
  });

  it('answers 400 with the reason for a filter it cannot take, and the tables stay', async () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ filter: "name_zh = 'x' garbage" }, /^CQL2 filter, character 15: expected AND, OR or the end of the filter but found "garbage"$/],
      [{ filter: "name_zh = 'x'; DROP TABLE villages" }, /character 14: unexpected character ";"/],
      [{ filter: "name_zh == 'x'" }, /character 10: expected a value after "="/],
      [{ filter: 'nosuch = 1' }, /unknown property "nosuch" of villages: its queryables are "id", "name_zh"/],
      [{ filter: 'name_zh > 5' }, /cannot compare property "name_zh" \(text\) with the number 5/],
      [{ filter: '' }, /expected a condition/],
      [{ filter: '{"op":"=","args":[{"property":"name_zh"}]}', 'filter-lang': 'cql2-json' }, /"=" takes 2 arguments, not 1/],
      [{ filter: "name_zh = 'x'", 'filter-lang': 'cql2-json' }, /not JSON/],
      [{ filter: "name_zh = 'x'", 'filter-lang': 'ecql' }, /only cql2-text and cql2-json/],
      [{ filter: "name_zh = 'x'", 'filter-crs': 'http://www.opengis.net/def/crs/EPSG/0/3857' }, /only filter-crs http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84/],
      [{ filter: `S_INTERSECTS(geom, POINT(113 95))` }, /95 is outside -90\.\.90/],
      [{ filter: `${'('.repeat(1000)}name_zh = 'x'${')'.repeat(1000)}` }, /nested more than 100 levels deep/],
    ];
    for (const [params, re] of bad) {
      const { status, body } = await get('villages', params);
      expect([status, body['code']], JSON.stringify(params)).toEqual([400, 400]);
      expect(body['error']).toMatch(re);
    }
    // Whether GEOS takes a bow-tie depends on its version and the operation; it is never a 500.
    const bow = 'POLYGON((113 35, 113.3 35.3, 113.3 35, 113 35.3, 113 35))';
    for (const filter of [`S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(113.2 35.1), ${bow}))`, `S_OVERLAPS(geom, ${bow})`]) {
      const { status, body } = await get('townships', { filter });
      expect(status === 200 || (status === 400 && /probably not valid/.test(String(body['error']))), `${status} ${JSON.stringify(body).slice(0, 200)}`).toBe(true);
    }
    const twice = await fetch(`${fx.url}/collections/villages/items?filter=${encodeURIComponent("name_zh = 'a'")}&filter=${encodeURIComponent('TRUE')}`);
    expect([twice.status, ((await twice.json()) as { error: string }).error]).toEqual([400, 'filter given more than once: give one (join conditions with AND)']);
    expect(await matched('villages', { filter: "name_zh = 'x''; DROP TABLE villages; --'" })).toEqual([]);
    expect(await matched('villages', { filter: `"name_zh" = '苏家作村' OR name_zh = ''' OR ''1''=''1'` })).toEqual(ids(villages.features.filter((f) => f.properties!['name_zh'] === '苏家作村')));
    const n = await fx.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM villages');
    expect(n.rows[0]!.n).toBe(60);
  });

  it('publishes queryables as JSON Schema, links them from the collection and says so in conformance', async () => {
    const r = await fetch(`${fx.url}/collections/villages/queryables`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const q = (await r.json()) as { $schema: string; $id: string; type: string; title: string; properties: Record<string, Record<string, unknown>> };
    expect(q).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${fx.url}/collections/villages/queryables`, type: 'object', title: 'villages' });
    expect(q.properties).toMatchObject({
      name_zh: { type: 'string' },
      township_id: { type: 'string' },
      target_year: { type: 'number' },
      schematic: { type: 'boolean' },
      geom: { format: 'geometry-point' },
    });
    expect(Object.keys(q.properties)).not.toContain('fid');
    expect(Object.keys(q.properties).sort()).toEqual(fx.server.catalogue!.layers.get('villages')!.fields.map((f) => f.name).filter((n) => n !== 'fid').sort());
    const t = (await (await fetch(`${fx.url}/collections/townships/queryables`)).json()) as typeof q;
    expect(t.properties['geom']).toMatchObject({ format: 'geometry-polygon' });
    expect((await fetch(`${fx.url}/collections/nosuch/queryables`)).status).toBe(404);
    const c = (await (await fetch(`${fx.url}/collections/villages`)).json()) as { links: { rel: string; href: string }[] };
    expect(c.links.find((l) => l.rel === 'http://www.opengis.net/def/rel/ogc/1.0/queryables')?.href).toBe(`${fx.url}/collections/villages/queryables`);
    const conf = (await (await fetch(`${fx.url}/conformance`)).json()) as { conformsTo: string[] };
    for (const k of ['ogcapi-features-3/1.0/conf/filter', 'ogcapi-features-3/1.0/conf/features-filter', 'cql2/1.0/conf/basic-cql2', 'cql2/1.0/conf/cql2-text', 'cql2/1.0/conf/cql2-json', 'cql2/1.0/conf/spatial-functions']) {
      expect(conf.conformsTo).toContain(`http://www.opengis.net/spec/${k}`);
    }
  });
});
