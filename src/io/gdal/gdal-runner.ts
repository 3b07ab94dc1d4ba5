/** How the app reaches GDAL: the GDAL worker's client in the browser, gdal3.js itself in Node tests. */
import type { GdalJob, GdalJobResult } from './gdal-engine';
import type { GdalWriteJob, GdalWriteResult } from './gdal-write-engine';

export interface GdalBackend {
  run(job: GdalJob): Promise<GdalJobResult>;
  write(job: GdalWriteJob): Promise<GdalWriteResult>;
}

let backend: GdalBackend | undefined;

export function setGdalBackend(b: GdalBackend | undefined): void {
  backend = b;
}

export function gdalBackend(): GdalBackend | undefined {
  return backend;
}
