/**
 * The import worker's way to GDAL: a worker of its own, created on the first file that needs it
 * (never for GeoJSON, KML, GPX, Shapefile or CSV), so the 40 MB library is fetched only then.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { GdalJob, GdalJobResult } from '../io/gdal/gdal-engine';
import type { GdalWriteJob, GdalWriteResult } from '../io/gdal/gdal-write-engine';
import type { GdalWorkerApi, LibraryProgressFn } from './gdal.worker';

let remote: Remote<GdalWorkerApi> | null = null;
let loaded = false;

async function gdalWorker(onLibraryProgress?: LibraryProgressFn): Promise<Remote<GdalWorkerApi>> {
  if (!remote) remote = wrap<GdalWorkerApi>(new Worker(new URL('./gdal.worker.ts', import.meta.url), { type: 'module' }));
  if (!loaded) {
    await remote.load(onLibraryProgress ? proxy(onLibraryProgress) : undefined);
    loaded = true;
  }
  return remote;
}

/** Runs a read job in the GDAL worker; `onLibraryProgress` hears the download on first use. */
export async function runInGdalWorker(job: GdalJob, onLibraryProgress?: LibraryProgressFn): Promise<GdalJobResult> {
  return (await gdalWorker(onLibraryProgress)).run(job);
}

/** Runs a write job in the GDAL worker. */
export async function writeInGdalWorker(job: GdalWriteJob): Promise<GdalWriteResult> {
  return (await gdalWorker()).write(job);
}
