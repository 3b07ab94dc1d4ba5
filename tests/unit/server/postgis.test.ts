import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { parseTileJson } from '../../../src/services/vector-tiles';
import { readCollections, readItems } from '../../../src/services/ogc-features';
import { allowServiceOrigins } from '../../../src/services/request-guard';
import { readOnlyPool } from '../../../server/app';
import { loadGeoJson } from '../../../server/load';
import { databaseError, DEFAULTS } from '../../../server/respond';
import { readBundled, skipReason, startFixture, tileBounds, tileOf, type Fixture } from './postgis-server';

const villages = readBundled('villages');
const townships = readBundled('townships');
const lonLat = (f: Feature) => (f.geometry as Point).coordinates as [number, number];

async function json(url: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, headers: r.headers };
}

describe.skipIf(!!skipReason)(`the atlas server over PostGIS${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture();
  }, 120_000);
  afterAll(async () => fx?.stop());

  it('publishes both bundled layers with their fields, SRID, kind, estimate and extent', () => {
    const v = fx.server.catalogue!.layers.get('villages')!;
    const t = fx.server.catalogue!.layers.get('townships')!;
    expect([...fx.server.catalogue!.layers.keys()].sort()).toEqual(['townships', 'villages']);
    expect(v).toMatchObject({ srid: 4326, geometryType: 'POINT', geometryColumn: 'geom', idColumn: 'fid', idType: 'text', estimatedCount: 60 });
    expect(t).toMatchObject({ srid: 4326, geometryType: 'POLYGON', idColumn: 'fid', estimatedCount: 5 });
    const fields = Object.fromEntries(v.fields.map((f) => [f.name, f.type]));
    expect(fields).toMatchObject({ name_zh: 'text', schematic: 'bool', target_year: 'float8', programmes: 'jsonb', township_id: 'text' });
    const xs = villages.features.map((f) => lonLat(f)[0]);
    const ys = villages.features.map((f) => lonLat(f)[1]);
    const [w, s, e, n] = v.bounds!;
    expect([w <= Math.min(...xs), s <= Math.min(...ys), e >= Math.max(...xs), n >= Math.max(...ys)]).toEqual([true, true, true, true]);
    expect(Math.max(Math.min(...xs) - w, Math.min(...ys) - s, e - Math.max(...xs), n - Math.max(...ys))).toBeLessThan(1e-3);
  });

  it("answers a TileJSON that the atlas's own reader takes as a point layer with the table's fields", async () => {
    const r = await fetch(`${fx.url}/tiles/villages.json`);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const set = parseTileJson(await r.text(), `${fx.url}/tiles/villages.json`);
    if ('problem' in set) throw new Error(set.problem);
    expect(set.tiles).toEqual([`${fx.url}/tiles/villages/{z}/{x}/{y}.mvt`]);
    expect(set.layers).toHaveLength(1);
    expect(set.layers[0]).toMatchObject({ id: 'villages', geometry: 'point' });
    expect(set.layers[0]!.fields).toEqual(expect.arrayContaining(['fid', 'name_zh', 'township_id', 'target_year']));
    expect(set.bounds).toBeDefined();
    const t = parseTileJson(await (await fetch(`${fx.url}/tiles/townships.json`)).text(), `${fx.url}/tiles/townships.json`);
    expect('problem' in t ? t : t.layers[0]!.geometry).toBe('polygon');
  });

  it('cuts a zoom-12 tile over the district that decodes to exactly the villages inside it', async () => {
    // The tile holding the most villages, found without the database.
    const counts = new Map<string, number>();
    for (const f of villages.features) {
      const k = tileOf(...lonLat(f), 12).join('/');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const [key] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const [x, y] = key.split('/').map(Number) as [number, number];
    const b = tileBounds(12, x, y);
    const inside = villages.features.filter((f) => {
      const [lon, lat] = lonLat(f);
      return lon >= b.w && lon < b.e && lat > b.s && lat <= b.n;
    });
    expect(inside.length).toBeGreaterThan(0);
    const r = await fetch(`${fx.url}/tiles/villages/12/${x}/${y}.mvt`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(r.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(r.headers.get('x-tile-truncated')).toBeNull();
    const tile = new VectorTile(new PbfReader(new Uint8Array(await r.arrayBuffer())));
    const layer = tile.layers['villages']!;
    const decoded: { id: string; x: number; y: number; name: unknown }[] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const p = f.loadGeometry()[0]![0]!;
      decoded.push({ id: String(f.properties['fid']), x: p.x, y: p.y, name: f.properties['name_zh'] });
    }
    // Features in the buffer (64 of 4096 beyond the edge) belong to the neighbours and are left out here.
    const inTile = decoded.filter((d) => d.x >= 0 && d.x < layer.extent && d.y >= 0 && d.y < layer.extent);
    expect(inTile.map((d) => d.id).sort()).toEqual(inside.map((f) => String(f.id)).sort());
    for (const d of decoded) expect(Math.max(-d.x, -d.y, d.x - layer.extent, d.y - layer.extent)).toBeLessThanOrEqual(64);
    const one = inside[0]!;
    expect(inTile.find((d) => d.id === one.id)!.name).toBe(one.properties!['name_zh']);
  });

  it('answers 204 for a tile with nothing in it', async () => {
    const r = await fetch(`${fx.url}/tiles/villages/12/0/0.mvt`);
    expect(r.status).toBe(204);
  });

  it('gives for a bbox the ids that filtering the bundled file by it gives, with numberMatched', async () => {
    const [w, s, e, n] = [113.15, 35.08, 113.3, 35.2];
    const want = villages.features
      .filter((f) => {
        const [lon, lat] = lonLat(f);
        return lon >= w && lon <= e && lat >= s && lat <= n;
      })
      .map((f) => String(f.id))
      .sort();
    expect(want.length).toBeGreaterThan(3);
    expect(want.length).toBeLessThan(villages.features.length);
    const { status, body, headers } = await json(`${fx.url}/collections/villages/items?bbox=${w},${s},${e},${n}&limit=1000`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const fc = body as unknown as FeatureCollection & { numberMatched: number; numberReturned: number };
    expect(fc.features.map((f) => String(f.id)).sort()).toEqual(want);
    expect(fc.numberMatched).toBe(want.length);
    expect(fc.numberReturned).toBe(want.length);
    const byId = new Map(villages.features.map((f) => [String(f.id), f]));
    for (const f of fc.features) {
      expect(f.geometry).toEqual(byId.get(String(f.id))!.geometry);
      // A column the feature had no property for comes back as null: the table has one set of columns.
      const own = byId.get(String(f.id))!.properties!;
      expect(f.properties).toEqual({ ...Object.fromEntries(Object.keys(f.properties!).map((k) => [k, null])), ...own });
    }
  });

  it('pages with limit and offset through every id once, following next links', async () => {
    const seen: string[] = [];
    let url: string | null = `${fx.url}/collections/villages/items?limit=7`;
    let pages = 0;
    while (url) {
      const { body } = await json(url);
      const fc = body as unknown as FeatureCollection & { numberMatched: number; links: { rel: string; href: string }[] };
      expect(fc.numberMatched).toBe(villages.features.length);
      seen.push(...fc.features.map((f) => String(f.id)));
      url = fc.links.find((l) => l.rel === 'next')?.href ?? null;
      pages++;
    }
    expect(pages).toBe(Math.ceil(villages.features.length / 7));
    expect(seen.sort()).toEqual(villages.features.map((f) => String(f.id)).sort());
    const last = await json(`${fx.url}/collections/villages/items?limit=7&offset=56`);
    expect(last.body['numberReturned']).toBe(4);
  });

  it('filters items by a field of the layer, compared as text', async () => {
    const tw = String(villages.features[0]!.properties!['township_id']);
    const { body } = await json(`${fx.url}/collections/villages/items?township_id=${encodeURIComponent(tw)}&limit=1000`);
    const want = villages.features.filter((f) => f.properties!['township_id'] === tw).map((f) => String(f.id));
    expect((body as unknown as FeatureCollection).features.map((f) => String(f.id)).sort()).toEqual(want.sort());
  });

  it('answers one item by id, and 404 for an id it does not hold', async () => {
    const t = townships.features[1]!;
    const { status, body } = await json(`${fx.url}/collections/townships/items/${encodeURIComponent(String(t.id))}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 'Feature', id: t.id, geometry: t.geometry, properties: t.properties });
    expect((body['links'] as { rel: string }[]).map((l) => l.rel)).toEqual(['self', 'collection']);
    expect((await fetch(`${fx.url}/collections/townships/items/nope`)).status).toBe(404);
  });

  it("is read by the atlas's own OGC API client, as the Add from service form does", async () => {
    allowServiceOrigins([fx.url]);
    const c = await readCollections(fx.url);
    if (!c.ok) throw new Error(JSON.stringify(c.problem));
    expect(c.collections.map((x) => x.id)).toEqual(['townships', 'villages']);
    expect(c.collections[1]!.bbox).toHaveLength(4);
    const r = await readItems(c.base, 'villages', undefined, 25);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.features.map((f) => String(f.id)).sort()).toEqual(villages.features.map((f) => String(f.id)).sort());
    const one = await json(`${fx.url}/collections/villages`);
    expect((one.body['links'] as { rel: string }[]).map((l) => l.rel)).toEqual(expect.arrayContaining(['self', 'items']));
  });

  it('carries integer keys as the MVT feature id and finds items by them; a table loaded later is published once the catalogue is read again', async () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: villages.features.slice(0, 5).map((f, i) => ({ ...f, id: 100 + i })) };
    await loadGeoJson(fx.admin, fc, 'numbered');
    // Unknown names re-read the catalogue at most every 10 s; SIGHUP does what this does.
    expect((await fetch(`${fx.url}/tiles/numbered.json`)).status).toBe(404);
    await fx.server.catalogue!.refresh();
    const tj = parseTileJson(await (await fetch(`${fx.url}/tiles/numbered.json`)).text(), `${fx.url}/tiles/numbered.json`);
    if ('problem' in tj) throw new Error(tj.problem);
    expect(tj.layers[0]!.fields).not.toContain('fid');
    const [x, y] = tileOf(...lonLat(fc.features[0]!), 10);
    const tile = new VectorTile(new PbfReader(new Uint8Array(await (await fetch(`${fx.url}/tiles/numbered/10/${x}/${y}.mvt`)).arrayBuffer())));
    const ids = Array.from({ length: tile.layers['numbered']!.length }, (_, i) => tile.layers['numbered']!.feature(i).id);
    expect(ids).toContain(100);
    const one = await json(`${fx.url}/collections/numbered/items/102`);
    expect([one.status, one.body['id'], (one.body['properties'] as Record<string, unknown>)['name_zh']]).toEqual([200, 102, fc.features[2]!.properties!['name_zh']]);
    expect((await fetch(`${fx.url}/collections/numbered/items/abc`)).status).toBe(404);
    await fx.admin.query('DROP TABLE numbered');
  });

  it('keeps its connections read-only and time-limited', async () => {
    const c = await fx.server.pool!.connect();
    try {
      const r = await c.query<{ ro: string; st: string }>("SELECT current_setting('default_transaction_read_only') AS ro, current_setting('statement_timeout') AS st");
      expect(r.rows[0]).toEqual({ ro: 'on', st: '10s' });
      await expect(c.query('CREATE TABLE t_write_probe (a int)')).rejects.toThrow(/read-only/);
    } finally {
      c.release();
    }
    const slow = readOnlyPool(fx.server.pool!.options.connectionString!, { statementTimeoutMs: 200, poolSize: 1 });
    try {
      const e = await slow.query('SELECT pg_sleep(2)').then(() => null, (x: unknown) => x);
      expect(databaseError(e, { ...DEFAULTS, statementTimeoutMs: 200 })).toMatchObject({ status: 503, message: expect.stringContaining('200 ms') });
    } finally {
      await slow.end();
    }
  });
});
