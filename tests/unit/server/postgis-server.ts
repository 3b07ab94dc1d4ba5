/**
 * A throw-away PostGIS (the bench's cluster: a temp folder, Unix socket only) loaded with the bundled
 * villages and townships by db:load's own function, and the atlas server on an ephemeral port in front of
 * it, serving a small site folder of its own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import pg from 'pg';
import { findPostgis, PostgisCluster } from '../../../scripts/bench/postgis';
import { startServer, type AtlasServer } from '../../../server/app';
import { loadGeoJson } from '../../../server/load';
import { DEFAULTS, type ServerOptions } from '../../../server/respond';

export const postgis = findPostgis();
/** Why the database tests do not run here, or null when they do. */
export const skipReason = 'missing' in postgis ? `PostGIS not found (${postgis.missing}): the server's database tests are skipped` : null;
if (skipReason) console.warn(skipReason);

export function readBundled(name: string): FeatureCollection {
  return JSON.parse(readFileSync(new URL(`../../../geodata/${name}.geojson`, import.meta.url), 'utf8')) as FeatureCollection;
}

export interface Fixture {
  cluster: PostgisCluster;
  server: AtlasServer;
  /** A client of its own, with write rights, to look at the database behind the server's back. */
  admin: pg.Client;
  site: string;
  url: string;
  stop(): Promise<void>;
}

export async function startFixture(overrides: Partial<ServerOptions> = {}): Promise<Fixture> {
  if ('missing' in postgis) throw new Error(postgis.missing);
  const cluster = PostgisCluster.start(postgis);
  const site = mkdtempSync(join(tmpdir(), 'atlas-site-'));
  try {
    const databaseUrl = `postgresql://bench@/postgres?host=${cluster.dir}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await loadGeoJson(admin, readBundled('villages'), 'villages');
    await loadGeoJson(admin, readBundled('townships'), 'townships');
    mkdirSync(join(site, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(site, 'dist', 'index.html'), '<!doctype html><title>atlas</title>');
    writeFileSync(join(site, 'dist', 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(site, 'secret.txt'), 'not to be served');
    const server = await startServer({ ...DEFAULTS, port: 0, host: '127.0.0.1', dist: join(site, 'dist'), databaseUrl, ...overrides });
    return {
      cluster,
      server,
      admin,
      site,
      url: server.url,
      async stop() {
        await server.close();
        await admin.end();
        cluster.stop();
        rmSync(site, { recursive: true, force: true });
      },
    };
  } catch (e) {
    cluster.stop();
    rmSync(site, { recursive: true, force: true });
    throw e;
  }
}

/** Longitude/latitude bounds of an XYZ tile, from the Web Mercator formulas (not from the database). */
export function tileBounds(z: number, x: number, y: number): { w: number; s: number; e: number; n: number } {
  const n = 2 ** z;
  const lat = (t: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * t) / n))) * 180) / Math.PI;
  return { w: (x / n) * 360 - 180, e: ((x + 1) / n) * 360 - 180, n: lat(y), s: lat(y + 1) };
}

export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}
