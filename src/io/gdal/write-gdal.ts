/**
 * Export through GDAL: GeoPackage, File Geodatabase (zipped `.gdb`), DXF and FlatGeobuf, in WGS 84
 * or a chosen CRS (e.g. a CGCS2000 Gauss–Krüger zone). One GDAL layer per atlas layer, split by
 * geometry family where a layer mixes them, since a feature class (and a FlatGeobuf file) holds one
 * geometry type; DXF keeps everything in one drawing with one CAD layer per atlas layer and the
 * features' names as text.
 */
import { zipSync } from 'fflate';
import type { Feature, Geometry } from 'geojson';
import { prepareFeatures } from '../export/geojson';
import type { ExportOptions, ExportOutput } from '../formats';
import { makeIssue, type ImportIssue } from '../types';
import { encodeGbk } from './gbk-encode';
import { dxfTexts, textHeight } from './dxf-text';
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

interface AtlasLayerGroup {
  name: string;
  labelField?: string | null;
  features: Feature<Geometry | null>[];
}

/**
 * The exported features (`prepared`, the written copies of `features`, position by position) per atlas
 * layer; the whole export is one, named `base`, when layers are not told.
 */
function byAtlasLayer(features: readonly Feature<Geometry | null>[], prepared: readonly Feature<Geometry | null>[], base: string, options: ExportOptions): AtlasLayerGroup[] {
  const groups = new Map<string, AtlasLayerGroup>();
  for (let i = 0; i < prepared.length; i++) {
    const f = prepared[i]!;
    const of = options.layerOf?.(features[i]!);
    const name = of?.name.trim() || base;
    const g = groups.get(name) ?? { name, ...(of ? { labelField: of.labelField } : options.labelField !== undefined ? { labelField: options.labelField } : {}), features: [] };
    g.features.push(f);
    groups.set(name, g);
  }
  return [...groups.values()];
}

/**
 * GDAL writes DXF text as UTF-8 under an ANSI_1252 header; Chinese CAD reads the drawing's code page.
 * Re-encoded as GBK with $DWGCODEPAGE ANSI_936, 规划 stays 规划 in AutoCAD and back in GDAL.
 */
function dxfInGbk(bytes: Uint8Array, issues: ImportIssue[], file: string): Uint8Array {
  const text = new TextDecoder().decode(bytes).replace(/(\$DWGCODEPAGE\r?\n\s*3\r?\n)[^\r\n]*/, '$1ANSI_936');
  const { bytes: gbk, unmappable } = encodeGbk(text);
  if (unmappable) issues.push(makeIssue('warning', 'export-text-unmappable', file, `${unmappable} characters have no GBK form and were written as “?”.`, { params: { count: unmappable } }));
  return gbk;
}

/** A DXF's entities: every feature on its atlas layer's CAD layer, then the layers' names as text. */
function dxfEntities(named: { name: string; list: Feature<Geometry | null>[] }[], atlasLayers: AtlasLayerGroup[], options: ExportOptions): Feature<Geometry | null>[] {
  const shapes = named.flatMap((g) => g.list.map((f) => ({ ...f, properties: { Layer: g.name, ...(f.properties ?? {}) } })));
  const height = textHeight(shapes, Boolean(options.crs));
  const texts = atlasLayers.flatMap((l) => dxfTexts(l.features, l.name, { height, ...(l.labelField !== undefined ? { labelField: l.labelField } : {}), ...(options.lang ? { lang: options.lang } : {}) }));
  return [...shapes, ...texts];
}

const FORMAT_NAME: Record<GdalWriteKind, string> = { gpkg: 'GeoPackage', filegdb: 'File Geodatabase', dxf: 'DXF', flatgeobuf: 'FlatGeobuf' };

/**
 * A layer name the format accepts: a feature class name is letters, digits and `_` and does not start
 * with a digit (ArcGIS's rule; GDAL would launder it silently); a CAD layer name has none of <>/\":;?*|=`;
 * a FlatGeobuf layer is a file, so no path characters.
 */
export function layerNameFor(kind: GdalWriteKind, name: string): string {
  if (kind === 'filegdb') {
    const n = name.replace(/[^\p{L}\p{N}_]/gu, '_').slice(0, 160);
    return /^[\p{L}_]/u.test(n) ? n : `_${n}`;
  }
  if (kind === 'dxf') return name.replace(/[<>/\\":;?*|=`]/g, '_');
  if (kind === 'flatgeobuf') return name.replace(/[/\\:*?"<>|]/g, '_');
  return name;
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
  const atlasLayers = byAtlasLayer(features, prepareFeatures(features, options), base, options);
  let skipped = 0;
  const named: { name: string; list: Feature<Geometry | null>[]; alias?: string }[] = [];
  for (const layer of atlasLayers) {
    const { groups, skipped: none } = groupByFamily(layer.features);
    skipped += none;
    for (const [fam, list] of groups) named.push({ name: kind === 'dxf' || groups.size === 1 ? layer.name : `${layer.name}_${fam}`, list });
  }
  if (skipped) issues.push(makeIssue('warning', 'export-geometry-skipped', base, `${skipped} features without a point, line or polygon geometry were left out.`, { params: { count: skipped } }));
  const reported = new Set<string>();
  for (const g of named) {
    const to = layerNameFor(kind, g.name);
    if (to === g.name) continue;
    // A DXF lists one atlas layer once per geometry family: its renaming is said once.
    if (!reported.has(g.name)) {
      reported.add(g.name);
      const alias = kind === 'filegdb';
      issues.push(makeIssue('info', 'export-layer-renamed', g.name, `${FORMAT_NAME[kind]} does not allow the layer name “${g.name}”; it was written as “${to}”${alias ? ' (its alias keeps the name)' : ''}.`, { params: { format: FORMAT_NAME[kind], from: g.name, to, ...(alias ? { alias: 1 } : {}) } }));
    }
    g.alias = g.name;
    g.name = to;
  }
  if (kind === 'dxf') for (const l of atlasLayers) l.name = layerNameFor('dxf', l.name);
  const layers =
    kind === 'dxf'
      ? [{ name: base, geojson: collection(dxfEntities(named, atlasLayers, options)) }]
      : named.map((g) => ({ name: g.name, geojson: collection(g.list), ...(kind === 'filegdb' && g.alias ? { options: [`LAYER_ALIAS=${g.alias}`] } : {}) }));
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
