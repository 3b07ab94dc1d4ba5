/**
 * The pieces of `npm run bench:server`: parcels into PostGIS in COPY batches (more rows than one string can
 * hold), the atlas server as a child process, an HTTP load of many clients (autocannon) with every
 * response's latency, and the same SQL under the same load straight in the database (pgbench).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { FeatureCollection, Polygon } from 'geojson';
import { PARCELS_FINISH, type Binaries, type PostgisCluster } from './postgis';

export interface Latencies {
  /** ms, per request or transaction */
  p50: number;
  p95: number;
  count: number;
  perSecond: number;
  errors: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summary(ms: number[], seconds: number, errors: number): Latencies {
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), count: ms.length, perSecond: ms.length / seconds, errors };
}

const esc = (s: string | null | undefined) => (s == null ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

/**
 * `parcels(id text PRIMARY KEY, geom geometry(Polygon, 4326), investment_cny, category, township_id, geog)`
 * as db:load makes tables (geog generated from geom, both GiST-indexed), loaded 100 000 rows a COPY.
 */
export function loadParcelTable(cluster: PostgisCluster, fc: FeatureCollection<Polygon, { id: string; investment_cny: number; category: string; township_id: string | null }>): number {
  const t0 = performance.now();
  cluster.sql('CREATE UNLOGGED TABLE staging (id text, geom geometry(Polygon, 4326), investment_cny float8, category text, township_id text);\n');
  const batch = 100_000;
  for (let i = 0; i < fc.features.length; i += batch) {
    const lines = fc.features.slice(i, i + batch).map((f) => {
      const ring = f.geometry.coordinates[0]!.map((p) => `${p[0]} ${p[1]}`).join(',');
      const p = f.properties;
      return `${esc(p.id)}\tSRID=4326;POLYGON((${ring}))\t${p.investment_cny}\t${esc(p.category)}\t${esc(p.township_id)}`;
    });
    cluster.sql(['COPY staging FROM STDIN;', ...lines, '\\.', ''].join('\n'));
  }
  cluster.sql(
    [
      'CREATE TABLE parcels (id text PRIMARY KEY, geom geometry(Polygon, 4326) NOT NULL, investment_cny float8, category text, township_id text,',
      '  geog geography GENERATED ALWAYS AS (geom::geography) STORED);',
      'INSERT INTO parcels (id, geom, investment_cny, category, township_id) SELECT id, geom, investment_cny, category, township_id FROM staging;',
      ...PARCELS_FINISH,
      '',
    ].join('\n'),
  );
  return (performance.now() - t0) / 1000;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => done(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** `npm run serve` as a child process on a free port; answers its URL once it listens. */
export async function startServerProcess(databaseUrl: string, args: string[]): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'server/main.ts', '--port', String(port), '--dist', 'none', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  child.once('exit', (code, signal) => console.error(`  the server process ended (${code ?? signal})`));
  await new Promise<void>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('atlas server on')) done();
    });
    child.once('exit', (code) => fail(new Error(`the server stopped (${code}): ${out}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, stop };
}

/** `connections` clients asking for `paths` in turn for `seconds`; every response's latency. */
export async function httpLoad(base: string, paths: readonly string[], connections: number, seconds: number): Promise<Latencies> {
  const ms: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon({ url: base, connections, duration: seconds, requests: paths.map((path) => ({ method: 'GET', path })) }, (err, r) => (err ? fail(err) : done(r)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 400) errors++;
      ms.push(responseTime);
    });
  });
  return summary(ms, seconds, errors + result.errors + result.timeouts);
}

/** The SQL statements under pgbench with `clients` connections for `seconds`, each transaction one statement chosen at random. */
export function pgbenchLoad(bins: Binaries, cluster: PostgisCluster, statements: readonly string[], clients: number, seconds: number): Latencies {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-pgbench-'));
  try {
    const files = statements.map((s, i) => {
      const f = join(dir, `q${i}.sql`);
      writeFileSync(f, `${s.replace(/;\s*$/, '')};\n`);
      return f;
    });
    const args = ['-n', '-h', cluster.dir, '-U', 'bench', '-c', String(clients), '-j', '2', '-T', String(seconds), '-l', `--log-prefix=${join(dir, 'log')}`, ...files.flatMap((f) => ['-f', f]), 'postgres'];
    const r = spawnSync(join(bins.bin, 'pgbench'), args, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`pgbench failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    const ms: number[] = [];
    for (const f of readdirSync(dir).filter((n) => n.startsWith('log'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        const cols = line.split(' ');
        if (cols.length >= 3) ms.push(Number(cols[2]) / 1000);
      }
    }
    return summary(ms, seconds, Number(/number of failed transactions: (\d+)/.exec(r.stdout)?.[1] ?? 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One GET on a connection of its own (a kept-alive one can be closed by the server while idle between measures). */
function getOnce(url: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    httpGet(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

/** `runs` sequential HTTP requests after one warm-up; their times (ms) and the last body. */
export async function timeRequests(url: string, runs: number): Promise<{ ms: number[]; body: string }> {
  let { body } = await getOnce(url);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await getOnce(url);
    body = r.body;
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${body.slice(0, 300)}`);
    ms.push(performance.now() - t0);
    console.log(`    ${url.replace(/^https?:\/\/[^/]+/, '').slice(0, 60)}: ${(ms[ms.length - 1]! / 1000).toFixed(2)} s`);
  }
  return { ms, body };
}

/** `runs` runs of a statement in psql with its result sent to the client and dropped (client-side `\timing`), after one warm-up. */
export function timePsql(cluster: PostgisCluster, statement: string, runs: number): number[] {
  const q = statement.replace(/;\s*$/, '');
  const out = cluster.sql(['\\o /dev/null', `${q};`, '\\timing on', ...Array.from({ length: runs }, () => `${q};`), ''].join('\n'));
  return [...out.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
}
