import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { skipReason, startFixture, type Fixture } from './postgis-server';

/** A GET with the path sent exactly as written (fetch would resolve `..` and re-encode before sending). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe.skipIf(!!skipReason)(`the atlas server under hostile requests${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fx: Fixture;
  // A small tile limit so the whole-world tile at zoom 0 shows how an over-full tile is answered.
  beforeAll(async () => {
    fx = await startFixture({ tileFeatureLimit: 10, itemsMaxLimit: 25 });
  }, 120_000);
  afterAll(async () => fx?.stop());

  async function intact(): Promise<void> {
    const t = await fx.admin.query<{ n: string }>("SELECT string_agg(tablename, ',' ORDER BY tablename) AS n FROM pg_tables WHERE schemaname = 'public'");
    const v = await fx.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM villages');
    const w = await fx.admin.query<{ n: number }>('SELECT count(*)::int AS n FROM townships');
    expect([t.rows[0]!.n, v.rows[0]!.n, w.rows[0]!.n]).toEqual(['spatial_ref_sys,townships,villages', 60, 5]);
  }

  it('answers 404 with a JSON message for SQL or quotes in a layer name, and the tables stay', async () => {
    const names = ['villages;drop table villages', '"villages"', "villages'--", 'villages"; DROP TABLE townships; --', 'public.villages', 'pg_class', 'VILLAGES'];
    for (const name of names) {
      const enc = encodeURIComponent(name);
      for (const path of [`/tiles/${enc}.json`, `/tiles/${enc}/12/3380/1625.mvt`, `/collections/${enc}`, `/collections/${enc}/items?limit=5`, `/collections/${enc}/items/vl-001`]) {
        const r = await rawGet(fx.url, path);
        expect([path, r.status]).toEqual([path, 404]);
        expect(r.headers['content-type']).toMatch(/^application\/json/);
        expect(JSON.parse(r.body)).toMatchObject({ code: 404, error: expect.stringContaining('no layer') });
      }
    }
    await intact();
  });

  it('refuses unknown fields and SQL as field names; SQL as a value or an id matches nothing', async () => {
    for (const q of ['nosuch=1', 'geom=1', 'fid=vl-001', `${encodeURIComponent('name_zh" = name_zh OR "a')}=1`, `${encodeURIComponent('1=1;drop table villages')}=x`]) {
      const r = await rawGet(fx.url, `/collections/villages/items?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
      expect(JSON.parse(r.body).error).toMatch(/unknown parameter/);
    }
    const v = await rawGet(fx.url, `/collections/villages/items?name_zh=${encodeURIComponent("' OR '1'='1")}`);
    expect(v.status).toBe(200);
    expect(JSON.parse(v.body)).toMatchObject({ numberMatched: 0, features: [] });
    const id = await rawGet(fx.url, `/collections/villages/items/${encodeURIComponent("vl-001' OR '1'='1")}`);
    expect(id.status).toBe(404);
    await intact();
  });

  it('answers 400 for tile addresses off the grid', async () => {
    for (const [z, x, y] of [['99', '0', '0'], ['23', '0', '0'], ['-1', '0', '0'], ['1.5', '0', '0'], ['2', '4', '0'], ['2', '0', '4'], ['12', '-3', '7'], ['3', 'NaN', '1'], ['1e1', '0', '0'], ['0', '0x0', '0'], ['12', '99999999999999999999', '0']]) {
      const r = await rawGet(fx.url, `/tiles/villages/${z}/${x}/${y}.mvt`);
      expect([z, x, y, r.status]).toEqual([z, x, y, 400]);
      expect(JSON.parse(r.body).error).toMatch(/zoom|x and y/);
    }
  });

  it('refuses limits and offsets that are not whole numbers, and caps a large limit', async () => {
    for (const q of ['limit=-1', 'limit=NaN', 'limit=0', 'limit=1e3', 'limit=', 'limit=5.5', 'offset=-5', 'offset=abc', 'limit=%201']) {
      const r = await rawGet(fx.url, `/collections/villages/items?${q}`);
      expect([q, r.status]).toEqual([q, 400]);
    }
    const big = JSON.parse((await rawGet(fx.url, '/collections/villages/items?limit=99999999')).body) as { numberReturned: number; links: { rel: string; href: string }[] };
    expect(big.numberReturned).toBe(25);
    expect(new URL(big.links.find((l) => l.rel === 'next')!.href).searchParams.get('limit')).toBe('25');
  });

  it('refuses malformed bboxes and answers the whole world bounded', async () => {
    for (const b of ['abc', '1,2,3', '1,2,3,4,5,6', '0,0,NaN,1', '-181,0,0,1', '10,0,5,1', '0,10,1,5', 'Infinity,0,1,1']) {
      const r = await rawGet(fx.url, `/collections/villages/items?bbox=${b}`);
      expect([b, r.status]).toEqual([b, 400]);
    }
    const world = JSON.parse((await rawGet(fx.url, '/collections/villages/items?bbox=-180,-90,180,90&limit=1000')).body) as { numberMatched: number; numberReturned: number };
    expect(world).toMatchObject({ numberMatched: 60, numberReturned: 25 });
    const t = await fetch(`${fx.url}/tiles/townships/0/0/0.mvt`);
    expect(t.status).toBe(200);
    expect(t.headers.get('x-tile-truncated')).toBeNull();
  });

  it('answers the zoom-0 tile over more features than the limit with the limit, and says so', async () => {
    const r = await fetch(`${fx.url}/tiles/villages/0/0/0.mvt`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-tile-truncated')).toBe('true');
    expect(r.headers.get('x-tile-feature-limit')).toBe('10');
    const { VectorTile } = await import('@mapbox/vector-tile');
    const { PbfReader } = await import('pbf');
    const tile = new VectorTile(new PbfReader(new Uint8Array(await r.arrayBuffer())));
    expect(tile.layers['villages']!.length).toBe(10);
  });

  it('does not let a request write: only GET, HEAD and OPTIONS are served', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const r = await fetch(`${fx.url}/collections/villages/items`, { method, body: method === 'DELETE' ? null : '{}' });
      expect([method, r.status]).toEqual([method, 405]);
    }
    const pre = await fetch(`${fx.url}/tiles/villages.json`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/GET/);
    await intact();
  });

  it('keeps site files outside the dist folder out of reach, with the database behind it', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2E%2E/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const r = await rawGet(fx.url, p);
      expect([p, r.status]).toEqual([p, 400]);
      expect(r.body).not.toContain('not to be served');
    }
    await intact();
  });

  it('says which layers and what database state /health sees', async () => {
    const r = await fetch(`${fx.url}/health`);
    expect(await r.json()).toEqual({ ok: true, database: 'up', layers: 2 });
  });
});
