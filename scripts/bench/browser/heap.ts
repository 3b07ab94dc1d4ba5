/**
 * JS heap of a page and of its workers through the DevTools protocol: Runtime.getHeapUsage on the page's
 * session, and on each worker's session (Target.setAutoAttach on the page session; Playwright's CDPSession
 * cannot address flattened child sessions, so the workers are attached non-flattened and spoken to with
 * Target.sendMessageToTarget). A full GC (HeapProfiler.collectGarbage) runs first in each, so the figures are
 * what stays alive, not garbage waiting for the collector.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface HeapUsage {
  /** V8 heap in use (bytes) */
  usedBytes: number;
  /** V8 heap reserved */
  totalBytes: number;
  /** ArrayBuffer backing stores and other memory outside the V8 heap that V8 knows of */
  backingStorageBytes: number;
}

export interface WorkerHeap extends HeapUsage {
  url: string;
}

interface RawHeap {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

const toUsage = (r: RawHeap): HeapUsage => ({ usedBytes: r.usedSize, totalBytes: r.totalSize, backingStorageBytes: r.backingStorageSize ?? 0 });

export class HeapProbe {
  private readonly workers = new Map<string, string>();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1_000_000;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.workers.set(e.sessionId, e.targetInfo.url);
    });
    cdp.on('Target.detachedFromTarget', (e) => {
      if (e.sessionId) this.workers.delete(e.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined;
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
  }

  /** Attach before navigating, so the workers the page starts are attached as they start. */
  static async attach(context: BrowserContext, page: Page): Promise<HeapProbe> {
    const cdp = await context.newCDPSession(page);
    const probe = new HeapProbe(cdp);
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return probe;
  }

  private toWorker<T>(sessionId: string, method: string, params: object = {}, timeoutMs = 30_000): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out in worker`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: Error) => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(e);
      });
    });
  }

  /** After a full GC in the page and in every worker. */
  async measure(): Promise<{ page: HeapUsage; workers: WorkerHeap[] }> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const page = toUsage((await this.cdp.send('Runtime.getHeapUsage')) as RawHeap);
    const workers: WorkerHeap[] = [];
    for (const [sessionId, url] of this.workers) {
      await this.toWorker(sessionId, 'HeapProfiler.collectGarbage');
      workers.push({ url, ...toUsage(await this.toWorker<RawHeap>(sessionId, 'Runtime.getHeapUsage')) });
    }
    return { page, workers };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** "io.worker" from ".../assets/io.worker-D7XUCFHU.js", "maplibre-gl-worker" from "...-CZtFQQIV.mjs". */
export function workerName(url: string): string {
  const file = url.split('/').pop() ?? url;
  return file.replace(/-[A-Za-z0-9_-]{8}\.(m?js)$/, '').replace(/\.(m?js)$/, '');
}
