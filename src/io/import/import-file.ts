/**
 * One entry point for every dropped or chosen file: dispatches by extension and content, groups
 * shapefile parts, opens zips, enforces size limits, and never throws — every failure becomes an
 * issue naming its file.
 */
import { formatById, SHAPEFILE_PARTS, type FormatId } from '../formats';
import { createIdAllocator, type IdAllocator } from '../sanitize';
import { binaryOffset, extensionOf, utf16Bom } from '../text';
import { capIssues, makeIssue, maxBytesFor, type ImportOptions, type ImportResult, type InputFile } from '../types';
import { isZip, safeUnzip } from '../zip';
import { gdbFolderOf, splitGdalInputs } from '../gdal/gdal-inputs';
import { looksLikeGuotuTxt } from '../guotu-txt-sniff';

type Kind = FormatId | 'zip' | 'shp-part' | 'ignore' | 'unknown';

const EXT_KIND: Record<string, Kind> = {
  geojson: 'geojson',
  json: 'geojson',
  topojson: 'geojson',
  kml: 'kml',
  kmz: 'kmz',
  gpx: 'gpx',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  zip: 'zip',
};

/** What a file is, from its extension, else from its first bytes. */
export function sniffKind(file: InputFile): Kind {
  const ext = extensionOf(file.name);
  if (SHAPEFILE_PARTS.has(ext)) return 'shp-part';
  const b = file.bytes;
  if (ext === 'txt' && looksLikeGuotuTxt(b)) return 'guotu-txt';
  if (isZip(b)) return ext === 'kmz' ? 'kmz' : 'zip';
  // hasOwn: a file named "x.constructor" must not find Object.prototype's members.
  const byExt = Object.hasOwn(EXT_KIND, ext) ? EXT_KIND[ext] : undefined;
  if (byExt) return byExt;
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0x27 && b[3] === 0x0a) return 'shp-part';
  const head = new TextDecoder(utf16Bom(b) ?? 'utf-8').decode(b.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<')) return /<gpx[\s>]/.test(head) ? 'gpx' : /<kml[\s>]/.test(head) ? 'kml' : 'unknown';
  if (/^[^\u0000-\u0008]*$/.test(head) && /[,\t;|]/.test(head)) return 'csv';
  return 'unknown';
}

function merge(into: ImportResult, r: ImportResult): void {
  into.layers.push(...r.layers);
  into.issues.push(...r.issues);
  if (!into.crs && r.crs) into.crs = r.crs;
}

const TEXT_KINDS: ReadonlySet<FormatId> = new Set(['geojson', 'kml', 'gpx', 'csv']);

async function readOne(file: InputFile, kind: FormatId, options: ImportOptions, ids: IdAllocator): Promise<ImportResult> {
  const fmt = formatById(kind);
  const nul = TEXT_KINDS.has(kind) ? binaryOffset(file.bytes) : -1;
  if (nul >= 0) {
    const message = `The file is binary, not ${fmt.label} text (a NUL byte at byte ${nul + 1}); is it another format under a wrong extension?`;
    return { layers: [], issues: [makeIssue('error', 'file-not-text', file.name, message, { params: { offset: nul + 1 } })] };
  }
  try {
    return await fmt.read!(file, options, ids);
  } catch (e) {
    return { layers: [], issues: [makeIssue('error', 'internal-error', file.name, `Reading failed unexpectedly: ${(e as Error)?.message ?? String(e)}.`)] };
  }
}

async function importGroup(all: InputFile[], options: ImportOptions, ids: IdAllocator, result: ImportResult, depth: number): Promise<void> {
  const shpParts: InputFile[] = [];
  const { sources, rest: files, issues: gdalIssues } = splitGdalInputs(all);
  result.issues.push(...gdalIssues);
  if (sources.length) await (await import('../gdal/read-gdal')).importGdalSources(sources, options, ids, result);
  for (const file of files) {
    const kind = depth > 0 && extensionOf(file.name) === 'txt' ? 'ignore' : sniffKind(file);
    if (kind === 'shp-part') shpParts.push(file);
    else if (kind === 'zip') {
      if (depth >= 2) {
        result.issues.push(makeIssue('warning', 'zip-no-data', file.name, 'A zip nested more than two levels deep was not opened.'));
        continue;
      }
      const { entries, issues } = safeUnzip(file.name, file.bytes, options.maxUnzippedBytes);
      result.issues.push(...issues);
      const named = entries.map((e) => ({ name: `${file.name}/${e.name}`, bytes: e.bytes }));
      const before = result.layers.length + (result.sources?.length ?? 0);
      const errorsBefore = result.issues.filter((i) => i.severity === 'error').length;
      await importGroup(named, options, ids, result, depth + 1);
      const newErrors = result.issues.filter((i) => i.severity === 'error').length > errorsBefore;
      if (result.layers.length + (result.sources?.length ?? 0) === before && !issues.some((i) => i.severity === 'error') && !newErrors) {
        result.issues.push(makeIssue('error', 'zip-no-data', file.name, 'The zip contains no Shapefile, GeoJSON, KML, GPX or CSV data.'));
      }
    } else if (kind === 'ignore') continue;
    else if (kind === 'unknown') {
      if (depth === 0) result.issues.push(makeIssue('error', 'format-unknown', file.name, 'The file format is not recognised (expected GeoJSON, KML/KMZ, GPX, Shapefile, zip or CSV).', { params: { extension: extensionOf(file.name) } }));
    } else merge(result, await readOne(file, kind, options, ids));
  }
  if (shpParts.length) {
    try {
      merge(result, (await import('./shapefile')).importShapefiles(shpParts, options, ids));
    } catch (e) {
      result.issues.push(makeIssue('error', 'internal-error', shpParts[0]!.name, `Reading the shapefile failed unexpectedly: ${(e as Error)?.message ?? String(e)}.`));
    }
  }
}

/**
 * Imports files (one format each, or shapefile parts, or zips of these). Never throws.
 *
 * @example
 * const r = await importFile([{ name: 'parcels.geojson', bytes }], { gcj02: false });
 * r.layers[0].features; r.issues.filter((i) => i.severity === 'error');
 */
export async function importFile(files: readonly InputFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { layers: [], issues: [] };
  const accepted: InputFile[] = [];
  for (const f of files) {
    const maxBytes = maxBytesFor(f.name, options);
    if (f.bytes.byteLength > maxBytes) {
      const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
      result.issues.push(
        makeIssue('error', 'file-too-large', f.name, `The file is ${mb(f.bytes.byteLength)}; the limit is ${mb(maxBytes)}.`, { params: { bytes: f.bytes.byteLength, limit: maxBytes } }),
      );
    } else if (f.bytes.byteLength === 0 && !gdbFolderOf(f.name)) {
      result.issues.push(makeIssue('error', 'file-empty', f.name, 'The file is empty.'));
    } else accepted.push(f);
  }
  try {
    await importGroup(accepted, options, createIdAllocator(), result, 0);
  } catch (e) {
    result.issues.push(makeIssue('error', 'internal-error', files[0]?.name ?? '', `Import failed unexpectedly: ${(e as Error)?.message ?? String(e)}.`));
  }
  result.issues = capIssues(result.issues);
  return result;
}
