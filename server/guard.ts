/**
 * What stands between a request and the database: the optional bearer token of a deployment, a per-client
 * rate limit, and a refusal while too many queries already wait for a connection (so a flood of tile
 * requests is told to come back instead of piling up until every statement times out).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond';

export interface GuardOptions {
  /** Requests for data must carry it (`Authorization: Bearer …` or `access_token=`); null: open. */
  token: string | null;
  /** Requests a second one client may make, on average; 0 turns the limit off. */
  rateLimit: number;
  /** Requests one client may make at once above the average (a map opening asks for dozens of tiles). */
  rateBurst: number;
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
}

/** Equal-time comparison of the hashes, so neither the token's content nor its length leaks by timing. */
function sameToken(given: string, token: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The token a request carries: the Authorization header, else the `access_token` parameter (tiles a map fetches cannot set headers everywhere). */
export function requestToken(req: IncomingMessage, url: URL): string | null {
  const h = req.headers.authorization;
  if (h) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    return m ? m[1]! : '';
  }
  return url.searchParams.get('access_token');
}

export function checkToken(req: IncomingMessage, url: URL, opts: GuardOptions): void {
  if (opts.token === null) return;
  const given = requestToken(req, url);
  if (given === null) throw new HttpError(401, 'this server asks for a token: send Authorization: Bearer <token> (or access_token=<token>)');
  if (!sameToken(given, opts.token)) throw new HttpError(403, 'the token sent is not the one this server takes');
}

/** Token buckets per client address; a client idle long enough to refill is forgotten. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly opts: GuardOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  client(req: IncomingMessage): string {
    if (this.opts.trustProxy) {
      const fwd = req.headers['x-forwarded-for'];
      const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
      if (first) return first;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  /** Takes one request from the client's bucket, or throws 429 with the seconds to wait. */
  take(req: IncomingMessage): void {
    const { rateLimit, rateBurst } = this.opts;
    if (rateLimit <= 0) return;
    const key = this.client(req);
    const t = this.now();
    const cap = rateLimit + rateBurst;
    const b = this.buckets.get(key) ?? { tokens: cap, at: t };
    b.tokens = Math.min(cap, b.tokens + ((t - b.at) / 1000) * rateLimit);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / rateLimit));
      throw Object.assign(new HttpError(429, `too many requests from ${key}: at most ${rateLimit} a second (${cap} at once); try again in ${wait} s`), { retryAfter: wait });
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.forgetIdle(t);
  }

  private forgetIdle(t: number): void {
    const full = ((this.opts.rateLimit + this.opts.rateBurst) / this.opts.rateLimit) * 1000;
    for (const [k, b] of this.buckets) if (t - b.at > full) this.buckets.delete(k);
  }
}

/** What the pool tells of its queue (pg.Pool's waitingCount). */
export interface PoolLoad {
  waitingCount: number;
}

/** 503 with Retry-After while more than `max` queries wait for a connection. */
export function checkBusy(pool: PoolLoad | null, max: number): void {
  if (pool && pool.waitingCount > max) throw Object.assign(new HttpError(503, `the server is busy (${pool.waitingCount} queries waiting for the database); try again shortly`), { retryAfter: 1 });
}
