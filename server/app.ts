/**
 * The server: the built app, and with a database the PostGIS layers as vector tiles and OGC API – Features.
 * Stateless apart from the catalogue; every spatial question is one SQL statement.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import pg from 'pg';
import { analysis } from './analysis';
import { Catalogue, type Queryable } from './catalogue';
import { collections, conformance, item, items, landing, oneCollection, queryables } from './features';
import { CORS, HttpError, sendError, sendJson, type ServerOptions } from './respond';
import { checkBusy, checkToken, RateLimiter, type PoolLoad } from './guard';
import { serveStatic } from './static';
import { serveTile, serveTileJson } from './tiles';

export interface AtlasServer {
  server: Server;
  pool: pg.Pool | null;
  catalogue: Catalogue | null;
  /** The address it listens on (the port the system chose where 0 was asked). */
  url: string;
  close(): Promise<void>;
}

/**
 * A pool whose connections are read-only and time-limited from their start: the settings travel in the
 * startup packet (`options`), before any statement. Options already in the URL are kept, ours after them,
 * because node-postgres lets the URL's `options` replace the one given beside it.
 */
export function readOnlyPool(url: string, opts: Pick<ServerOptions, 'statementTimeoutMs' | 'poolSize'>): pg.Pool {
  let connectionString = url;
  let options = `-c default_transaction_read_only=on -c statement_timeout=${Math.round(opts.statementTimeoutMs)}`;
  try {
    const u = new URL(url);
    const own = u.searchParams.get('options');
    if (own !== null) {
      u.searchParams.delete('options');
      connectionString = u.href;
      options = `${own} ${options}`;
    }
  } catch {
    // not a URL: node-postgres reads it (or says why not) itself
  }
  const pool = new pg.Pool({ connectionString, options, max: opts.poolSize, application_name: 'atlas-server' });
  // An idle connection the database drops must not take the process down; the pool replaces it.
  pool.on('error', (e) => console.error('database connection lost:', e.message));
  return pool;
}

function route(db: (Queryable & PoolLoad) | null, catalogue: Catalogue | null, opts: ServerOptions) {
  const limiter = new RateLimiter(opts);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = req.url ?? '/';
    const qAt = raw.indexOf('?');
    const rawPath = qAt < 0 ? raw : raw.slice(0, qAt);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '86400' });
      return void res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS');
      throw new HttpError(405, `${String(req.method).slice(0, 20)} is not served: this server only reads`);
    }
    let url: URL;
    try {
      url = new URL(raw, 'http://atlas.invalid');
    } catch {
      throw new HttpError(400, 'the request URL cannot be read');
    }
    const segs = rawPath.split('/').slice(1);
    const dec = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw new HttpError(400, 'the request path is not valid percent-encoding');
      }
    };
    const api = segs[0] === 'tiles' || segs[0] === 'collections' || segs[0] === 'conformance' || segs[0] === 'analysis';
    if (api) {
      limiter.take(req);
      checkToken(req, url, opts);
      checkBusy(db, opts.maxWaiting);
    }
    if (segs[0] === 'health') {
      let database: string = 'not configured';
      if (db) database = await db.query('SELECT 1').then(() => 'up', () => 'down');
      return sendJson(req, res, database === 'down' ? 503 : 200, { ok: database !== 'down', database, layers: catalogue?.layers.size ?? 0 }, 'application/json', { 'Cache-Control': 'no-store' });
    }
    if (rawPath === '/' && (url.searchParams.get('f') === 'json' || /json/.test(req.headers.accept ?? '') && !/html/.test(req.headers.accept ?? ''))) return landing(req, res, opts);
    if (segs[0] === 'conformance' && segs.length === 1) return conformance(req, res);
    if (api && (!db || !catalogue)) throw new HttpError(503, 'no database is configured: start the server with DATABASE_URL to publish PostGIS layers');
    if (api && db && catalogue) {
      if (segs[0] === 'tiles' && segs.length === 2 && segs[1]!.endsWith('.json')) return serveTileJson(req, res, catalogue, dec(segs[1]!.slice(0, -5)), opts);
      if (segs[0] === 'tiles' && segs.length === 5 && segs[4]!.endsWith('.mvt')) return serveTile(req, res, db, catalogue, dec(segs[1]!), [segs[2]!, segs[3]!, segs[4]!.slice(0, -4)], url, opts);
      if (segs[0] === 'analysis' && segs.length === 3) return analysis(req, res, db, catalogue, dec(segs[1]!), segs[2]!, url, opts);
      if (segs[0] === 'collections') {
        if (segs.length === 1 || (segs.length === 2 && segs[1] === '')) return collections(req, res, catalogue, url, opts);
        const name = dec(segs[1]!);
        if (segs.length === 2) return oneCollection(req, res, catalogue, name, url, opts);
        if (segs.length === 3 && segs[2] === 'items') return items(req, res, db, catalogue, name, url, opts);
        if (segs.length === 3 && segs[2] === 'queryables') return queryables(req, res, catalogue, name, url, opts);
        if (segs.length === 4 && segs[2] === 'items') return item(req, res, db, catalogue, name, dec(segs[3]!), url, opts);
      }
      throw new HttpError(404, 'no such endpoint: see /collections and /tiles/{layer}.json');
    }
    if (!opts.dist) throw new HttpError(404, 'this server publishes no site (--dist none)');
    return serveStatic(opts.dist, rawPath, req, res, (status, message) => sendError(req, res, status, message));
  };
}

/** Starts the server; with a database the catalogue is read first, so the first request finds the layers. */
export async function startServer(opts: ServerOptions): Promise<AtlasServer> {
  const pool = opts.databaseUrl ? readOnlyPool(opts.databaseUrl, opts) : null;
  const catalogue = pool ? new Catalogue(pool, opts.schema) : null;
  if (catalogue) {
    try {
      await catalogue.refresh();
    } catch (e) {
      // A database down at start is not fatal: the site is served and the catalogue read on the next request.
      console.error('could not read the layer catalogue:', (e as Error).message);
    }
  }
  const handle = route(pool, catalogue, opts);
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendError(req, res, e.status, e.message, e.retryAfter);
      console.error('request failed:', e);
      sendError(req, res, 500, 'the server could not answer this request');
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => done());
  });
  const addr = server.address();
  const port = addr && typeof addr === 'object' ? addr.port : opts.port;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    pool,
    catalogue,
    url: `http://${host}:${port}`,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await pool?.end();
    },
  };
}
