/**
 * PostGIS side by side: a throw-away PostgreSQL cluster of the benchmark's own (initdb into a temp folder,
 * Unix socket only, no TCP), loaded with the same parcels, driven through `psql -At` (no npm driver).
 * Query times are the server's own "Execution Time" from EXPLAIN (ANALYZE, TIMING OFF): planning, parsing
 * and sending rows to the client are not included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { summarize, type Timing } from './stats';

export const POSTGIS_INSTALL_HINT =
  'Debian/Ubuntu: sudo apt-get install -y postgresql-15 postgresql-15-postgis-3 (any PostgreSQL ≥ 12 with PostGIS 3 works)';

/** Server settings of the throw-away cluster (stated in the results). */
export const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: "''",
  fsync: 'off', // a throw-away cluster: loading speed only, no effect on warm query times
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: '512MB', // the whole table and its indexes stay in memory, as ours do
  work_mem: '64MB',
  jit: 'off', // JIT compilation would be paid on every run of these short queries
};

/** After `parcels` is filled from `staging`: the staging table dropped, GiST on geometry and geography, statistics. */
export const PARCELS_FINISH = ['DROP TABLE staging;', 'CREATE INDEX parcels_geom ON parcels USING gist (geom);', 'CREATE INDEX parcels_geog ON parcels USING gist (geog);', 'VACUUM ANALYZE parcels;'];

export interface Binaries {
  bin: string;
  version: string;
}

/** The PostgreSQL bin folder that has PostGIS installed, or why there is none. */
export function findPostgis(): Binaries | { missing: string } {
  const candidates: string[] = [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(join(root, v, 'bin'));
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  let sawPostgres = false;
  for (const bin of candidates) {
    if (!existsSync(join(bin, 'initdb')) || !existsSync(join(bin, 'pg_ctl'))) continue;
    sawPostgres = true;
    try {
      const share = execFileSync(join(bin, 'pg_config'), ['--sharedir'], { encoding: 'utf8' }).trim();
      if (!existsSync(join(share, 'extension', 'postgis.control'))) continue;
      const version = execFileSync(join(bin, 'pg_config'), ['--version'], { encoding: 'utf8' }).trim();
      return { bin, version };
    } catch {
      continue;
    }
  }
  return { missing: sawPostgres ? 'PostgreSQL is installed but PostGIS is not' : 'PostgreSQL (initdb, pg_ctl) is not installed' };
}

export interface QueryTiming {
  timing: Timing;
  planningMs: number;
}

/**
 * A running throw-away cluster. `start` creates it; `stop` shuts it down and deletes its folder (call it
 * in a finally block; a process exit handler also does it).
 */
export class PostgisCluster {
  readonly dir: string;
  postgisVersion = '';
  private stopped = false;
  private readonly onExit = () => this.stop();

  private constructor(
    private readonly bins: Binaries,
    dir: string,
    private readonly asUser: string | null,
  ) {
    this.dir = dir;
    process.once('exit', this.onExit);
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        this.stop();
        process.exit(130);
      });
    }
    try {
      this.server('initdb', ['-D', this.dataDir, '-U', 'bench', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
      const opts = Object.entries({ ...SERVER_SETTINGS, unix_socket_directories: `'${dir}'` })
        .map(([k, v]) => `-c ${k}=${v}`)
        .join(' ');
      this.server('pg_ctl', ['-D', this.dataDir, '-l', join(dir, 'server.log'), '-o', opts, '-w', '-t', '60', 'start']);
      this.sql('CREATE EXTENSION postgis;');
      this.postgisVersion = this.sql('SELECT postgis_full_version();').trim().split(' ').slice(0, 2).join(' ');
    } catch (e) {
      this.stop();
      throw e;
    }
  }

  /** Starts a cluster in a new temp folder; as root the server runs as the `postgres` user. */
  static start(bins: Binaries): PostgisCluster {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-pg-'));
    let asUser: string | null = null;
    if (process.getuid?.() === 0) {
      asUser = 'postgres';
      const uid = Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', asUser], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    return new PostgisCluster(bins, dir, asUser);
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private server(tool: string, args: string[]): void {
    const exe = join(this.bins.bin, tool);
    const [cmd, argv] = this.asUser ? ['runuser', ['-u', this.asUser, '--', exe, ...args]] : [exe, args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/' });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  }

  /** Runs SQL (a script, or COPY data after it) through psql -At; returns its output. */
  sql(script: string): string {
    const r = spawnSync(
      join(this.bins.bin, 'psql'),
      ['-h', this.dir, '-U', 'bench', '-d', 'postgres', '-At', '-q', '-X', '-v', 'ON_ERROR_STOP=1', '-f', '-'],
      { input: script, encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    if (r.status !== 0) throw new Error(`psql failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
    return r.stdout;
  }

  /**
   * Loads parcels as table `parcels(ord, id, geom geometry(Polygon, 4326), geog geography(Polygon, 4326), investment, code)`
   * from EWKT through COPY, with GiST indexes on both columns, then VACUUM ANALYZE. Returns seconds taken.
   */
  loadParcels(rows: readonly { id: string; ring: readonly (readonly number[])[]; investment?: number; code?: string }[]): number {
    const t0 = performance.now();
    const lines: string[] = [];
    rows.forEach((r, i) => lines.push(`${i}\t${r.id}\tSRID=4326;POLYGON((${r.ring.map((p) => `${p[0]} ${p[1]}`).join(',')}))\t${r.investment ?? '\\N'}\t${r.code ?? '\\N'}`));
    this.sql(
      [
        'CREATE UNLOGGED TABLE staging (ord int, id text, geom geometry(Polygon, 4326), investment double precision, code text);',
        'COPY staging FROM STDIN;',
        ...lines,
        '\\.',
        'CREATE TABLE parcels AS SELECT ord, id, geom, geom::geography AS geog, investment, code FROM staging ORDER BY ord;',
        ...PARCELS_FINISH,
        '',
      ].join('\n'),
    );
    return (performance.now() - t0) / 1000;
  }

  /** Stores a polygon as `zones(name, geom)`; returns whether PostGIS finds it valid (ST_IsValidReason). */
  addZone(name: string, polygon: Polygon): string {
    const wkt = `POLYGON(${polygon.coordinates.map((r) => `(${r.map((p) => `${p[0]} ${p[1]}`).join(',')})`).join(',')})`;
    return this.sql(
      [
        'CREATE TABLE IF NOT EXISTS zones (name text PRIMARY KEY, geom geometry(Polygon, 4326));',
        `INSERT INTO zones VALUES ('${name}', ST_GeomFromText('${wkt}', 4326));`,
        `SELECT ST_IsValidReason(geom) FROM zones WHERE name = '${name}';`,
        '',
      ].join('\n'),
    ).trim();
  }

  /** The query's first column, one value per row. */
  column(query: string): string[] {
    const out = this.sql(`${query};\n`);
    return out === '' ? [] : out.replace(/\n$/, '').split('\n');
  }

  /**
   * Server-side execution time of `query`: `warmup` plain runs, then `runs` times
   * EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) in one session.
   */
  time(query: string, runs = 7, warmup = 2): QueryTiming {
    const script: string[] = [];
    for (let i = 0; i < warmup; i++) script.push(`SELECT count(*) FROM (${query}) w;`);
    for (let i = 0; i < runs; i++) script.push('\\echo @@', `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${query};`);
    const parts = this.sql(script.join('\n') + '\n').split('@@\n').slice(1);
    const plans = parts.map((p) => JSON.parse(p) as [{ 'Execution Time': number; 'Planning Time': number }]);
    const exec = plans.map((p) => p[0]['Execution Time']);
    const planning = plans.map((p) => p[0]['Planning Time']).sort((a, b) => a - b);
    return { timing: summarize(exec), planningMs: planning[planning.length >> 1]! };
  }

  /** Stops the server and deletes the folder; safe to call twice. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    process.removeListener('exit', this.onExit);
    try {
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) this.server('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // fall through to deleting the folder
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
