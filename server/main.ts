/** `npm run serve`: the atlas's own server (see --help). */
import { existsSync, readFileSync } from 'node:fs';
import { startServer } from './app';
import { DEFAULTS, type ServerOptions } from './respond';

export const HELP = `Usage: npm run serve -- [options]

Serves the built atlas (npm run build) and, when DATABASE_URL is set, publishes the PostGIS tables of one
schema as atlas layers. It only reads: its database connections are read-only.

Options:
  --port N                 port to listen on (default ${DEFAULTS.port}; 0 lets the system choose)
  --host ADDR              address to listen on (default ${DEFAULTS.host}; 0.0.0.0 for every interface)
  --dist DIR               folder of the built app (default ${DEFAULTS.dist}); "none" serves no site
  --schema NAME            schema whose tables are published (default ${DEFAULTS.schema})
  --public-url URL         start of the links and tile URLs it writes (behind a reverse proxy);
                           by default they start at the request's Host header
  --statement-timeout MS   longest a query may run (default ${DEFAULTS.statementTimeoutMs} ms); longer answers 503
  --pool-size N            database connections at most (default ${DEFAULTS.poolSize})
  --tile-feature-limit N   features in one tile at most (default ${DEFAULTS.tileFeatureLimit}); a tile over it
                           holds the first N and says X-Tile-Truncated: true
  --items-limit N          features in one OGC API page at most (default ${DEFAULTS.itemsMaxLimit}); a larger
                           limit is cut to it and the page's "next" link goes on
  --tile-max-age S         Cache-Control max-age of tiles (default ${DEFAULTS.tileMaxAge} s)
  --max-zoom N             highest tile zoom (default ${DEFAULTS.maxZoom}, at most 22)
  --tile-byte-limit N      bytes of one tile at most (default ${DEFAULTS.tileByteLimit}); a bigger tile is cut
                           again with fewer features (X-Tile-Truncated: true), 422 if it cannot be
  --max-waiting N          queries waiting for a connection at most (default ${DEFAULTS.maxWaiting}); beyond,
                           503 with Retry-After
  --rate-limit N           requests a second one client may make on average (default ${DEFAULTS.rateLimit};
                           0: no limit); beyond, 429 with Retry-After
  --rate-burst N           requests above that one client may make at once (default ${DEFAULTS.rateBurst})
  --trust-proxy yes|no     tell clients apart by X-Forwarded-For (only behind a proxy that sets it)
  --token-file FILE        data requests must carry this token (first line of FILE, at least 16
                           characters): Authorization: Bearer TOKEN, or access_token=TOKEN
  -h, --help               this text

Environment:
  DATABASE_URL             PostgreSQL connection URL, e.g.
                             postgresql://atlas_reader:secret@db.example:5432/atlas   (TCP)
                             postgresql:///atlas?host=/var/run/postgresql             (Unix socket)
                           without it only the site is served.
  PORT, HOST               defaults for --port and --host
  ATLAS_TOKEN              the token, as --token-file gives it (the site and /health stay open)

Published layers: every table of the schema with a geometry column (geometry_columns) and a known SRID,
named by its table name, its fields the table's other columns; a single-column primary key is the
feature id. Read at start, again on SIGHUP, and when an unknown layer is asked for (at most every 10 s).

Endpoints:
  GET /tiles/{layer}.json                 TileJSON 3.0.0 (vector_layers, bounds, tilestats)
  GET /tiles/{layer}/{z}/{x}/{y}.mvt      Mapbox Vector Tile (204 when empty); filter=CQL2 cuts it to
                                          the features the filter passes
  GET /collections                        OGC API – Features collections
  GET /collections/{layer}                one collection
  GET /collections/{layer}/items          GeoJSON in WGS 84: bbox=w,s,e,n, limit, offset,
                                          sortby=[+|-]FIELD,…, FIELD=value,
                                          filter=CQL2 (filter-lang=cql2-text or cql2-json, filter-crs CRS84)
  GET /collections/{layer}/queryables     what a filter may name, as JSON Schema
  GET /collections/{layer}/items/{id}     one feature
  GET /analysis/{layer}/zone-filter?zones=ZONES&zone=ID[&predicate=intersects|within]
                                          the ids of the features meeting that zone; or ?filter=CQL2
                                          (any zone, e.g. S_INTERSECTS(geom, POLYGON(…))): the ids it passes
  GET /analysis/{layer}/zone-statistics?zones=ZONES[&sum=F1,F2][&label=F]
                                          per feature of the polygon layer ZONES: features intersecting it,
                                          the sum of their ellipsoidal areas (m²) and of the number fields
  GET /analysis/{layer}/balance?class=F   per value of F (YDYHFLDM, DLBM…): features and area (m²)
  GET /analysis/{layer}/overlap?controls=C[&kind=F][&limit=&offset=]
                                          per feature (and value of C's field F): area shared with C (m²),
                                          with totals per kind
  GET /analysis/{layer}/nearest?point=LON,LAT[&n=10]       the n nearest features, distances in m
  GET /analysis/{layer}/within?point=LON,LAT&radius=M[&limit=]  every feature within M metres
  GET /conformance, GET /?f=json          OGC API conformance and landing page
  GET /health                             whether the database answers
  anything else                           the built app (paths without an extension get index.html)
`;

function number(flag: string, v: string | undefined, min: number, max: number): number {
  const n = v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= min && n <= max)) throw new Error(`${flag} needs a whole number from ${min} to ${max}`);
  return n;
}

/** A token from a file (its first line, trimmed); at least 16 characters, so it cannot be guessed by trying. */
function readToken(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`--token-file ${file}: ${(e as Error).message}`);
  }
  return checkedToken(text.split(/\r?\n/)[0]!.trim(), `--token-file ${file}`);
}

function checkedToken(token: string, source: string): string {
  if (token.length < 16 || /\s/.test(token)) throw new Error(`${source}: the token must be one word of at least 16 characters`);
  return token;
}

/** Options from the command line over the environment over the defaults. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ServerOptions | 'help' {
  const o: ServerOptions = { ...DEFAULTS, databaseUrl: env['DATABASE_URL'] || null };
  if (env['PORT']) o.port = number('PORT', env['PORT'], 0, 65535);
  if (env['HOST']) o.host = env['HOST'];
  if (env['ATLAS_TOKEN']) o.token = checkedToken(env['ATLAS_TOKEN'], 'ATLAS_TOKEN');
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '-h' || flag === '--help') return 'help';
    const v = argv[++i];
    if (v === undefined) throw new Error(`${flag} needs a value (see --help)`);
    switch (flag) {
      case '--port': o.port = number(flag, v, 0, 65535); break;
      case '--host': o.host = v; break;
      case '--dist': o.dist = v === 'none' ? null : v; break;
      case '--schema': o.schema = v; break;
      case '--public-url':
        if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v)) throw new Error('--public-url needs an http(s) URL without a query');
        o.publicUrl = v;
        break;
      case '--statement-timeout': o.statementTimeoutMs = number(flag, v, 100, 600_000); break;
      case '--pool-size': o.poolSize = number(flag, v, 1, 1000); break;
      case '--tile-feature-limit': o.tileFeatureLimit = number(flag, v, 1, 10_000_000); break;
      case '--items-limit': o.itemsMaxLimit = number(flag, v, 1, 1_000_000); break;
      case '--tile-max-age': o.tileMaxAge = number(flag, v, 0, 31_536_000); break;
      case '--max-zoom': o.maxZoom = number(flag, v, 0, 22); break;
      case '--tile-byte-limit': o.tileByteLimit = number(flag, v, 1024, 1_000_000_000); break;
      case '--max-waiting': o.maxWaiting = number(flag, v, 0, 1_000_000); break;
      case '--rate-limit': o.rateLimit = number(flag, v, 0, 1_000_000); break;
      case '--rate-burst': o.rateBurst = number(flag, v, 0, 1_000_000); break;
      case '--trust-proxy': o.trustProxy = v === 'yes' ? true : v === 'no' ? false : (() => { throw new Error('--trust-proxy takes yes or no'); })(); break;
      case '--token-file': o.token = readToken(v); break;
      default: throw new Error(`unknown option ${flag} (see --help)`);
    }
  }
  o.itemsDefaultLimit = Math.min(o.itemsDefaultLimit, o.itemsMaxLimit);
  return o;
}

async function main(): Promise<void> {
  let opts: ServerOptions | 'help';
  try {
    opts = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  if (opts === 'help') return void process.stdout.write(HELP);
  if (opts.dist && !existsSync(opts.dist)) console.warn(`no folder ${opts.dist}: run npm run build first, or pass --dist none`);
  const s = await startServer(opts);
  const layers = s.catalogue ? [...s.catalogue.layers.keys()] : [];
  console.log(`atlas server on ${s.url}${opts.dist ? ` (site from ${opts.dist})` : ''}`);
  console.log(s.catalogue ? `PostGIS layers (${opts.schema}): ${layers.join(', ') || 'none'}` : 'no DATABASE_URL: no PostGIS layers');
  process.on('SIGHUP', () => {
    s.catalogue?.refresh().then(
      () => console.log(`catalogue read again: ${[...s.catalogue!.layers.keys()].join(', ') || 'none'}`),
      (e: unknown) => console.error('could not read the catalogue:', (e as Error).message),
    );
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void s.close().then(() => process.exit(0)));
}

if (process.argv[1] && /main\.[cm]?[jt]s$/.test(process.argv[1])) void main();
