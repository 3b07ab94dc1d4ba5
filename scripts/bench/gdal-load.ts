/**
 * The GDAL rows of `npm run bench`: 200 000 parcels as a GeoPackage and as a zipped File Geodatabase, from
 * the file's bytes to a layer ready as the import worker holds a big layer (GDAL in WebAssembly, validated,
 * indexed, vector tiles), against native `ogr2ogr -f GeoJSON` of the same file; and gdal3.js's cold start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initGdalJs from 'gdal3.js/node.js';
import type { GdalLike } from '../../src/io/gdal/gdal-engine';
import { BIG_LAYER_FEATURES } from '../../src/workers/big-layers';
import type { AppRun } from './gdal-app-run';
import { findNativeGdal, GDAL_INSTALL_HINT, makeBenchFiles, nativeFeatureCount, nativeToGeoJson, type NativeGdal } from './gdal-files';
import type { Check, Measure } from './report';
import { summarize, type Timing } from './stats';

const RUNS = 3;
const COLD_RUNS = 5;

interface Inputs {
  root: string;
  /** The parcels as GeoJSON text, and their ids in order. */
  text: string;
  ids: readonly string[];
  log: (msg: string) => void;
}

/** The app side of a row, in a process of its own (gdal-app-run.ts). */
function appRuns(root: string, file: string, runs: number): { timing: Timing; result: AppRun['result'] } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/gdal-app-run.ts'), file, String(runs)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`the app's GDAL import failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as AppRun;
  return { timing: summarize(out.samples), result: out.result };
}

function timeNative(fn: () => number, runs: number): Timing {
  fn();
  return summarize(Array.from({ length: runs }, fn));
}

/** gdal3.js started in a fresh Node process each time: reading its files, compiling the wasm, the whole init. */
function coldStarts(root: string, runs: number): { init: Timing; read: Timing; compile: Timing } {
  const script = `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const require = createRequire(process.cwd() + '/');
    const dir = require.resolve('gdal3.js/package.json').replace(/package\\.json$/, 'dist/package/');
    let t = performance.now();
    const wasm = readFileSync(dir + 'gdal3WebAssembly.wasm');
    readFileSync(dir + 'gdal3WebAssembly.data');
    const read = performance.now() - t;
    t = performance.now();
    await WebAssembly.compile(wasm);
    const compile = performance.now() - t;
    const { default: initGdalJs } = await import('gdal3.js/node.js');
    t = performance.now();
    await initGdalJs();
    console.log(JSON.stringify({ read, compile, init: performance.now() - t }));`;
  const out = Array.from({ length: runs }, () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gdal3.js cold start failed: ${r.stderr.trim().split('\n').pop()}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { read: number; compile: number; init: number };
  });
  return { init: summarize(out.map((o) => o.init)), read: summarize(out.map((o) => o.read)), compile: summarize(out.map((o) => o.compile)) };
}

/** The GDAL measures; temporary files are removed at the end, also on error. */
export async function gdalMeasures({ root, text, ids, log }: Inputs): Promise<{ measures: Measure[]; status: string }> {
  const found = findNativeGdal();
  const native: NativeGdal | null = 'missing' in found ? null : found;
  const skipped = native ? undefined : `skipped (${(found as { missing: string }).missing}; ${GDAL_INSTALL_HINT})`;
  if (skipped) log(`native GDAL comparison ${skipped}`);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-gdal-'));
  try {
    log('GDAL: cold starts of gdal3.js …');
    const cold = coldStarts(root, COLD_RUNS);
    const nativeStart = native ? timeNative(() => {
      const t0 = performance.now();
      spawnSync('ogrinfo', ['--formats'], { encoding: 'utf8' });
      return performance.now() - t0;
    }, COLD_RUNS) : null;
    // Without native GDAL, gdal3.js writes the files.
    const gdal = native ? null : ((await initGdalJs()) as unknown as GdalLike);
    const geojsonPath = join(dir, 'parcels.geojson');
    writeFileSync(geojsonPath, text);
    log('GDAL: writing the parcels as .gpkg and .gdb.zip …');
    const files = await makeBenchFiles(dir, geojsonPath, native, gdal);
    const measures: Measure[] = [
      {
        id: 'gdal-cold-start',
        title: 'gdal3.js cold start (read 28 MB wasm + 12 MB data, compile, init), a fresh process each run',
        ours: cold.init,
        oursNote: 'initGdalJs() of gdal3.js/node.js; the browser fetches the same two files from the site instead of reading them',
        baselines: [{ name: `native GDAL start: ogrinfo --formats${native ? ` (${native.version})` : ''}`, timing: nativeStart, kind: 'cost', ...(skipped ? { note: skipped } : {}) }],
        checks: [],
        details: { readMs: cold.read, compileMs: cold.compile },
      },
    ];
    for (const [kind, path, nativeSource, label] of [
      ['gpkg', files.gpkg, files.gpkg, 'GeoPackage'],
      ['gdb', files.gdbZip, files.gdbZipNative, 'zipped File Geodatabase'],
    ] as const) {
      const mb = (statSync(path).size / 1e6).toFixed(0);
      log(`GDAL: ${label} (${mb} MB) through the app's import …`);
      const ours = appRuns(root, path, RUNS);
      const out = join(dir, `native-${kind}.geojson`);
      const nativeTiming = native
        ? timeNative(() => {
            rmSync(out, { force: true });
            return nativeToGeoJson(nativeSource, out);
          }, RUNS)
        : null;
      const expected = native ? nativeFeatureCount(nativeSource) : null;
      const r = ours.result;
      const checks: Check[] = [
        expected === null
          ? { text: `${r.count} features (ogrinfo not run: gdal-bin not installed)`, ok: r.count === ids.length }
          : { text: `${r.count} features, ogrinfo: ${expected}`, ok: r.count === expected },
        { text: r.ids.length === ids.length && r.ids.every((id, i) => id === ids[i]) ? 'ids identical to the generated parcels, in order' : 'ids differ from the generated parcels', ok: r.ids.length === ids.length && r.ids.every((id, i) => id === ids[i]) },
        { text: r.big ? 'held as a big layer (index + vector tiles in the worker)' : `not a big layer (≤ ${BIG_LAYER_FEATURES} features)`, ok: r.big || ids.length <= BIG_LAYER_FEATURES },
        { text: `${r.errors.length} errors${r.errors.length ? `: ${r.errors[0]}` : ''}`, ok: r.errors.length === 0 },
      ];
      measures.push({
        id: `gdal-${kind}`,
        title: `${ids.length} parcels as a ${label} (${mb} MB, made by ${files.madeBy}): file → layer ready (GDAL in WebAssembly, validated, indexed, tiled)`,
        ours: ours.timing,
        oursNote: "in a process of its own, as the import worker is: read the file, importFile (gdal3.js: ogrinfo + ogr2ogr, FlatGeobuf geometries + GeoJSON attributes; JSON.parse, validation, ids), holdBigLayer (index, geojson-vt tiles); the browser adds the two workers' message hops",
        baselines: [{ name: `native ogr2ogr -f GeoJSON of the same file${native ? ` (${native.version})` : ''}`, timing: nativeTiming, kind: 'cost', goal: 2.5, ...(skipped ? { note: skipped } : {}) }],
        checks,
        details: { bytes: statSync(path).size, madeBy: files.madeBy, nativeFeatureCount: expected },
      });
    }
    return { measures, status: native ? `native ${native.version}` : skipped! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
