/** gdal3.js in Node for the unit tests: started once per test file, installed as the import's GDAL runner. */
import initGdalJs from 'gdal3.js/node.js';
import { gdalMessage, runGdalJob, type GdalLike } from '../../../../src/io/gdal/gdal-engine';
import { setGdalRunner } from '../../../../src/io/gdal/gdal-runner';

let started: Promise<GdalLike> | undefined;

export function useNodeGdal(): Promise<GdalLike> {
  started ??= (initGdalJs({ errorHandler: gdalMessage }) as Promise<unknown>).then((g) => g as GdalLike);
  return started.then((gdal) => {
    setGdalRunner((job) => runGdalJob(gdal, job));
    return gdal;
  });
}
