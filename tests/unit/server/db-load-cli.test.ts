// `npm run db:load` as a bureau runs it, on the real files planners exchange: a GBK Shapefile without .cpg
// or .prj goes in with its Chinese names intact (GDAL would read it as Latin-1 and refuse it without a CRS),
// an AMap Shapefile can be converted from GCJ-02, and GDAL formats go through ogr2ogr.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { skipReason, startFixture, type Fixture } from './postgis-server';

const shared = (p: string) => fileURLToPath(new URL(`../../../../shared/samples/${p}`, import.meta.url));
const GBK = shared('realworld/ngcc-bou2-4p-gbk-polygons-shp/bou2_4p.shp');
const AMAP = shared('realworld/henan-cities-amap-noprj-shp/河南省.shp');
const missing = !existsSync(GBK) || !existsSync(AMAP) ? 'the shared real-world samples are not beside the project' : null;

function load(url: string, args: string[]): { status: number | null; out: string; err: string } {
  const r = spawnSync('npx', ['tsx', 'server/db-load.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url }, cwd: fileURLToPath(new URL('../../..', import.meta.url)) });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!!skipReason || !!missing)(`db:load of real-world files${skipReason || missing ? ` (skipped: ${skipReason ?? missing})` : ''}`, () => {
  let fx: Fixture;
  let url: string;
  beforeAll(async () => {
    fx = await startFixture();
    url = `postgresql://bench@/postgres?host=${fx.cluster.dir}`;
  }, 120_000);
  afterAll(async () => fx?.stop());

  it('loads a GBK Shapefile without .cpg or .prj with its Chinese names, and says what it detected', async () => {
    const r = load(url, [GBK, '--table', 'provinces']);
    expect(r.status, r.err).toBe(0);
    expect(r.err).toContain('GBK');
    expect(r.out).toMatch(/loaded 925 features \((Multi)?Polygon\)/);
    const names = (await fx.admin.query<{ n: string }>('SELECT DISTINCT "NAME" AS n FROM provinces')).rows.map((x) => x.n);
    expect(names).toEqual(expect.arrayContaining(['河南省', '黑龙江省', '新疆维吾尔自治区']));
    const geog = await fx.admin.query<{ n: number }>("SELECT count(*)::int AS n FROM provinces WHERE geog IS NOT NULL AND \"NAME\" = '河南省'");
    expect(geog.rows[0]!.n).toBeGreaterThan(0);
    // Loading again without --replace is refused with what to do.
    const again = load(url, [GBK, '--table', 'provinces']);
    expect([again.status === 0, again.err]).toEqual([false, expect.stringContaining('--replace')]);
  }, 120_000);

  it('converts an AMap Shapefile from GCJ-02 when told, about 500 m from where it lands as WGS 84', async () => {
    expect(load(url, [AMAP, '--table', 'henan_raw']).err).toContain('--gcj02');
    expect(load(url, [AMAP, '--table', 'henan_wgs84', '--gcj02']).status).toBe(0);
    const d = await fx.admin.query<{ m: number }>(
      "SELECT ST_Distance(ST_Centroid(a.geom)::geography, ST_Centroid(b.geom)::geography) AS m FROM henan_raw a JOIN henan_wgs84 b ON a.adcode = b.adcode WHERE a.adcode = '410882'",
    );
    expect(d.rows[0]!.m).toBeGreaterThan(300);
    expect(d.rows[0]!.m).toBeLessThan(900);
  }, 120_000);

  it('loads the bundled district layers in one go, each table named after its file, for a full server deployment', async () => {
    const root = fileURLToPath(new URL('../../../geodata/', import.meta.url));
    const files = ['key-projects', 'landuse-planned', 'rivers'].map((n) => `${root}${n}.geojson`);
    const r = load(url, files);
    expect(r.status, r.err).toBe(0);
    const n = await fx.admin.query<{ t: string; n: number }>("SELECT 'key_projects' AS t, count(*)::int AS n FROM key_projects UNION ALL SELECT 'landuse_planned', count(*)::int FROM landuse_planned");
    expect(n.rows).toEqual([{ t: 'key_projects', n: 14 }, { t: 'landuse_planned', n: 58 }]);
    await fx.server.catalogue!.refresh();
    expect([...fx.server.catalogue!.layers.keys()]).toEqual(expect.arrayContaining(['key_projects', 'landuse_planned', 'rivers']));
  }, 120_000);
});
