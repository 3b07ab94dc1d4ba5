/** How the import reaches GDAL: the GDAL worker's client in the browser, gdal3.js itself in Node tests. */
import type { GdalJob, GdalJobResult } from './gdal-engine';

export type GdalRunner = (job: GdalJob) => Promise<GdalJobResult>;

let runner: GdalRunner | undefined;

export function setGdalRunner(r: GdalRunner | undefined): void {
  runner = r;
}

export function gdalRunner(): GdalRunner | undefined {
  return runner;
}
