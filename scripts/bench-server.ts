/**
 * `npm run bench:server [-- --count 2000000 --clients 16 --seconds 10]`: the atlas server over PostGIS
 * against the same SQL run straight in the database, side by side in one run. Parcels generated as for
 * `npm run bench` go into a throw-away cluster (COPY, GiST on geometry and geography); the server runs as
 * its own process; vector tiles at zoom 14 over the densest area under `--clients` concurrent clients
 * (autocannon) against the same tile statements under as many pgbench clients; the zone filter and zone
 * statistics over HTTP against the same statement in psql; then tiles per second as clients are added
 * (1, 2, 4 …), until p95 passes 500 ms. Results: bench-results/server-<count>.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { generateParcels, zoneAndTownships } from './bench/parcels';
import { findPostgis, PostgisCluster, SERVER_SETTINGS } from './bench/postgis';
import { machineInfo } from './bench/machine';
import { httpLoad, percentile, pgbenchLoad, startServerProcess, timePsql, timeRequests, loadParcelTable, type Latencies } from './bench/server-load';
import { readCatalogue } from '../server/catalogue';
import { loadGeoJson } from '../server/load';
import { sqlString, tileQuery, type Query } from '../server/sql';
import { zoneFilterQuery, zoneStatsQuery, numericField } from '../server/analysis-sql';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} needs a whole number`);
  return v;
}
const count = arg('count', 2_000_000);
const clients = arg('clients', 16);
const seconds = arg('seconds', 10);
const runs = arg('runs', 7);

/** A statement with its parameters written in as literals (pgbench and psql take no `$n` values here). */
function inline(q: Query): string {
  return q.text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = q.values[Number(n) - 1];
    return typeof v === 'number' ? String(v) : v === null ? 'NULL' : sqlString(String(v));
  });
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

async function main(): Promise<void> {
  const bins = findPostgis();
  if ('missing' in bins) {
    console.log(`bench:server skipped: ${bins.missing}`);
    return;
  }
  const root = join(import.meta.dirname, '..');
  const geo = (n: string) => readFileSync(join(root, 'geodata', `${n}.geojson`), 'utf8');
  const machine = machineInfo();
  console.log(`bench:server: ${count} parcels, ${clients} clients, ${seconds} s a load, on ${machine.cores} cores (${machine.cpu})`);
  let t0 = performance.now();
  const { zone, townships } = zoneAndTownships(geo('zone'), geo('townships'));
  const fc = generateParcels({ count, seed: 42, zone, townships });
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The densest zoom-14 tiles, by where the parcels' first vertices lie.
  const perTile = new Map<string, number>();
  for (const f of fc.features) {
    const [lon, lat] = f.geometry.coordinates[0]![0]!;
    const k = tileOf(lon!, lat!, 14).join('/');
    perTile.set(k, (perTile.get(k) ?? 0) + 1);
  }
  const tiles = [...perTile].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([k]) => k.split('/').map(Number) as [number, number]);
  const cluster = PostgisCluster.start(bins);
  const server: { stop?: () => void } = {};
  try {
    const loadS = loadParcelTable(cluster, fc);
    fc.features.length = 0;
    const databaseUrl = `postgresql://bench@/postgres?host=${cluster.dir}`;
    const admin = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    const client = await admin.connect();
    await loadGeoJson(client, JSON.parse(geo('townships')), 'townships');
    client.release();
    const layers = await readCatalogue(admin, 'public');
    await admin.end();
    const parcels = layers.get('parcels')!;
    const zonesLayer = layers.get('townships')!;
    console.log(`  loaded into PostGIS (${cluster.postgisVersion}) in ${loadS.toFixed(1)} s`);
    const s = await startServerProcess(databaseUrl, ['--rate-limit', '0', '--pool-size', String(clients), '--statement-timeout', '120000', '--max-waiting', '100000']);
    server.stop = s.stop;

    // Vector tiles: the same 16 tiles, the same statement, as many clients.
    const statements = tiles.map(([x, y]) => inline(tileQuery(parcels, 14, x, y, 50_000)));
    const paths = tiles.map(([x, y]) => `/tiles/parcels/14/${x}/${y}.mvt`);
    const check = await fetch(`${s.url}${paths[0]}`);
    const httpBytes = (await check.arrayBuffer()).byteLength;
    const cut = check.headers.get('x-tile-truncated') === 'true';
    const [sqlBytes, sqlN] = cluster.column(`SELECT length(mvt) || ',' || n FROM (${statements[0]}) q`)[0]!.split(',').map(Number) as [number, number];
    await httpLoad(s.url, paths, clients, 2); // warm-up
    const bare = pgbenchLoad(bins, cluster, statements, clients, seconds);
    const http = await httpLoad(s.url, paths, clients, seconds);

    // Zone filter and zone statistics: HTTP against psql, the same statement.
    const biggest = cluster.column('SELECT t.fid FROM townships t JOIN parcels p ON ST_Intersects(p.geom, t.geom) GROUP BY t.fid ORDER BY count(*) DESC LIMIT 1')[0]!;
    const zf = zoneFilterQuery(parcels, zonesLayer, 'intersects');
    zf.values[0] = biggest;
    const zfHttp = await timeRequests(`${s.url}/analysis/parcels/zone-filter?zones=townships&zone=${biggest}`, runs);
    const zfSql = timePsql(cluster, inline(zf), runs);
    const zfCount = Number(cluster.column(`SELECT count(*) FROM (${inline(zf)}) q`)[0]);
    const zs = zoneStatsQuery(parcels, zonesLayer, [numericField(parcels, 'investment_cny')], null);
    const zsHttp = await timeRequests(`${s.url}/analysis/parcels/zone-statistics?zones=townships&sum=investment_cny`, runs);
    const zsSql = timePsql(cluster, inline(zs), runs);
    const zsCounts = cluster.column(`SELECT n FROM (${inline(zs)}) q ORDER BY zone`).map(Number);

    // Throughput: clients added until p95 passes 500 ms.
    const ramp: { clients: number; load: Latencies }[] = [];
    for (const c of [1, 2, 4, 8, 16, 32, 64, 128]) {
      const load = await httpLoad(s.url, paths, c, Math.max(3, Math.round(seconds / 2)));
      ramp.push({ clients: c, load });
      if (load.p95 > 500) break;
    }
    const rows = [
      { measure: `vector tile z14, densest 16 tiles, ${clients} clients: p50`, ours: http.p50, baseline: bare.p50, goal: null },
      { measure: `vector tile z14, densest 16 tiles, ${clients} clients: p95`, ours: http.p95, baseline: bare.p95, goal: 1.3 },
      { measure: `zone filter: ids of the ${zfCount} parcels meeting ${biggest}`, ours: median(zfHttp.ms), baseline: median(zfSql), goal: 1.2 },
      { measure: `zone statistics: ${zsCounts.length} townships, count, area, investment`, ours: median(zsHttp.ms), baseline: median(zsSql), goal: 1.2 },
    ];
    const zfBody = JSON.parse(zfHttp.body) as { count: number };
    const zsBody = JSON.parse(zsHttp.body) as { rows: { count: number }[] };
    const checks = [
      // A tile cut at the feature limit holds whichever features the scan gave first: not the same bytes twice.
      cut
        ? { text: `densest tile cut at the 50 000-feature limit over HTTP and in psql (${sqlN} read); ${httpBytes} and ${sqlBytes} bytes`, ok: sqlN > 50_000 && Math.abs(httpBytes - sqlBytes) < httpBytes * 0.01 }
        : { text: `tile bytes over HTTP (${httpBytes}) = ST_AsMVT in psql (${sqlBytes})`, ok: httpBytes === sqlBytes },
      { text: `zone filter ids over HTTP (${zfBody.count}) = psql (${zfCount})`, ok: zfBody.count === zfCount },
      { text: 'zone statistics counts over HTTP = psql', ok: JSON.stringify(zsBody.rows.map((r) => r.count)) === JSON.stringify(zsCounts) },
      { text: `no failed tile requests (${http.errors}) or transactions (${bare.errors})`, ok: http.errors === 0 && bare.errors === 0 },
    ];
    console.log(`\n| measure (${count} parcels) | server (HTTP) | same SQL in the database | ratio | goal |`);
    console.log('|---|---:|---:|---:|---|');
    for (const r of rows) {
      const ratio = r.ours / r.baseline;
      console.log(`| ${r.measure} | ${fmt(r.ours)} | ${fmt(r.baseline)} (${r.measure.startsWith('vector') ? 'pgbench' : 'psql'}) | ${ratio.toFixed(2)}× | ${r.goal ? `≤ ${r.goal}× ${ratio <= r.goal ? '✓' : '✗'}` : '–'} |`);
    }
    console.log(`\ntiles a second: ${http.perSecond.toFixed(0)} over HTTP, ${bare.perSecond.toFixed(0)} in pgbench, at ${clients} clients`);
    console.log('| clients | tiles a second | p50 | p95 |\n|---:|---:|---:|---:|');
    for (const r of ramp) console.log(`| ${r.clients} | ${r.load.perSecond.toFixed(0)} | ${fmt(r.load.p50)} | ${fmt(r.load.p95)} |`);
    for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.text}`);
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    const out = join(root, 'bench-results', `server-${count}.json`);
    writeFileSync(out, JSON.stringify({ machine, count, clients, seconds, runs, loadSeconds: loadS, postgis: cluster.postgisVersion, settings: SERVER_SETTINGS, tiles, rows, http, bare, zoneFilter: { http: zfHttp.ms, psql: zfSql, count: zfCount }, zoneStats: { http: zsHttp.ms, psql: zsSql }, ramp, checks }, null, 2));
    console.log(`\nresults in bench-results/server-${count}.json (${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
    t0 = 0;
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    server.stop?.();
    cluster.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
