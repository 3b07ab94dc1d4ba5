/**
 * Imports GDAL sources (File Geodatabase, GeoPackage, DXF/DWG, MapInfo, …) through a GDAL runner:
 * multi-layer sources are listed until the planner picks layers; picked layers are validated like
 * every other import. A source CRS GDAL knows is reprojected by PROJ (EPSG database, datum shifts);
 * without one (CAD drawings) the Atlas's own detection guesses it from the coordinates.
 */
import { esriJsonAliases, esriJsonExceededLimit } from '../esrijson-sniff';
import type { Geometry } from 'geojson';
import { bboxOf } from '../coords';
import { chooseCrs } from '../import/crs-choice';
import { normalizeFeatures, type RawFeature } from '../normalize';
import type { IdAllocator } from '../sanitize';
import { baseName } from '../text';
import { makeIssue, type CrsInfo, type ImportIssue, type ImportOptions, type ImportResult } from '../types';
import type { GdalJob, GdalJobResult } from './gdal-engine';
import { gdalBackend } from './gdal-runner';

type GdalRunner = (job: GdalJob) => Promise<GdalJobResult>;
import { describeDataset, type GdalLayerInfo } from './gdal-info';
import type { GdalSource } from './gdal-inputs';
import type { SourceListing } from './issue-codes';
import { closedLinesToPolygons } from './cad-closed-lines';
import { FAMILY } from './geometry-family';
import { datumGroups, type GdalConvertGroup } from './gdal-datum';
import { describeDatumShift } from '../datum/datum-shift';
import { datumShiftParams } from '../datum/datum-step';
import { attachGeometries } from './gdal-geometries';


export function layerKey(source: string, layer: string): string {
  return `${source}::${layer}`;
}


/** Splits a mixed layer (a CAD drawing's entities) into one per geometry family; a uniform one stays whole. */
export function splitByFamily(raw: RawFeature[]): { family?: 'points' | 'lines' | 'polygons'; raw: RawFeature[] }[] {
  const groups = new Map<string, RawFeature[]>();
  for (const f of raw) {
    const fam = FAMILY[(f?.geometry as Geometry | null | undefined)?.type ?? ''] ?? 'other';
    // Pushed in place: copying the group per feature made a 200 000-feature layer take minutes.
    const group = groups.get(fam);
    if (group) group.push(f);
    else groups.set(fam, [f]);
  }
  if (groups.size <= 1) return [{ raw }];
  return [...groups.entries()].map(([fam, r]) => (fam === 'other' ? { raw: r } : { family: fam as 'points' | 'lines' | 'polygons', raw: r }));
}

function unavailable(source: GdalSource, e: unknown): ImportIssue {
  const detail = e instanceof Error ? e.message : String(e);
  return makeIssue(
    'error',
    'gdal-unavailable',
    source.name,
    `The format library (GDAL) needed for this file could not be loaded (${detail}); GeoJSON, KML/KMZ, GPX, Shapefile and CSV files still open without it.`,
    { params: { detail } },
  );
}

function crsNotes(file: string, info: GdalLayerInfo, forced: string | undefined, group: GdalConvertGroup, issues: ImportIssue[]): CrsInfo {
  const crs = info.crs;
  const description = forced ? `${forced} (chosen by the user)` : crs!.code ? `${crs!.name} (${crs!.code})` : crs!.name;
  if (!forced) issues.push(makeIssue('info', 'crs-detected', file, `Coordinate system: ${description}; reprojected to WGS 84 with PROJ.`, { params: { crs: crs!.code ?? 'custom', description } }));
  const shift = group.shift;
  if (shift) {
    issues.push(makeIssue('info', 'crs-datum-shift', file, `Datum parameters applied: ${describeDatumShift(shift)}.`, { params: { crs: description, ...datumShiftParams(shift) } }));
  } else if (group.shiftUnused) {
    issues.push(
      makeIssue('warning', 'crs-datum-shift-unused', file, `The datum parameters were not applied: "${description}" is not a Gauss–Krüger coordinate system on Xian 1980, Beijing 1954 or CGCS2000.`, { params: { crs: description } }),
    );
  }
  if (!forced && !shift && crs!.olderChineseDatum) {
    issues.push(
      makeIssue('warning', 'crs-datum-approx', file, `"${crs!.name}" uses an older Chinese datum; PROJ shifted it with the published EPSG parameters, accurate to a few metres. A local 7- or 4-parameter transformation is more exact: enter it under "Datum parameters" and import again.`, {
        params: { crs: crs!.name, shifted: 'proj' },
      }),
    );
  }
  const gk = forced ? undefined : crs!.gk;
  return { detected: forced ?? crs!.code ?? 'custom', assumed: false, description, ...(shift ? { datumShift: shift } : {}), ...(gk ? { gkDatum: gk.datum } : {}) };
}

/**
 * Most features one GDAL layer may bring into the browser. 200 000 parcels load in seconds; a million CAD
 * entities would hold the import worker's memory (features, index, tiles) past what a browser tab gets,
 * so such a layer is refused by its count, before GDAL converts any of it.
 */
export const MAX_GDAL_LAYER_FEATURES = 500_000;

/** Layers over the limit are reported (file, layer, count) and left out; the rest are returned. */
function withinLimit(source: GdalSource, infos: GdalLayerInfo[], single: boolean, result: ImportResult): GdalLayerInfo[] {
  return infos.filter((l) => {
    if (l.featureCount <= MAX_GDAL_LAYER_FEATURES) return true;
    const file = single ? source.name : `${source.name}/${l.name}`;
    const params = { layer: l.name, count: l.featureCount, limit: MAX_GDAL_LAYER_FEATURES };
    result.issues.push(
      makeIssue('error', 'gdal-too-many-features', file, `The layer "${l.name}" has ${l.featureCount.toLocaleString('en')} features; the atlas reads at most ${MAX_GDAL_LAYER_FEATURES.toLocaleString('en')} per layer in the browser. Split it (e.g. by CAD layer or area) in QGIS/ArcGIS/AutoCAD and import the parts.`, { params }),
    );
    return false;
  });
}

async function convert(source: GdalSource, all: GdalLayerInfo[], run: GdalRunner, options: ImportOptions, ids: IdAllocator, result: ImportResult, single: boolean): Promise<void> {
  const infos = withinLimit(source, all, single, result);
  for (const group of datumGroups(infos, options)) await convertGroup(source, group, run, options, ids, result, single);
}

async function convertGroup(source: GdalSource, group: GdalConvertGroup, run: GdalRunner, options: ImportOptions, ids: IdAllocator, result: ImportResult, single: boolean): Promise<void> {
  const infos = group.layers;
  const r = await run({ files: source.files, open: source.open, layers: infos.map((l) => l.name), ...group.args });
  for (const e of r.errors) result.issues.push(makeIssue('error', 'gdal-layer-failed', source.name, `GDAL could not read a layer: ${e}`, { params: { detail: e } }));
  for (const w of r.warnings) result.issues.push(makeIssue('warning', 'gdal-warning', source.name, `GDAL: ${w}`, { params: { detail: w } }));
  for (const out of r.layers) {
    const info = infos.find((l) => l.name === out.name)!;
    const file = single ? source.name : `${source.name}/${out.name}`;
    let parsed: { features?: RawFeature[] };
    try {
      parsed = JSON.parse(out.geojson) as { features?: RawFeature[] };
    } catch (e) {
      result.issues.push(makeIssue('error', 'gdal-layer-failed', file, `GDAL's output could not be read: ${(e as Error).message}.`));
      continue;
    }
    let raw = parsed.features ?? [];
    if (out.geometries) {
      try {
        await attachGeometries(raw, out.geometries, out.reprojected);
      } catch (e) {
        result.issues.push(makeIssue('error', 'gdal-layer-failed', file, `GDAL's output could not be read: ${(e as Error).message}.`));
        continue;
      }
    }
    const issues: ImportIssue[] = [];
    if (source.kind === 'cad') {
      const c = closedLinesToPolygons(raw);
      raw = c.raw;
      if (c.turned) issues.push(makeIssue('info', 'gdal-cad-closed-polygons', file, `${c.turned} closed polylines were read as polygons.`, { params: { count: c.turned } }));
    }
    let crsInfo: CrsInfo | undefined;
    let crs;
    if (out.reprojected) crsInfo = crsNotes(file, info, options.crs, group, issues);
    else {
      const choice = chooseCrs({ file, defaultWgs84: false, bbox: bboxOf(raw.map((f) => f?.geometry as Geometry | null)), options });
      issues.push(...choice.issues);
      if (!choice.crs && raw.length) {
        result.issues.push(...issues);
        continue;
      }
      crs = choice.crs;
      crsInfo = choice.info;
    }
    const aliases = source.kind === 'esrijson' ? { ...esriJsonAliases(source.files[0]!.bytes), ...info.aliases } : info.aliases;
    const parts = splitByFamily(raw);
    if (parts.length > 1) {
      issues.push(makeIssue('info', 'gdal-layer-split', file, `The layer mixes geometry types; it was split into ${parts.length} layers (${parts.map((p) => p.family ?? 'other').join(', ')}).`, { params: { count: parts.length } }));
    }
    const baseLayerName = single && source.kind !== 'gdb' && source.kind !== 'gpkg' ? baseName(source.name) : out.name;
    for (const part of parts) {
      const n = normalizeFeatures(part.raw, { file, ids, owned: true, gcj02: options.gcj02, ...(crs ? { crs } : {}) });
      issues.push(...n.issues);
      result.layers.push({
        name: part.family ? `${baseLayerName} (${part.family})` : baseLayerName,
        features: n.features,
        source: file,
        ...(crsInfo ? { crs: crsInfo } : {}),
        ...(Object.keys(aliases).length ? { fieldAliases: aliases } : {}),
      });
    }
    if (!result.crs && crsInfo) result.crs = crsInfo;
    result.issues.push(...issues);
  }
}

/** Spreadsheets: the first row holds the column names (GDAL's guess fails when every cell is text). */
function openOptionsOf(source: GdalSource): { openOptions?: string[] } {
  return /\.(xlsx|ods)$/i.test(source.open) ? { openOptions: ['HEADERS=FORCE'] } : {};
}

/**
 * Spreadsheet sheets are tables: GDAL gives each as CSV text and the CSV reader finds the coordinate
 * (or WKT) columns as for a .csv. Sheets without coordinates are only reported when none has any.
 */
async function importSheets(source: GdalSource, sheets: string[], run: GdalRunner, options: ImportOptions, ids: IdAllocator, result: ImportResult): Promise<void> {
  const r = await run({ files: source.files, open: source.open, layers: sheets, as: 'CSV', ...openOptionsOf(source) });
  for (const e of r.errors) result.issues.push(makeIssue('error', 'gdal-layer-failed', source.name, `GDAL could not read a sheet: ${e}`, { params: { detail: e } }));
  const { importCsv } = await import('../import/csv');
  const sheetsOut = r.layers.map((out) => importCsv({ name: sheets.length > 1 ? `${source.name}/${out.name}` : source.name, bytes: new TextEncoder().encode(out.geojson) }, options, ids));
  const withData = sheetsOut.filter((s) => s.layers.some((l) => l.features.length));
  for (const s of withData.length ? withData : sheetsOut) {
    result.layers.push(...s.layers.map((l) => ({ ...l, name: sheets.length > 1 ? `${baseName(source.name)} ${l.name}` : baseName(source.name) })));
    result.issues.push(...s.issues);
    if (!result.crs && s.crs) result.crs = s.crs;
  }
}

/** Reads GDAL sources into `result`. Never throws. */
export async function importGdalSources(sources: readonly GdalSource[], options: ImportOptions, ids: IdAllocator, result: ImportResult): Promise<void> {
  const b = gdalBackend();
  const runner: GdalRunner | undefined = b ? (job) => b.run(job) : undefined;
  for (const source of sources) {
    if (!runner) {
      result.issues.push(unavailable(source, new Error('no GDAL runner in this context')));
      continue;
    }
    let described: GdalJobResult;
    try {
      described = await runner({ files: source.files, open: source.open, ...openOptionsOf(source) });
    } catch (e) {
      result.issues.push(unavailable(source, e));
      continue;
    }
    if (!described.info) {
      const detail = described.errors.join('; ');
      result.issues.push(makeIssue('error', 'gdal-open-failed', source.name, `The file could not be opened as ${source.kind === 'gdb' ? 'a File Geodatabase' : source.kind === 'gpkg' ? 'a GeoPackage' : 'a GIS file'}: ${detail}.`, { params: { detail } }));
      continue;
    }
    if (source.kind === 'esrijson' && esriJsonExceededLimit(source.files[0]!.bytes)) {
      result.issues.push(makeIssue('warning', 'esrijson-partial', source.name, 'The ArcGIS server stopped this query at its record limit (exceededTransferLimit): the file holds only part of the layer. Query again in pages (resultOffset) or with a narrower where clause.'));
    }
    const ds = describeDataset(described.info);
    const vector = ds.layers.filter((l) => l.geometryType !== 'None');
    if (vector.length === 0 && /^(XLSX|ODS)$/.test(ds.driver) && ds.layers.length) {
      await importSheets(source, ds.layers.map((l) => l.name), runner, options, ids, result);
      continue;
    }
    if (vector.length === 0) {
      result.issues.push(makeIssue('error', 'zip-no-data', source.name, `The ${ds.driver} dataset has no layer with geometry.`));
      continue;
    }
    try {
      if (vector.length === 1) {
        await convert(source, vector, runner, options, ids, result, true);
        continue;
      }
      const picked = vector.filter((l) => options.layers?.includes(layerKey(source.name, l.name)));
      if (picked.length) {
        await convert(source, picked, runner, options, ids, result, false);
        continue;
      }
      const listing: SourceListing = {
        file: source.name,
        driver: ds.driver,
        layers: vector.map((l) => ({
          key: layerKey(source.name, l.name),
          name: l.name,
          geometryType: l.geometryType,
          featureCount: l.featureCount,
          ...(l.crs ? { crs: l.crs.code ?? l.crs.name } : {}),
          ...(l.group ? { group: l.group } : {}),
        })),
      };
      (result.sources ??= []).push(listing);
      for (const w of described.warnings) result.issues.push(makeIssue('warning', 'gdal-warning', source.name, `GDAL: ${w}`, { params: { detail: w } }));
      result.issues.push(makeIssue('info', 'gdal-choose-layers', source.name, `${vector.length} layers found; choose the ones to add.`, { params: { count: vector.length } }));
    } catch (e) {
      result.issues.push(unavailable(source, e));
    }
  }
}
