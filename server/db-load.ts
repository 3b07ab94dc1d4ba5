/** `npm run db:load -- FILE… [--table NAME]`: files into PostGIS as layers the server publishes (see --help). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { addGeography, loadGeoJson, TABLE_NAME, tableNameFor } from './load';
import { readByAtlas, readWithAtlas } from './db-read';
import { quoteIdent } from './sql';

export const HELP = `Usage: npm run db:load -- FILE [FILE…] [--table NAME] [--schema NAME] [--replace]

Loads FILE into the PostGIS database of DATABASE_URL as a table the atlas server publishes:
geometry column geom (SRID 4326) with a GiST index, beside it geog, the same geometry as geography
(a generated column, GiST-indexed: ellipsoidal areas and distances), primary key fid (the feature ids
where every feature has a unique one, else numbers), each property a column.

  FILE              one or more files (several: each table named after its file, e.g. all of
                    geodata/*.geojson for a full server deployment of the bundled layers), each
                    read by the atlas's own importers, as the browser reads it: .geojson/.json,
                    .topojson, .shp (with its .dbf/.shx/.prj/.cpg beside it: a GBK .dbf without .cpg is
                    detected, a Shapefile without .prj placed by its coordinates, Gauss–Krüger
                    reprojected), .zip of these, .csv/.tsv/.txt (lon/lat or X/Y columns, 国土TXT),
                    .kml/.kmz, .gpx; their notes are printed. Properties become double precision,
                    boolean, text or (lists, objects) jsonb columns; several layers, several tables.
                    Any other format GDAL reads (.gpkg, .gdb, .mif/.tab, .dxf, .fgb, .gml…): loaded by
                    GDAL's ogr2ogr (must be on PATH), reprojected to EPSG:4326, same column names.
  --table NAME      table name: letters, digits and _, not starting with a digit (default: from FILE's name)
  --schema NAME     schema (default public)
  --replace         replace a table of that name (otherwise an existing one is an error)
  --gcj02           the file's lon/lat are GCJ-02 (AMap, DataV, Tencent): convert them to WGS 84
  --crs CODE        the file's coordinate system where it does not say (e.g. EPSG:4526)

Environment:
  DATABASE_URL      e.g. postgresql:///atlas?host=/var/run/postgresql or postgresql://user:pw@host:5432/atlas;
                    the role needs CREATE on the schema (the server itself then needs only SELECT).
`;

interface Args {
  file: string;
  /** Every FILE given (several only without --table: each table is named after its file). */
  files: string[];
  table: string;
  schema: string;
  replace: boolean;
  gcj02: boolean;
  crs: string | null;
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  const files: string[] = [];
  let table: string | null = null;
  let schema = 'public';
  let replace = false;
  let gcj02 = false;
  let crs: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--replace') replace = true;
    else if (a === '--gcj02') gcj02 = true;
    else if (a === '--table' || a === '--schema' || a === '--crs') {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      if (a === '--table') table = v;
      else if (a === '--crs') crs = v;
      else schema = v;
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a} (see --help)`);
    else files.push(a);
  }
  const file = files[0];
  if (!file) throw new Error('FILE is missing (see --help)');
  if (table && files.length > 1) throw new Error('--table names the table of one file: leave it out to name each table after its file');
  const name = table ?? tableNameFor(file);
  if (!TABLE_NAME.test(name)) throw new Error(`table name ${JSON.stringify(name)}: letters, digits and _ only, not starting with a digit, at most 63`);
  if (!TABLE_NAME.test(schema)) throw new Error(`schema name ${JSON.stringify(schema)}: letters, digits and _ only`);
  for (const f of files.slice(1)) if (!TABLE_NAME.test(tableNameFor(f))) throw new Error(`${f}: no table name can be made from the file's name; load it alone with --table`);
  return { file, files, table: name, schema, replace, gcj02, crs };
}

/**
 * libpq's environment for a DATABASE_URL: ogr2ogr is given the database that way, as the command line of
 * a running process can be read by every user of the machine and the URL may hold a password.
 */
export function libpqEnv(url: string): Record<string, string> {
  // `postgresql://user@/db?host=/socket` has no host part, which URL does not parse: a stand-in is read instead.
  const bare = /^postgres(?:ql)?:\/\/(?:[^/?#@]*@)?(?=[/?#]|$)/.test(url);
  const u = new URL(bare ? url.replace(/^(postgres(?:ql)?:\/\/(?:[^/?#@]*@)?)/, '$1localhost') : url);
  const env: Record<string, string> = {};
  const host = u.searchParams.get('host') ?? (bare ? '' : decodeURIComponent(u.hostname));
  if (host) env['PGHOST'] = host;
  if (u.port) env['PGPORT'] = u.port;
  if (u.username) env['PGUSER'] = decodeURIComponent(u.username);
  if (u.password) env['PGPASSWORD'] = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env['PGDATABASE'] = db;
  const ssl = u.searchParams.get('sslmode');
  if (ssl) env['PGSSLMODE'] = ssl;
  return env;
}

/** Other formats through ogr2ogr, with the same table shape as the GeoJSON path. */
function loadWithGdal(url: string, a: Args): void {
  const args = ['-f', 'PostgreSQL', 'PG:', a.file, '-nln', `${a.schema}.${a.table}`, '-t_srs', 'EPSG:4326', '-lco', 'GEOMETRY_NAME=geom', '-lco', 'FID=fid', '-lco', 'SPATIAL_INDEX=GIST', '-lco', 'LAUNDER=NO', '-nlt', 'PROMOTE_TO_MULTI'];
  if (a.replace) args.push('-overwrite');
  const r = spawnSync('ogr2ogr', args, { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...libpqEnv(url) } });
  if (r.error) throw new Error(`ogr2ogr could not be run (${r.error.message}): install GDAL, or convert the file to GeoJSON`);
  if (r.status !== 0) throw new Error(`ogr2ogr failed: ${r.stderr.trim().slice(0, 2000)}`);
}

async function main(): Promise<void> {
  let a: Args | 'help';
  try {
    a = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (a === 'help') return void process.stdout.write(HELP);
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set (see --help)');
  for (const f of a.files) if (!existsSync(f)) throw new Error(`no file ${f}`);
  for (const f of a.files) await loadOne(url, a.files.length === 1 ? a : { ...a, file: f, table: tableNameFor(f) });
}

async function loadOne(url: string, a: Args): Promise<void> {
  if (!readByAtlas(a.file)) {
    loadWithGdal(url, a);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await addGeography(c, a.schema, a.table);
      await c.query(`ANALYZE ${quoteIdent(a.schema)}.${quoteIdent(a.table)}`);
    } finally {
      await c.end();
    }
    return void console.log(`loaded ${a.file} into ${a.schema}.${a.table} with ogr2ogr`);
  }
  const read = await readWithAtlas(a.file, { gcj02: a.gcj02, ...(a.crs ? { crs: a.crs } : {}) });
  for (const n of read.notes) console.warn(`note: ${n}`);
  if (read.errors.length) throw new Error(read.errors.join('\n'));
  if (!read.layers.length) throw new Error(`${a.file}: no layer with features was found`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const layer of read.layers) {
      // Several layers of one file (a zip, a KML's folders) each get a table of their own.
      const table = read.layers.length === 1 ? a.table : `${a.table}_${tableNameFor(layer.name)}`.slice(0, 63);
      const r = await loadGeoJson(client, layer.fc, table, { schema: a.schema, replace: a.replace }).catch((e: unknown) => {
        if ((e as { code?: string }).code === '42P07') throw new Error(`table ${a.schema}.${table} exists already: pass --replace to replace it, or --table for another name`);
        throw e;
      });
      console.log(`loaded ${r.rows} features (${r.geometryType}) into ${a.schema}.${r.table}: ${r.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`);
    }
  } finally {
    await client.end();
  }
}

if (process.argv[1] && /db-load\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
