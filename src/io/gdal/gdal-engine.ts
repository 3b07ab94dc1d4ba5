/**
 * What runs next to gdal3.js (in its worker, or in Node for tests): writes a source's files into
 * GDAL's in-memory file system, describes it (`ogrinfo -json`) and converts the chosen layers
 * (`ogr2ogr`, gdal-layer-output.ts), reprojecting with PROJ's EPSG database when the source declares a CRS.
 */
import { convertLayer, type GdalLayerOut } from './gdal-layer-output';

export type { GdalLayerOut } from './gdal-layer-output';

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

function geometryFieldOf(info: unknown, name: string): { coordinateSystem?: unknown; type?: unknown } | undefined {
  const layers = (info as { layers?: { name: string; geometryFields?: { coordinateSystem?: unknown; type?: unknown }[] }[] })?.layers ?? [];
  return layers.find((x) => x.name === name)?.geometryFields?.[0];
}

/** Already what the import wants (lon/lat on WGS 84): PROJ would only swap the axes back. */
function isLonLatWgs84(field: { coordinateSystem?: unknown } | undefined): boolean {
  const id = (field?.coordinateSystem as { projjson?: { id?: { authority?: unknown; code?: unknown } } } | null | undefined)?.projjson?.id;
  return (id?.authority === 'EPSG' && Number(id.code) === 4326) || (id?.authority === 'OGC' && id.code === 'CRS84');
}

/**
 * FlatGeobuf keeps Z per layer, so only a layer of one declared type (a GeoPackage table, a feature class)
 * takes the binary way; a mixed one (a CAD drawing's entities, with elevations) keeps every Z as GeoJSON.
 */
function oneGeometryType(field: { type?: unknown } | undefined): boolean {
  return typeof field?.type === 'string' && !/^(geometry|unknown|.*collection|none)/i.test(field.type);
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
    const open = () => gdal.open(`${dir}/${job.open}`, job.openOptions ?? []).catch((e: unknown) => ({ datasets: [], errors: [e] }));
    const opened = await open();
    ds = opened.datasets[0];
    if (!ds) {
      errors.push(opened.errors.map(message).join('; ') || 'GDAL could not open the file');
      return { info: null, layers: [], errors, warnings: warnings() };
    }
    const info = await gdal.ogrinfo(ds, ['-json', '-so', '-al']);
    const layers: GdalLayerOut[] = [];
    for (const name of job.layers ?? []) {
      const field = geometryFieldOf(info, name);
      const declared = Boolean(field?.coordinateSystem);
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
      try {
        layers.push(await convertLayer(gdal, ds, name, { reproject, binary: oneGeometryType(field), wgs84: !job.sourceSrs && !job.coordinateOperation && isLonLatWgs84(field), ...(job.sourceSrs ? { sourceSrs: job.sourceSrs } : {}), ...(job.coordinateOperation ? { coordinateOperation: job.coordinateOperation } : {}) }, `layer${jobCounter}_${layers.length}`, outputs, async () => (await open()).datasets[0]));
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
