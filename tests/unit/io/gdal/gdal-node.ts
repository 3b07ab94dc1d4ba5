/** gdal3.js in Node for the unit tests: started once per test file, installed as the import's GDAL runner. */
import initGdalJs from 'gdal3.js/node.js';
import { gdalMessage, runGdalJob, type GdalLike } from '../../../../src/io/gdal/gdal-engine';
import { setGdalBackend } from '../../../../src/io/gdal/gdal-runner';
import { runGdalWrite } from '../../../../src/io/gdal/gdal-write-engine';

let started: Promise<GdalLike> | undefined;

export function useNodeGdal(): Promise<GdalLike> {
  started ??= (initGdalJs({ errorHandler: gdalMessage }) as Promise<unknown>).then((g) => g as GdalLike);
  return started.then((gdal) => {
    setGdalBackend({ run: (job) => runGdalJob(gdal, job), write: (job) => runGdalWrite(gdal, job) });
    return gdal;
  });
}
