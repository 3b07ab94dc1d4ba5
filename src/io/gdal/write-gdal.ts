/**
 * Export through GDAL: GeoPackage, File Geodatabase (zipped `.gdb`), DXF and FlatGeobuf, in WGS 84
 * or a chosen CRS (e.g. a CGCS2000 Gauss–Krüger zone). One layer per geometry family, since a
 * feature class (and a FlatGeobuf file) holds one geometry type; DXF keeps them in one drawing with
 * the layer name as the CAD layer.
 */
import { zipSync } from 'fflate';
import type { Feature, Geometry } from 'geojson';
import { prepareFeatures } from '../export/geojson';
import type { ExportOptions, ExportOutput } from '../formats';
import { makeIssue, type ImportIssue } from '../types';
import { encodeGbk } from './gbk-encode';
import { gdalBackend } from './gdal-runner';
import type { GdalWriteDriver } from './gdal-write-engine';
import { FAMILY } from './geometry-family';

export type GdalWriteKind = 'gpkg' | 'filegdb' | 'dxf' | 'flatgeobuf';

const DRIVER: Record<GdalWriteKind, GdalWriteDriver> = { gpkg: 'GPKG', filegdb: 'OpenFileGDB', dxf: 'DXF', flatgeobuf: 'FlatGeobuf' };


/** Features grouped by geometry family, in first-seen order; geometry-less and collections are counted apart. */
export function groupByFamily(features: readonly Feature<Geometry | null>[]): { groups: Map<string, Feature<Geometry | null>[]>; skipped: number } {
  const groups = new Map<string, Feature<Geometry | null>[]>();
  let skipped = 0;
  for (const f of features) {
    const fam = FAMILY[f.geometry?.type ?? ''];
    if (!fam) {
      skipped++;
      continue;
    }
    groups.set(fam, [...(groups.get(fam) ?? []), f]);
  }
  return { groups, skipped };
}

/**
 * GDAL writes DXF text as UTF-8 under an ANSI_1252 header; Chinese CAD reads the drawing's code page.
 * Re-encoded as GBK with $DWGCODEPAGE ANSI_936, 规划 stays 规划 in AutoCAD and back in GDAL.
 */
function dxfInGbk(bytes: Uint8Array, issues: ImportIssue[], file: string): Uint8Array {
  const text = new TextDecoder().decode(bytes).replace(/(\$DWGCODEPAGE\r?\n\s*3\r?\n)[^\r\n]*/, '$1ANSI_936');
  const { bytes: gbk, unmappable } = encodeGbk(text);
  if (unmappable) issues.push(makeIssue('warning', 'shp-value-truncated', file, `${unmappable} characters have no GBK form and were written as “?”.`, { params: { count: unmappable } }));
  return gbk;
}

const collection = (features: Feature<Geometry | null>[]) => JSON.stringify({ type: 'FeatureCollection', features });

/**
 * @example
 * const out = await writeViaGdal(features, 'gpkg', { name: '规划地块', crs: 'EPSG:4526' });
 */
export async function writeViaGdal(features: readonly Feature<Geometry | null>[], kind: GdalWriteKind, options: ExportOptions): Promise<ExportOutput> {
  const backend = gdalBackend();
  if (!backend) throw new Error('The format library (GDAL) is not available here');
  const issues: ImportIssue[] = [];
  const base = (options.name ?? 'export').trim() || 'export';
  const prepared = prepareFeatures(features, options);
  const { groups, skipped } = groupByFamily(prepared);
  if (skipped) issues.push(makeIssue('warning', 'export-geometry-skipped', base, `${skipped} features without a point, line or polygon geometry were left out.`, { params: { count: skipped } }));
  const named = [...groups.entries()].map(([fam, list]) => ({ name: groups.size > 1 ? `${base}_${fam}` : base, list }));
  const layers =
    kind === 'dxf'
      ? [{ name: base, geojson: collection(named.flatMap((g) => g.list.map((f) => ({ ...f, properties: { Layer: g.name, ...(f.properties ?? {}) } })))) }]
      : named.map((g) => ({ name: g.name, geojson: collection(g.list) }));
  const written: { path: string; bytes: Uint8Array }[] = [];
  // FlatGeobuf holds one layer a file: one write per layer, zipped together when there are several.
  const jobs = kind === 'flatgeobuf' ? layers.map((l) => [l]) : [layers];
  for (const group of jobs) {
    const r = await backend.write({ driver: DRIVER[kind], layers: group, output: kind === 'flatgeobuf' ? group[0]!.name : base, ...(options.crs ? { targetSrs: options.crs } : {}) });
    if (r.errors.length) throw new Error(`GDAL could not write the file: ${r.errors.join('; ')}`);
    written.push(...r.files);
  }
  if (written.length === 0) throw new Error('GDAL wrote nothing');
  if (kind === 'filegdb' || written.length > 1) {
    const entries = Object.fromEntries(written.map((f) => [f.path, f.bytes]));
    return { data: zipSync(entries, { level: 6 }), mimeType: 'application/zip', extension: kind === 'filegdb' ? 'gdb.zip' : 'zip', issues };
  }
  if (kind === 'dxf') return { data: dxfInGbk(written[0]!.bytes, issues, base), mimeType: 'image/vnd.dxf', extension: 'dxf', issues };
  const ext = { gpkg: 'gpkg', dxf: 'dxf', flatgeobuf: 'fgb', filegdb: 'gdb.zip' }[kind];
  const mime = { gpkg: 'application/geopackage+sqlite3', dxf: 'image/vnd.dxf', flatgeobuf: 'application/octet-stream', filegdb: 'application/zip' }[kind];
  return { data: written[0]!.bytes, mimeType: mime, extension: ext, issues };
}
