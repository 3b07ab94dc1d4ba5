import { allowServiceOrigins, guardedFetch, RequestRefused } from './request-guard';

export type FetchProblem =
  | { problem: 'refused'; host: string }
  | { problem: 'http'; status: number }
  /** No answer the page may read: the server is down, or refuses pages of other origins (CORS). */
  | { problem: 'network' }
  | { problem: 'timeout'; seconds: number }
  | { problem: 'too-large'; limitMb: number };

/**
 * A service's document (capabilities, collections, features) as text, fetched because the planner asked
 * for this service: its host is let through the request gate from now on. Read as a stream and cut off
 * past `maxBytes` (a 200 MB capabilities file is refused, not buffered), and given up after `timeoutMs`.
 */
export async function fetchServiceText(url: string, opts: { maxBytes: number; timeoutMs: number; accept?: string }): Promise<{ ok: true; text: string; contentType: string } | ({ ok: false } & FetchProblem)> {
  const r = await fetchServiceBytes(url, opts);
  return r.ok ? { ok: true, text: new TextDecoder().decode(r.bytes), contentType: r.contentType } : r;
}

/** {@link fetchServiceText}'s bytes (a tile); `status` tells 204 "no content" from a tile with data. */
export async function fetchServiceBytes(url: string, opts: { maxBytes: number; timeoutMs: number; accept?: string }): Promise<{ ok: true; bytes: Uint8Array; contentType: string; status: number } | ({ ok: false } & FetchProblem)> {
  allowServiceOrigins([url]);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  try {
    const res = await guardedFetch(url, { signal: abort.signal, ...(opts.accept ? { headers: { Accept: opts.accept } } : {}) });
    if (!res.ok) return { ok: false, problem: 'http', status: res.status };
    const limitMb = Math.round(opts.maxBytes / 1024 / 1024);
    if (Number(res.headers.get('content-length') ?? 0) > opts.maxBytes) return { ok: false, problem: 'too-large', limitMb };
    const reader = res.body?.getReader();
    if (!reader) return { ok: true, bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? '', status: res.status };
    const parts: Uint8Array[] = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.byteLength;
      if (n > opts.maxBytes) {
        void reader.cancel();
        return { ok: false, problem: 'too-large', limitMb };
      }
      parts.push(value);
    }
    const bytes = new Uint8Array(n);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    return { ok: true, bytes, contentType: res.headers.get('content-type') ?? '', status: res.status };
  } catch (e) {
    if (e instanceof RequestRefused) return { ok: false, problem: 'refused', host: e.host };
    if (abort.signal.aborted) return { ok: false, problem: 'timeout', seconds: Math.round(opts.timeoutMs / 1000) };
    return { ok: false, problem: 'network' };
  } finally {
    clearTimeout(timer);
  }
}
