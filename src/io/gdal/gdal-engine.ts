/**
 * What runs next to gdal3.js (in its worker, or in Node for tests): writes a source's files into
 * GDAL's in-memory file system, describes it (`ogrinfo -json`) and turns the chosen layers into
 * GeoJSON (`ogr2ogr`), reprojecting with PROJ's EPSG database when the source declares a CRS.
 */

/** The part of gdal3.js this module uses (the same object in the browser worker and in Node). */
export interface GdalLike {
  open(path: string, options?: string[]): Promise<{ datasets: { pointer: number }[]; errors: unknown[] }>;
  close(ds: { pointer: number }): Promise<void>;
  ogrinfo(ds: { pointer: number }, options?: string[]): Promise<object>;
  ogr2ogr(ds: { pointer: number }, options?: string[], outputName?: string): Promise<{ local: string; all?: { local: string }[] }>;
  getFileBytes(path: string | { local: string }): Promise<Uint8Array>;
  Module: { FS: GdalFs };
}

interface GdalFs {
  mkdir(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  unlink(path: string): void;
  rmdir(path: string): void;
}

export interface GdalJob {
  files: { path: string; bytes: Uint8Array }[];
  open: string;
  /** Layers to convert; undefined: describe only. */
  layers?: string[];
  /** Forced source CRS (user's choice): `-s_srs`. */
  sourceSrs?: string;
  /** A PROJ pipeline from the source to WGS 84 lon/lat (`-ct`), e.g. a planner's 4-parameter set. */
  coordinateOperation?: string;
  /** GDAL open options, e.g. HEADERS=FORCE for spreadsheets. */
  openOptions?: string[];
  /** 'CSV' for tables without geometry (spreadsheet sheets): the Atlas's CSV reader finds the coordinates. */
  as?: 'GeoJSON' | 'CSV';
}

export interface GdalLayerOut {
  name: string;
  /** GeoJSON FeatureCollection text, WGS 84 lon/lat when `reprojected`, else the source's coordinates. */
  geojson: string;
  reprojected: boolean;
}

export interface GdalJobResult {
  /** `ogrinfo -json -so -al` of the dataset, or null when it could not be opened. */
  info: unknown;
  layers: GdalLayerOut[];
  errors: string[];
  /** What GDAL printed while working (warnings such as a missing index file it worked around). */
  warnings: string[];
}

let jobCounter = 0;
let sink: string[] | undefined;

/** GDAL's printed messages go here (gdal3.js `errorHandler`); they are kept for the running job. */
export function gdalMessage(text: string): void {
  sink?.push(text);
}

function removeTree(fs: GdalFs, path: string): void {
  try {
    for (const name of fs.readdir(path)) {
      if (name === '.' || name === '..') continue;
      const p = `${path}/${name}`;
      if (fs.isDir(fs.stat(p).mode)) removeTree(fs, p);
      else fs.unlink(p);
    }
    fs.rmdir(path);
  } catch {
    /* already gone */
  }
}

function message(e: unknown): string {
  if (Array.isArray(e)) return e.map(message).join('; ');
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

function layerHasSrs(info: unknown, name: string): boolean {
  const layers = (info as { layers?: { name: string; geometryFields?: { coordinateSystem?: unknown }[] }[] })?.layers ?? [];
  const l = layers.find((x) => x.name === name);
  return Boolean(l?.geometryFields?.[0]?.coordinateSystem);
}

/**
 * Opens the job's dataset, describes it and converts the requested layers. Never throws: GDAL's
 * complaints come back in `errors`, and the job's files are removed from memory afterwards.
 */
export async function runGdalJob(gdal: GdalLike, job: GdalJob): Promise<GdalJobResult> {
  const fs = gdal.Module.FS;
  const dir = `/input/job${++jobCounter}`;
  const errors: string[] = [];
  const outputs: string[] = [];
  let ds: { pointer: number } | undefined;
  const printed: string[] = [];
  sink = printed;
  // Paths inside GDAL's memory file system mean nothing to the planner.
  const warnings = () => [...new Set(printed.map((m) => m.replace(/^gdal stderr:\s*/, '').replaceAll(`${dir}/`, '').trim()).filter((m) => /warning|error/i.test(m)))];
  try {
    fs.mkdir(dir);
    for (const f of job.files) {
      const parts = f.path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const sub = `${dir}/${parts.slice(0, i).join('/')}`;
        try {
          fs.mkdir(sub);
        } catch {
          /* exists */
        }
      }
      fs.writeFile(`${dir}/${f.path}`, f.bytes);
    }
    const opened = await gdal.open(`${dir}/${job.open}`, job.openOptions ?? []).catch((e: unknown) => ({ datasets: [], errors: [e] }));
    ds = opened.datasets[0];
    if (!ds) {
      errors.push(opened.errors.map(message).join('; ') || 'GDAL could not open the file');
      return { info: null, layers: [], errors, warnings: warnings() };
    }
    const info = await gdal.ogrinfo(ds, ['-json', '-so', '-al']);
    const layers: GdalLayerOut[] = [];
    for (const name of job.layers ?? []) {
      const declared = layerHasSrs(info, name);
      const reproject = Boolean(job.sourceSrs) || declared;
      if (job.as === 'CSV') {
        try {
          const out = await gdal.ogr2ogr(ds, ['-f', 'CSV', name], `table${jobCounter}_${layers.length}`);
          outputs.push(out.local);
          layers.push({ name, geojson: new TextDecoder().decode(await gdal.getFileBytes(out.local)), reprojected: false });
        } catch (e) {
          errors.push(`${name}: ${message(e)}`);
        }
        continue;
      }
      // Coded-value domains get a `<field>_resolved` twin holding the description (GDAL's own way).
      const args = ['-f', 'GeoJSON', '-resolveDomains', '-lco', 'WRITE_NAME=NO'];
      if (job.sourceSrs) args.push('-s_srs', job.sourceSrs);
      if (job.coordinateOperation && reproject) args.push('-ct', job.coordinateOperation);
      // 9 decimals of a degree ≈ 0.1 mm; RFC 7946 also winds rings as GeoJSON expects.
      if (reproject) args.push('-t_srs', 'OGC:CRS84', '-lco', 'RFC7946=YES', '-lco', 'COORDINATE_PRECISION=9');
      args.push(name);
      try {
        const out = await gdal.ogr2ogr(ds, args, `layer${jobCounter}_${layers.length}`);
        outputs.push(out.local);
        const bytes = await gdal.getFileBytes(out.local);
        layers.push({ name, geojson: new TextDecoder().decode(bytes), reprojected: reproject });
      } catch (e) {
        errors.push(`${name}: ${message(e)}`);
      }
    }
    return { info, layers, errors, warnings: warnings() };
  } catch (e) {
    errors.push(message(e));
    return { info: null, layers: [], errors, warnings: warnings() };
  } finally {
    sink = undefined;
    if (ds) await gdal.close(ds).catch(() => undefined);
    for (const o of outputs) {
      try {
        fs.unlink(o);
      } catch {
        /* gone */
      }
    }
    removeTree(fs, dir);
  }
}
