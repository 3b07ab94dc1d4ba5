/// <reference lib="webworker" />
/**
 * Download progress of gdal3.js's two big files: it fetches the wasm with `fetch` and the data
 * package with XMLHttpRequest, and exposes neither; both are counted here while it starts.
 */

export interface ByteCounter {
  loaded: Map<string, number>;
  total: number;
  report: (fraction: number) => void;
}

function note(c: ByteCounter, url: string, bytes: number): void {
  c.loaded.set(url, bytes);
  if (c.total > 0) c.report(Math.min(1, [...c.loaded.values()].reduce((a, b) => a + b, 0) / c.total));
}

/** Replaces `fetch` with one whose response bodies are counted; returns the undo. */
export function countingFetch(c: ByteCounter): () => void {
  const original = self.fetch;
  self.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await original(input, init);
    if (!res.body || init?.method === 'HEAD') return res;
    const url = String(input instanceof Request ? input.url : input);
    let seen = 0;
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, ctl) {
          seen += chunk.byteLength;
          note(c, url, seen);
          ctl.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return () => {
    self.fetch = original;
  };
}

/** Replaces XMLHttpRequest with a subclass that counts its progress events; returns the undo. */
export function countingXhr(c: ByteCounter): () => void {
  const Original = self.XMLHttpRequest;
  if (!Original) return () => undefined;
  class Counted extends Original {
    override open(method: string, url: string | URL, ...rest: unknown[]): void {
      this.addEventListener('progress', (e) => note(c, String(url), e.loaded));
      (Original.prototype.open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    }
  }
  self.XMLHttpRequest = Counted;
  return () => {
    self.XMLHttpRequest = Original;
  };
}
