/** Answers shared by every route: JSON bodies, errors as JSON, CORS, the base URL links are built from. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GuardOptions } from './guard';

export interface ServerOptions extends GuardOptions {
  port: number;
  host: string;
  dist: string | null;
  databaseUrl: string | null;
  schema: string;
  /** Links and tile URLs start here instead of at the request's Host (behind a reverse proxy). */
  publicUrl: string | null;
  statementTimeoutMs: number;
  poolSize: number;
  tileFeatureLimit: number;
  itemsDefaultLimit: number;
  itemsMaxLimit: number;
  tileMaxAge: number;
  minZoom: number;
  maxZoom: number;
  /** A tile's bytes at most; a bigger one is cut again with fewer features. */
  tileByteLimit: number;
  /** Queries waiting for a database connection at most; beyond, 503 with Retry-After. */
  maxWaiting: number;
}

export const DEFAULTS: ServerOptions = {
  port: 8080,
  host: '127.0.0.1',
  dist: 'dist',
  databaseUrl: null,
  schema: 'public',
  publicUrl: null,
  statementTimeoutMs: 10_000,
  poolSize: 10,
  tileFeatureLimit: 50_000,
  itemsDefaultLimit: 100,
  itemsMaxLimit: 10_000,
  tileMaxAge: 300,
  minZoom: 0,
  maxZoom: 22,
  tileByteLimit: 4_000_000,
  maxWaiting: 500,
  token: null,
  rateLimit: 200,
  rateBurst: 400,
  trustProxy: false,
};

/** A request refused with a status and a message the planner or the operator can act on. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  /** Seconds a client should wait before it asks again (429, 503). */
  retryAfter?: number;
}

export const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Content-Type, Authorization',
  'Access-Control-Expose-Headers': 'X-Tile-Feature-Limit, X-Tile-Truncated',
};

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...CORS, 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(req.method === 'HEAD' ? undefined : text);
}

export function sendError(req: IncomingMessage, res: ServerResponse, status: number, message: string, retryAfter?: number): void {
  if (res.headersSent) return void res.destroy();
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer realm="atlas"';
  sendJson(req, res, status, { code: status, error: message }, 'application/json', headers);
}

/** Host names and ports only: anything else in a Host header is not copied into links. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** Where this server is reached: the configured public URL, else the request's Host, else the listening address. */
export function baseUrl(req: IncomingMessage, opts: ServerOptions): string {
  if (opts.publicUrl) return opts.publicUrl.replace(/\/+$/, '');
  const host = req.headers.host;
  if (host && HOST.test(host)) return `http://${host}`;
  return `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`;
}

/**
 * A database failure as an answer: a statement cut by the timeout or a database that cannot be reached is
 * a 503 (the client may retry); anything else is a 500 whose detail goes to the log, not to the client.
 */
export function databaseError(e: unknown, opts: ServerOptions): HttpError {
  const code = (e as { code?: unknown })?.code;
  if (code === '57014') return new HttpError(503, `the database did not answer within ${opts.statementTimeoutMs} ms (statement timeout)`);
  if (typeof code === 'string' && (/^08/.test(code) || /^57P0/.test(code) || /^E[A-Z]+$/.test(code))) return new HttpError(503, 'the database cannot be reached');
  console.error('database error:', e);
  return new HttpError(500, 'the database could not answer this request');
}

/** Comma-separated decimal numbers (no hex, no `Infinity`): NaN for any part that is not one. */
export function decimalList(s: string): number[] {
  return s.split(',').map((t) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(t) ? Number(t) : NaN));
}

/** A whole non-negative decimal integer (no sign, exponent, spaces or fraction), or null. */
export function wholeNumber(s: string | null | undefined, max = Number.MAX_SAFE_INTEGER): number | null {
  if (s == null || !/^\d{1,16}$/.test(s)) return null;
  const n = Number(s);
  return n <= max ? n : null;
}
