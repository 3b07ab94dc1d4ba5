/**
 * One GDAL row's app side, run by gdal-load.ts in a process of its own: a fresh heap, as the import worker
 * has one of its own, so the bench's 200 000 parcels in memory do not slow its garbage collection.
 *
 *   node --import tsx scripts/bench/gdal-app-run.ts <file> <runs>   # prints { samples, result } as JSON
 */
import { readFileSync } from 'node:fs';
import initGdalJs from 'gdal3.js/node.js';
import { gdalMessage, runGdalJob, type GdalLike } from '../../src/io/gdal/gdal-engine';
import { setGdalBackend } from '../../src/io/gdal/gdal-runner';
import { runGdalWrite } from '../../src/io/gdal/gdal-write-engine';
import { importFile } from '../../src/io/import/import-file';
import { BIG_LAYER_FEATURES, dropBigLayer, holdBigLayer } from '../../src/workers/big-layers';
import { collectGarbage } from './stats';

export interface AppRun {
  /** ms of each timed run, after one warm-up */
  samples: number[];
  result: { count: number; big: boolean; ids: unknown[]; errors: string[] };
}

/** What the import worker does with a chosen file (io.worker.ts importFilesKeepingBig), minus the postMessage hops. */
async function appLoad(path: string): Promise<AppRun['result']> {
  const bytes = new Uint8Array(readFileSync(path));
  const r = await importFile([{ name: path.split('/').pop()!, bytes }], {});
  const errors = r.issues.filter((i) => i.severity === 'error').map((i) => i.message);
  const layer = r.layers[0];
  if (!layer || r.layers.length !== 1) return { count: 0, big: false, ids: [], errors: [...errors, `${r.layers.length} layers`] };
  const big = layer.features.length > BIG_LAYER_FEATURES;
  if (big) dropBigLayer(holdBigLayer(layer.features).key);
  return { count: layer.features.length, big, ids: layer.features.map((f) => f.properties?.id), errors };
}

async function main(): Promise<void> {
  const [file, runs] = [process.argv[2]!, Number(process.argv[3] ?? 3)];
  const gdal = (await initGdalJs({ errorHandler: gdalMessage })) as unknown as GdalLike;
  setGdalBackend({ run: (job) => runGdalJob(gdal, job), write: (job) => runGdalWrite(gdal, job) });
  let result = await appLoad(file);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const t0 = performance.now();
    result = await appLoad(file);
    samples.push(performance.now() - t0);
  }
  process.stdout.write(`${JSON.stringify({ samples, result } satisfies AppRun)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
