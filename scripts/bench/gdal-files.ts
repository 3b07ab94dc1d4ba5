/**
 * The GDAL bench's inputs: the parcels written as a GeoPackage and as a zipped File Geodatabase, by native
 * GDAL (Debian's gdal-bin) when it is installed, else by gdal3.js; and native GDAL's own figures about them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { GdalLike } from '../../src/io/gdal/gdal-engine';

export const GDAL_INSTALL_HINT = 'sudo apt-get install -y gdal-bin';
export const LAYER = 'parcels';

export interface NativeGdal {
  version: string;
}

/** Native GDAL's version, or why it is not there. */
export function findNativeGdal(): NativeGdal | { missing: string } {
  const r = spawnSync('ogr2ogr', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { missing: 'gdal-bin not installed' };
  const info = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' });
  if (info.error || info.status !== 0) return { missing: 'gdal-bin not installed (no ogrinfo)' };
  return { version: r.stdout.trim().replace(/,.*$/, '') };
}

export interface BenchFiles {
  gpkg: string;
  gdbZip: string;
  /** What native GDAL opens for the zipped File Geodatabase. */
  gdbZipNative: string;
  /** 'native GDAL 3.6.2' or 'gdal3.js'. */
  madeBy: string;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr.trim().split('\n').pop()}`);
  return r.stdout;
}

function zipFolder(folder: string, name: string, out: string): void {
  const entries: Record<string, Uint8Array> = {};
  for (const f of readdirSync(folder)) entries[`${name}/${f}`] = new Uint8Array(readFileSync(join(folder, f)));
  writeFileSync(out, zipSync(entries, { level: 6 }));
}

/** Writes `geojsonPath`'s parcels as `parcels.gpkg` and `parcels.gdb.zip` into `dir`. */
export async function makeBenchFiles(dir: string, geojsonPath: string, native: NativeGdal | null, gdal: GdalLike | null): Promise<BenchFiles> {
  const gpkg = join(dir, `${LAYER}.gpkg`);
  const gdbZip = join(dir, `${LAYER}.gdb.zip`);
  const gdbDir = join(dir, `${LAYER}.gdb`);
  if (native) {
    run('ogr2ogr', ['-f', 'GPKG', gpkg, geojsonPath, '-nln', LAYER]);
    run('ogr2ogr', ['-f', 'OpenFileGDB', gdbDir, geojsonPath, '-nln', LAYER]);
    zipFolder(gdbDir, `${LAYER}.gdb`, gdbZip);
    return { gpkg, gdbZip, gdbZipNative: `/vsizip/${gdbZip}/${LAYER}.gdb`, madeBy: `native ${native.version}` };
  }
  if (!gdal) throw new Error('neither native GDAL nor gdal3.js given');
  const fs = gdal.Module.FS;
  const folder = '/input/bench-source';
  fs.mkdir(folder);
  fs.writeFile(`${folder}/${LAYER}.geojson`, new Uint8Array(readFileSync(geojsonPath)));
  const { datasets } = await gdal.open(`${folder}/${LAYER}.geojson`);
  const ds = datasets[0];
  if (!ds) throw new Error('gdal3.js could not open the parcels');
  try {
    const g = await gdal.ogr2ogr(ds, ['-f', 'GPKG', '-nln', LAYER], LAYER);
    writeFileSync(gpkg, await gdal.getFileBytes(g.local));
    const f = await gdal.ogr2ogr(ds, ['-f', 'OpenFileGDB', '-nln', LAYER], `${LAYER}-gdb`);
    const entries: Record<string, Uint8Array> = {};
    for (const part of f.all ?? []) entries[`${LAYER}.gdb/${part.local.split('/').pop()}`] = await gdal.getFileBytes(part.local);
    writeFileSync(gdbZip, zipSync(entries, { level: 6 }));
  } finally {
    await gdal.close(ds);
  }
  return { gpkg, gdbZip, gdbZipNative: `/vsizip/${gdbZip}/${LAYER}.gdb`, madeBy: 'gdal3.js' };
}

/** `ogrinfo -so` of the layer: its feature count as native GDAL reads it. */
export function nativeFeatureCount(source: string): number {
  const m = /Feature Count: (\d+)/.exec(run('ogrinfo', ['-so', source, LAYER]));
  if (!m) throw new Error(`ogrinfo gave no feature count for ${source}`);
  return Number(m[1]);
}

/** Wall time (ms) of native `ogr2ogr -f GeoJSON out source`, the process start included. */
export function nativeToGeoJson(source: string, out: string): number {
  const t0 = performance.now();
  run('ogr2ogr', ['-f', 'GeoJSON', out, source]);
  return performance.now() - t0;
}
