import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type AtlasServer } from '../../../server/app';
import { HELP, parseArgs } from '../../../server/main';
import { HELP as LOAD_HELP, parseArgs as parseLoadArgs } from '../../../server/db-load';
import { DEFAULTS } from '../../../server/respond';
import { mimeType, staticPath } from '../../../server/static';

function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string; cache: string }> {
  const u = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? ''), cache: String(res.headers['cache-control'] ?? '') }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the atlas server without a database', () => {
  let dir: string;
  let s: AtlasServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-site-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>atlas</title>');
    writeFileSync(join(dir, 'dist', 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'dist', 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'dist-secret.txt'), 'not to be served');
    writeFileSync(join(dir, 'secret.txt'), 'not to be served');
    s = await startServer({ ...DEFAULTS, port: 0, dist: join(dir, 'dist'), databaseUrl: null });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the built app with its MIME types and caching, and index.html for app routes', async () => {
    const html = await rawGet(s.url, '/');
    expect([html.status, html.type, html.cache]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    const js = await rawGet(s.url, '/assets/app-1234.js');
    expect([js.status, js.type, js.cache]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    expect((await rawGet(s.url, '/manifest.webmanifest')).type).toBe('application/manifest+json');
    const route = await rawGet(s.url, '/some/app/route');
    expect([route.status, route.body]).toEqual([200, '<!doctype html><title>atlas</title>']);
    const missing = await rawGet(s.url, '/missing.png');
    expect([missing.status, JSON.parse(missing.body).code]).toEqual([404, 404]);
    expect([mimeType('a.wasm'), mimeType('a.svg'), mimeType('a.unknown')]).toEqual(['application/wasm', 'image/svg+xml', 'application/octet-stream']);
  });

  it('refuses paths that could leave the site folder, however they are written', async () => {
    const paths = ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/assets/../../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/%5c..%5csecret.txt', '/.%2e/secret.txt', '//etc/passwd', '/%2f%2fetc/passwd', '/C:/Windows/win.ini', '/%00', '/index.html%00.js', '/%zz', '/./index.html', '/../dist-secret.txt'];
    for (const p of paths) {
      const r = await rawGet(s.url, p);
      expect([p, r.status]).toEqual([p, 400]);
      expect(r.body).not.toContain('not to be served');
      expect(JSON.parse(r.body)).toMatchObject({ code: 400, error: expect.any(String) });
    }
    const root = join(dir, 'dist');
    expect(staticPath(root, '/assets/app-1234.js')).toEqual({ file: join(root, 'assets', 'app-1234.js') });
    expect(staticPath(root, '/%E6%9D%91.html')).toEqual({ file: join(root, '村.html') });
    expect(staticPath(root, '/etc/passwd')).toEqual({ file: join(root, 'etc', 'passwd') });
  });

  it('says that layers need a database, and answers the OGC API landing page as JSON when asked', async () => {
    for (const p of ['/collections', '/tiles/villages.json', '/tiles/villages/0/0/0.mvt']) {
      const r = await rawGet(s.url, p);
      expect([p, r.status]).toEqual([p, 503]);
      expect(JSON.parse(r.body).error).toMatch(/DATABASE_URL/);
    }
    const land = await rawGet(s.url, '/?f=json');
    expect(JSON.parse(land.body).links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'conformance', 'data']);
    expect((await rawGet(s.url, '/', { accept: 'application/json' })).type).toMatch(/^application\/json/);
    expect((await rawGet(s.url, '/', { accept: 'text/html,application/json' })).type).toMatch(/^text\/html/);
    expect(JSON.parse((await rawGet(s.url, '/health')).body)).toEqual({ ok: true, database: 'not configured', layers: 0 });
  });

  it('answers 503 for layers while the database cannot be reached, and still serves the site', async () => {
    const err = console.error;
    console.error = () => undefined;
    const down = await startServer({ ...DEFAULTS, port: 0, dist: join(dir, 'dist'), databaseUrl: `postgresql://atlas@/atlas?host=${join(dir, 'no-socket-here')}` });
    try {
      for (const p of ['/collections', '/tiles/villages.json', '/tiles/villages/0/0/0.mvt', '/collections/villages/items']) {
        const r = await rawGet(down.url, p);
        expect([p, r.status]).toEqual([p, 503]);
        expect(JSON.parse(r.body).error).toMatch(/cannot be reached/);
      }
      expect((await rawGet(down.url, '/health')).status).toBe(503);
      expect((await rawGet(down.url, '/')).status).toBe(200);
    } finally {
      await down.close();
      console.error = err;
    }
  });

  it('takes its options from flags over the environment, and its help says everything', () => {
    const o = parseArgs(['--port', '0', '--dist', 'none', '--tile-feature-limit', '1000', '--public-url', 'https://atlas.example/gis'], { DATABASE_URL: 'postgresql:///atlas?host=/tmp/s', PORT: '9000' });
    expect(o).toMatchObject({ port: 0, dist: null, tileFeatureLimit: 1000, publicUrl: 'https://atlas.example/gis', databaseUrl: 'postgresql:///atlas?host=/tmp/s' });
    expect(parseArgs([], { PORT: '9000' })).toMatchObject({ port: 9000, databaseUrl: null });
    expect(parseArgs(['--help'], {})).toBe('help');
    for (const bad of [['--port', 'x'], ['--max-zoom', '30'], ['--nope', '1'], ['--port'], ['--public-url', 'ftp://x']]) expect(() => parseArgs(bad, {})).toThrow();
    for (const word of ['--port', '--host', '--dist', 'DATABASE_URL', 'host=/', '--tile-feature-limit', '--items-limit', '--statement-timeout', 'X-Tile-Truncated', '/collections/{layer}/items', 'geometry_columns']) expect(HELP).toContain(word);
  });

  it("db:load checks its table name and says which formats go through GDAL", () => {
    expect(parseLoadArgs(['geodata/villages.geojson'])).toEqual({ file: 'geodata/villages.geojson', files: ['geodata/villages.geojson'], table: 'villages', schema: 'public', replace: false, gcj02: false, crs: null });
    expect(parseLoadArgs(['geodata/villages.geojson', 'geodata/key-projects.geojson'])).toMatchObject({ files: ['geodata/villages.geojson', 'geodata/key-projects.geojson'] });
    expect(() => parseLoadArgs(['a.geojson', 'b.geojson', '--table', 'x'])).toThrow(/one file/);
    expect(parseLoadArgs(['h.shp', '--gcj02', '--crs', 'EPSG:4526'])).toMatchObject({ gcj02: true, crs: 'EPSG:4526' });
    expect(parseLoadArgs(['x.gpkg', '--table', 'parcels_2024', '--replace'])).toMatchObject({ table: 'parcels_2024', replace: true });
    for (const bad of [['x.geojson', '--table', 'a;drop table b'], ['x.geojson', '--table', '"x"'], ['x.geojson', '--schema', 'a b'], [], ['a', 'b', '--table', 't']]) expect(() => parseLoadArgs(bad)).toThrow();
    for (const word of ['ogr2ogr', '.geojson', 'GiST', 'DATABASE_URL', '--table', '--gcj02', 'GBK', '.gpkg']) expect(LOAD_HELP).toContain(word);
  });
});
