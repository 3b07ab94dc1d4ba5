/**
 * Shapefile reader (zipped or loose .shp/.dbf/.prj/.cpg): geometry and attributes by shpjs's
 * parseShp/parseDbf; encoding from .cpg, the dbf language byte, or by trying UTF-8 then GBK;
 * CRS from .prj (proj4) or guessed from coordinate magnitudes; our own reprojection.
 */
import type { Geometry } from 'geojson';
import { parseShp } from 'shpjs';
import { bboxOf } from '../coords';
import { normalizeFeatures, type RawFeature } from '../normalize';
import { createIdAllocator, type IdAllocator } from '../sanitize';
import { baseName, decodeText, extensionOf } from '../text';
import { makeIssue, type ImportedLayer, type ImportIssue, type ImportOptions, type ImportResult, type InputFile, type TextEncodingOption } from '../types';
import { chooseCrs } from './crs-choice';
import { readDbfText } from './dbf-text';
export { dbfEncoding, dbfTextCells } from './shapefile-encoding';
import { convertsGcj02, gcj02Step } from './gcj02-step';
import { SHAPEFILE_PARTS } from '../formats';


export interface ShapefileGroup {
  /** Path without extension, e.g. `data/河南省`. */
  base: string;
  shp?: InputFile;
  dbf?: InputFile;
  prj?: InputFile;
  cpg?: InputFile;
}

/** Groups shapefile parts by path without extension (case-insensitive extensions). */
export function groupShapefileParts(files: readonly InputFile[]): ShapefileGroup[] {
  const groups = new Map<string, ShapefileGroup>();
  for (const f of files) {
    const ext = extensionOf(f.name);
    if (!SHAPEFILE_PARTS.has(ext)) continue;
    const base = f.name.slice(0, f.name.length - ext.length - 1);
    const key = base.toLowerCase();
    const g = groups.get(key) ?? { base };
    if (ext === 'shp' || ext === 'dbf' || ext === 'prj' || ext === 'cpg') g[ext] = f;
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.shp || g.dbf);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** dbf values as plain JSON: dates as 'YYYY-MM-DD' (local, as written), blank numbers as null. */
function cleanRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const v = row[key];
    let value: unknown = v;
    if (v instanceof Date) value = Number.isNaN(v.getTime()) ? null : `${v.getFullYear()}-${pad2(v.getMonth() + 1)}-${pad2(v.getDate())}`;
    else if (typeof v === 'number' && Number.isNaN(v)) value = null;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Reads one shapefile group into one layer. */
export function readShapefile(group: ShapefileGroup, options: ImportOptions = {}, ids: IdAllocator = createIdAllocator()): ImportResult {
  const issues: ImportIssue[] = [];
  const file = group.shp?.name ?? `${group.base}.shp`;
  if (!group.shp) {
    issues.push(makeIssue('error', 'shp-missing-shp', group.dbf?.name ?? file, `The .shp file for "${group.base}" is missing; only the attribute table was given.`));
    return { layers: [], issues };
  }
  let geometries: (Geometry | null)[];
  try {
    geometries = parseShp(group.shp.bytes);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    const code = /shp type/i.test(msg) ? 'shp-unsupported-type' : 'read-failed';
    issues.push(makeIssue('error', code, file, `The .shp file could not be read: ${msg}.`, { params: { detail: msg } }));
    return { layers: [], issues };
  }
  let rows: Record<string, unknown>[] = [];
  let encoding: TextEncodingOption | undefined;
  let doubt: Pick<ImportedLayer, 'encodingDoubt' | 'encodingChoices'> = {};
  if (!group.dbf) {
    issues.push(makeIssue('warning', 'shp-missing-dbf', file, 'The .dbf file is missing; features were loaded without attributes.'));
  } else {
    const text = readDbfText(group.dbf, group.cpg, options, cleanRow);
    rows = text.rows;
    encoding = text.encoding;
    issues.push(...text.issues);
    if (text.doubt) doubt = { encodingDoubt: text.doubt, encodingChoices: text.choices ?? [] };
    if (rows.length && rows.length !== geometries.length) {
      issues.push(
        makeIssue('warning', 'shp-record-count-mismatch', file, `The .shp has ${geometries.length} shapes but the .dbf has ${rows.length} rows; matched by order.`, {
          params: { shapes: geometries.length, rows: rows.length },
        }),
      );
    }
  }
  const raw: RawFeature[] = geometries.map((geometry, i) => ({ geometry, properties: rows[i] ?? {} }));
  const prjText = group.prj ? decodeText(group.prj.bytes).text : undefined;
  const choice = chooseCrs({ file, declared: prjText?.trim() || undefined, defaultWgs84: false, bbox: bboxOf(geometries), options });
  issues.push(...choice.issues);
  if (!choice.crs && geometries.some(Boolean)) return { layers: [], issues };
  const { features, issues: fi } = normalizeFeatures(raw, { file, ids, gcj02: convertsGcj02(options, file), ...(choice.crs ? { crs: choice.crs } : {}) });
  issues.push(...fi);
  // Only lon/lat can be GCJ-02: a projected (Gauss–Krüger) layer is not.
  const gcj = choice.crs?.geographic !== false ? gcj02Step(features, file, options, { declared: !!prjText?.trim(), formatImpliesWgs84: false }) : { issues: [], layer: {} };
  issues.push(...gcj.issues);
  const layer = {
    name: baseName(group.base + '.shp'),
    features,
    source: file,
    ...(encoding ? { encoding } : {}),
    ...doubt,
    ...(choice.info ? { crs: choice.info } : {}),
    ...gcj.layer,
  };
  return { layers: [layer], issues, ...(choice.info ? { crs: choice.info } : {}) };
}

/** Reads every shapefile among `files` (loose parts or zip entries); one layer per .shp. */
export function importShapefiles(files: readonly InputFile[], options: ImportOptions = {}, ids: IdAllocator = createIdAllocator()): ImportResult {
  const result: ImportResult = { layers: [], issues: [] };
  for (const g of groupShapefileParts(files)) {
    const r = readShapefile(g, options, ids);
    result.layers.push(...r.layers);
    result.issues.push(...r.issues);
    if (!result.crs && r.crs) result.crs = r.crs;
  }
  return result;
}
