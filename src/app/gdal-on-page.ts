/**
 * On the page, GDAL writes (export) go to the import worker, which owns the one GDAL worker; reading
 * never happens here (imports run in the import worker).
 */
import { setGdalBackend } from '../io/gdal/gdal-runner';
import { ioWorker } from '../workers/io-client';

setGdalBackend({
  run: () => Promise.reject(new Error('GDAL reads run in the import worker')),
  write: (job) => ioWorker().gdalWrite(job),
});
