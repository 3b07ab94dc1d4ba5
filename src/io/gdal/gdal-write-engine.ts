/**
 * Writing next to gdal3.js: GeoJSON layers (WGS 84) into a GeoPackage, File Geodatabase, DXF or
 * FlatGeobuf with `ogr2ogr`, optionally reprojected (PROJ), and the output files read back.
 */
import type { GdalLike } from './gdal-engine';

export type GdalWriteDriver = 'GPKG' | 'OpenFileGDB' | 'DXF' | 'FlatGeobuf';

export interface GdalWriteJob {
  driver: GdalWriteDriver;
  /** One GDAL layer each (DXF and FlatGeobuf hold one: give them one). */
  layers: { name: string; geojson: string; /** Layer creation options (`-lco`), e.g. LAYER_ALIAS=… */ options?: string[] }[];
  /** e.g. 'EPSG:4526'; WGS 84 lon/lat when absent. */
  targetSrs?: string;
  /** Output base name (no extension). */
  output: string;
}

export interface GdalWriteResult {
  /** Paths relative to the output folder, e.g. `plan.gpkg` or `plan.gdb/a00000009.gdbtable`. */
  files: { path: string; bytes: Uint8Array }[];
  errors: string[];
}

let writeCounter = 0;

function message(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message).trim();
  return String(e);
}

/** Never throws; the inputs and outputs are removed from GDAL's memory afterwards. */
export async function runGdalWrite(gdal: GdalLike, job: GdalWriteJob): Promise<GdalWriteResult> {
  const fs = gdal.Module.FS;
  const n = ++writeCounter;
  const dir = `/input/write${n}`;
  const output = `w${n}_${job.output.replace(/[^\w\u4e00-\u9fff-]+/g, '_') || 'export'}`;
  const errors: string[] = [];
  const files: GdalWriteResult['files'] = [];
  const cleanup: string[] = [];
  try {
    fs.mkdir(dir);
    let written: { local: string; all?: { local: string }[] } | undefined;
    for (let i = 0; i < job.layers.length; i++) {
      const layer = job.layers[i]!;
      const input = `${dir}/${i}.geojson`;
      fs.writeFile(input, new TextEncoder().encode(layer.geojson));
      cleanup.push(input);
      const ds = (await gdal.open(input)).datasets[0];
      if (!ds) {
        errors.push(`${layer.name}: GDAL could not read the features`);
        continue;
      }
      const args = ['-f', job.driver, '-nln', layer.name, ...(layer.options ?? []).flatMap((o) => ['-lco', o])];
      if (job.targetSrs) args.push('-s_srs', 'OGC:CRS84', '-t_srs', job.targetSrs);
      if (written) args.push('-update', '-append');
      try {
        written = await gdal.ogr2ogr(ds, args, output);
      } catch (e) {
        errors.push(`${layer.name}: ${message(e)}`);
      } finally {
        await gdal.close(ds).catch(() => undefined);
      }
    }
    if (written) {
      const root = written.local.slice(0, written.local.lastIndexOf('/') + 1);
      for (const f of written.all ?? [written]) {
        files.push({ path: f.local.slice(root.length).replace(`${output}`, job.output), bytes: await gdal.getFileBytes(f.local) });
        cleanup.push(f.local);
      }
    }
  } catch (e) {
    errors.push(message(e));
  } finally {
    for (const p of cleanup) {
      try {
        fs.unlink(p);
      } catch {
        /* gone */
      }
    }
    try {
      if (job.driver === 'OpenFileGDB') fs.rmdir(`/output/${output}.gdb`);
    } catch {
      /* not there */
    }
    try {
      fs.rmdir(dir);
    } catch {
      /* gone */
    }
  }
  return { files, errors };
}
