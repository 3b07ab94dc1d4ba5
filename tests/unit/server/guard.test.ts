// The server's guards: a deployment's bearer token, the per-client rate limit, the refusal while too many
// queries wait, the tile byte limit, and a flood of 1 000 tile requests at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { checkBusy, checkToken, RateLimiter, requestToken } from '../../../server/guard';
import { DEFAULTS } from '../../../server/respond';
import { parseArgs } from '../../../server/main';
import { skipReason, startFixture, tileOf, type Fixture } from './postgis-server';

const req = (headers: Record<string, string>, remoteAddress = '10.0.0.1') => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;
const TOKEN = 'planning-bureau-0123456789';

describe('guards without a server', () => {
  it('takes the token from the Authorization header, else access_token, and compares it whole', () => {
    const u = new URL('http://x/tiles/a.json?access_token=abc');
    expect(requestToken(req({ authorization: 'Bearer s3cr3t' }), u)).toBe('s3cr3t');
    expect(requestToken(req({ authorization: 'Basic Zm9v' }), u)).toBe('');
    expect(requestToken(req({}), u)).toBe('abc');
    const opts = { ...DEFAULTS, token: TOKEN };
    expect(() => checkToken(req({}), new URL('http://x/'), opts)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => checkToken(req({ authorization: `Bearer ${TOKEN}x` }), u, opts)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => checkToken(req({ authorization: `Bearer ${TOKEN.slice(0, -1)}` }), u, opts)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => checkToken(req({ authorization: `Bearer ${TOKEN}` }), u, opts)).not.toThrow();
    expect(() => checkToken(req({}), u, DEFAULTS)).not.toThrow();
  });

  it('lets a client make rate + burst requests at once, then rate a second, each client on its own', () => {
    let t = 0;
    const limiter = new RateLimiter({ ...DEFAULTS, rateLimit: 10, rateBurst: 5 }, () => t);
    for (let i = 0; i < 15; i++) limiter.take(req({}));
    expect(() => limiter.take(req({}))).toThrow(expect.objectContaining({ status: 429, retryAfter: 1 }));
    limiter.take(req({}, '10.0.0.2'));
    t += 500; // half a second: five more
    for (let i = 0; i < 5; i++) limiter.take(req({}));
    expect(() => limiter.take(req({}))).toThrow(/at most 10 a second/);
    // Behind a proxy the forwarded address is the client; otherwise the header is not believed.
    const proxied = new RateLimiter({ ...DEFAULTS, rateLimit: 1, rateBurst: 0, trustProxy: true }, () => t);
    proxied.take(req({ 'x-forwarded-for': '1.1.1.1, 10.0.0.9' }));
    proxied.take(req({ 'x-forwarded-for': '2.2.2.2' }));
    expect(() => proxied.take(req({ 'x-forwarded-for': '1.1.1.1' }))).toThrow(/from 1\.1\.1\.1/);
    expect(new RateLimiter(DEFAULTS).client(req({ 'x-forwarded-for': '1.1.1.1' }))).toBe('10.0.0.1');
  });

  it('refuses while too many queries wait, and reads the guard options from the command line', () => {
    expect(() => checkBusy({ waitingCount: 501 }, 500)).toThrow(expect.objectContaining({ status: 503, retryAfter: 1 }));
    expect(() => checkBusy({ waitingCount: 500 }, 500)).not.toThrow();
    expect(parseArgs(['--rate-limit', '50', '--rate-burst', '100', '--trust-proxy', 'yes', '--tile-byte-limit', '500000'], { ATLAS_TOKEN: TOKEN })).toMatchObject({ rateLimit: 50, rateBurst: 100, trustProxy: true, tileByteLimit: 500000, token: TOKEN });
    expect(() => parseArgs([], { ATLAS_TOKEN: 'short' })).toThrow(/at least 16 characters/);
    expect(() => parseArgs(['--token-file', '/nonexistent/token'], {})).toThrow(/--token-file/);
    expect(() => parseArgs(['--trust-proxy', 'maybe'], {})).toThrow(/yes or no/);
  });
});

describe.skipIf(!!skipReason)(`the guards of a running server${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await startFixture({ token: TOKEN, rateLimit: 20, rateBurst: 20, tileByteLimit: 2000, poolSize: 2, maxWaiting: 50 });
  }, 120_000);
  afterAll(async () => fx?.stop());

  it('asks for the token for data, keeps the site and /health open, and takes the token as header or parameter', async () => {
    expect((await fetch(`${fx.url}/`)).status).toBe(200);
    expect((await fetch(`${fx.url}/health`)).status).toBe(200);
    const none = await fetch(`${fx.url}/collections`);
    expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="atlas"']);
    expect(((await none.json()) as { error: string }).error).toMatch(/asks for a token/);
    expect((await fetch(`${fx.url}/analysis/villages/nearest?point=113.2,35.2`, { headers: { Authorization: 'Bearer wrong-token-0000000' } })).status).toBe(403);
    expect((await fetch(`${fx.url}/collections`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${fx.url}/tiles/villages.json?access_token=${TOKEN}`)).status).toBe(200);
  });

  it('cuts a tile over the byte limit with fewer features and says so', async () => {
    await new Promise((r) => setTimeout(r, 2000)); // the bucket refills
    const r = await fetch(`${fx.url}/tiles/villages/8/${tileOf(113.24, 35.17, 8).join('/')}.mvt`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([r.status, r.headers.get('x-tile-truncated')]).toEqual([200, 'true']);
    expect(bytes.length).toBeLessThanOrEqual(2000);
    const n = new VectorTile(new PbfReader(bytes)).layers['villages']!.length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(60);
  });

  it('answers 1 000 tile requests at once with tiles, 429 or 503 and Retry-After, and stays up', async () => {
    await new Promise((r) => setTimeout(r, 2000));
    const [x, y] = tileOf(113.24, 35.17, 12);
    const all = await Promise.all(Array.from({ length: 1000 }, (_, i) => fetch(`${fx.url}/tiles/townships/12/${x + (i % 3)}/${y}.mvt?access_token=${TOKEN}`).then(async (r) => ({ status: r.status, retry: r.headers.get('retry-after'), body: await r.arrayBuffer() }))));
    const by = new Map<number, number>();
    for (const a of all) by.set(a.status, (by.get(a.status) ?? 0) + 1);
    expect([...by.keys()].every((s) => [200, 204, 429, 503].includes(s))).toBe(true);
    expect((by.get(200) ?? 0) + (by.get(204) ?? 0)).toBeGreaterThanOrEqual(20);
    // Requests spread over the seconds the flood takes, so the bucket refills a little meanwhile.
    expect(by.get(429)).toBeGreaterThan(500);
    expect(all.filter((a) => a.status === 429 || a.status === 503).every((a) => Number(a.retry) >= 1)).toBe(true);
    expect((await (await fetch(`${fx.url}/health`)).json()) as object).toMatchObject({ ok: true, database: 'up' });
  }, 60_000);
});
