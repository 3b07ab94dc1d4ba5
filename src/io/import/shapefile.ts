/**
 * Shapefile reader (zipped or loose .shp/.dbf/.prj/.cpg): geometry and attributes by shpjs's
 * parseShp/parseDbf; encoding from .cpg, the dbf language byte, or by trying UTF-8 then GBK;
 * CRS from .prj (proj4) or guessed from coordinate magnitudes; our own reprojection.
 */
import type { Geometry } from 'geojson';
import { parseDbf, parseShp } from 'shpjs';
import { bboxOf } from '../coords';
import { normalizeFeatures, type RawFeature } from '../normalize';
import { createIdAllocator, type IdAllocator } from '../sanitize';
import { baseName, decodeText, detectEncoding, extensionOf, normalizeEncodingLabel, type TextEncodingName } from '../text';
import { makeIssue, type ImportIssue, type ImportOptions, type ImportResult, type InputFile } from '../types';
import { chooseCrs } from './crs-choice';
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

/** Byte runs of a dbf that hold text: field names and the cells of character fields (sampled). */
export function dbfTextCells(dbf: Uint8Array, maxRecords = 20000): Uint8Array[] {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.length < 32) return [];
  const records = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recLen = view.getUint16(10, true);
  const cells: Uint8Array[] = [];
  const fields: { offset: number; len: number }[] = [];
  let rec = 1; // deletion flag
  for (let off = 32; off + 32 <= headerLen && dbf[off] !== 0x0d; off += 32) {
    const nameEnd = dbf.subarray(off, off + 11).indexOf(0);
    cells.push(dbf.subarray(off, off + (nameEnd < 0 ? 11 : nameEnd)));
    const len = dbf[off + 16]!;
    if (dbf[off + 11] === 0x43 /* C */) fields.push({ offset: rec, len });
    rec += len;
  }
  for (let r = 0; r < Math.min(records, maxRecords); r++) {
    const base = headerLen + r * recLen;
    for (const f of fields) {
      const start = base + f.offset;
      if (start + f.len > dbf.length) break;
      let end = start + f.len;
      while (end > start && (dbf[end - 1] === 0x20 || dbf[end - 1] === 0)) end--;
      if (end > start) cells.push(dbf.subarray(start, end));
    }
  }
  return cells;
}

/** Drops an incomplete UTF-8 sequence at the end (writers cut long text at the field width). */
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (b[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return need > back ? b.subarray(0, i) : b;
}

/** Encoding of a dbf: .cpg, then the language driver byte, then the bytes themselves. */
export function dbfEncoding(dbf: Uint8Array, cpgText?: string): { encoding: TextEncodingName; source: 'cpg' | 'ldid' | 'detected'; mismatch: boolean } {
  const declared = normalizeEncodingLabel(cpgText);
  const ldid = dbf[29];
  const ldidHint: TextEncodingName | undefined = ldid === 0x4d || ldid === 0x7a ? 'gbk' : undefined;
  const cells = dbfTextCells(dbf);
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, c) => n + c.length + 1, 0));
    let o = 0;
    for (const c of parts) {
      out.set(c, o);
      o += c.length + 1; // a zero byte between cells keeps sequences from joining
    }
    return out;
  };
  // The language byte is only a label for the note: writers set it carelessly, the bytes decide.
  const { encoding, mismatch } = detectEncoding(join(cells), declared, join(cells.map(trimPartialUtf8)));
  return { encoding, source: declared ? 'cpg' : encoding === 'gbk' && ldidHint ? 'ldid' : 'detected', mismatch };
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
  let encoding: TextEncodingName | undefined;
  if (!group.dbf) {
    issues.push(makeIssue('warning', 'shp-missing-dbf', file, 'The .dbf file is missing; features were loaded without attributes.'));
  } else {
    const cpgText = group.cpg ? decodeText(group.cpg.bytes).text : undefined;
    const enc = dbfEncoding(group.dbf.bytes, cpgText);
    encoding = enc.encoding;
    if (enc.mismatch) {
      issues.push(
        makeIssue('warning', 'encoding-mismatch', group.dbf.name, `The .cpg says "${cpgText?.trim()}" but the attribute text is ${enc.encoding.toUpperCase()}; read as ${enc.encoding.toUpperCase()}.`, {
          params: { declared: cpgText?.trim() ?? '', used: enc.encoding },
        }),
      );
    } else if (enc.encoding === 'gbk') {
      issues.push(
        makeIssue('info', 'encoding-gbk', group.dbf.name, `Attribute text is GBK (${enc.source === 'cpg' ? 'from the .cpg' : enc.source === 'ldid' ? 'from the dbf language byte' : 'detected: not valid UTF-8'}).`, {
          params: { source: enc.source },
        }),
      );
    }
    try {
      rows = parseDbf(group.dbf.bytes, enc.encoding).map(cleanRow);
    } catch (e) {
      issues.push(makeIssue('warning', 'read-failed', group.dbf.name, `The .dbf could not be read (${(e as Error).message}); features were loaded without attributes.`));
    }
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
