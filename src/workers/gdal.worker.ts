/// <reference lib="webworker" />
/**
 * GDAL (gdal3.js, WebAssembly) in a worker of its own, started only when a file needs it. Its ~40 MB
 * of wasm and data come from the app's own origin (Vite copies them into the build); loading reports
 * progress, and a missing or broken file rejects with a message instead of hanging.
 */
import { expose, transfer } from 'comlink';
import wasmUrl from 'gdal3.js/dist/package/gdal3WebAssembly.wasm?url';
import dataUrl from 'gdal3.js/dist/package/gdal3WebAssembly.data?url';
import { gdalMessage, runGdalJob, type GdalJob, type GdalLike } from '../io/gdal/gdal-engine';
import { runGdalWrite, type GdalWriteJob } from '../io/gdal/gdal-write-engine';
import { countingFetch, countingXhr, type ByteCounter } from './gdal-loading';

export type LibraryProgressFn = (fraction: number) => void;

let ready: Promise<GdalLike> | undefined;
let listener: LibraryProgressFn | undefined;

const absolute = (u: string) => new URL(u, self.location.href).href;

async function start(): Promise<GdalLike> {
  const urls = [absolute(wasmUrl), absolute(dataUrl)];
  // A missing asset would leave gdal3.js waiting for ever: check both before starting it.
  const sizes = await Promise.all(
    urls.map(async (u) => {
      const r = await fetch(u, { method: 'HEAD' });
      if (!r.ok) throw new Error(`${u.split('/').pop()} is not on this site (HTTP ${r.status})`);
      return Number(r.headers.get('content-length')) || 0;
    }),
  );
  const counter: ByteCounter = { loaded: new Map(), total: sizes[0]! + sizes[1]!, report: (f) => listener?.(f) };
  const restore = [countingFetch(counter), countingXhr(counter)];
  try {
    const initGdalJs = (await import('gdal3.js')).default;
    // gdal3.js installs a message handler of its own for its worker mode; comlink's is the one used here.
    self.onmessage = null;
    const gdal = await initGdalJs({ paths: { wasm: urls[0]!, data: urls[1]! }, useWorker: false, logHandler: () => undefined, errorHandler: gdalMessage });
    listener?.(1);
    return gdal as unknown as GdalLike;
  } finally {
    for (const undo of restore) undo();
  }
}

const api = {
  /** Loads GDAL (once); `onProgress` hears the download fraction on the first call. */
  async load(onProgress?: LibraryProgressFn): Promise<void> {
    listener = onProgress;
    ready ??= start().catch((e: unknown) => {
      ready = undefined;
      throw e instanceof Error ? e : new Error(String(e));
    });
    await ready;
    listener = undefined;
  },
  async run(job: GdalJob) {
    await api.load();
    const result = await runGdalJob(await ready!, job);
    // The geometries (tens of MB for a big layer) move to the import worker instead of being copied;
    // only buffers of their own (never a view of GDAL's memory) are handed over.
    const own = result.layers.flatMap((l) => (l.geometries && l.geometries.byteOffset === 0 && l.geometries.byteLength === l.geometries.buffer.byteLength ? [l.geometries.buffer as ArrayBuffer] : []));
    return transfer(result, own);
  },
  async write(job: GdalWriteJob) {
    await api.load();
    return runGdalWrite(await ready!, job);
  },
};

export type GdalWorkerApi = typeof api;
expose(api);
