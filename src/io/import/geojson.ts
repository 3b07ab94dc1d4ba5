/**
 * GeoJSON reader: FeatureCollection, Feature, bare Geometry or GeometryCollection, an optional
 * legacy `crs` member (reprojected), syntax errors with line and column; TopoJSON through topojson.ts.
 */
import { bboxOf, type Bbox } from '../coords';
import { locateJsonError, lineColumnAt } from '../json-locate';
import { normalizeFeatures, type NormalizeContext, type RawFeature } from '../normalize';
import { createIdAllocator, type IdAllocator } from '../sanitize';
import { baseName, decodeText, utf16Bom } from '../text';
import { BATCH_BYTES, BATCHED_FROM_BYTES, parseInBatches, WHOLE_TEXT_MAX_BYTES } from './geojson-batches';
import { makeIssue, type ImportedLayer, type ImportIssue, type ImportOptions, type ImportResult, type InputFile } from '../types';
import { chooseCrs } from './crs-choice';
import { convertsGcj02, gcj02Step } from './gcj02-step';
import { isTopology, topologyCollections } from './topojson';
import type { Geometry } from 'geojson';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** CRS name from a legacy GeoJSON `crs` member: {type:'name'} or {type:'EPSG'}. */
export function crsMemberName(doc: unknown): string | undefined {
  const crs = (doc as { crs?: { type?: unknown; properties?: { name?: unknown; code?: unknown } } } | null)?.crs;
  if (!crs || typeof crs !== 'object') return undefined;
  if (typeof crs.properties?.name === 'string') return crs.properties.name;
  if (crs.type === 'EPSG' && (typeof crs.properties?.code === 'number' || typeof crs.properties?.code === 'string')) {
    return `EPSG:${crs.properties.code}`;
  }
  return undefined;
}

function parseJson(text: string, file: string): { doc?: unknown; issue?: ImportIssue } {
  try {
    return { doc: JSON.parse(text) };
  } catch (e) {
    const loc = locateJsonError(text);
    const pos = loc ?? { ...lineColumnAt(text, 0), message: (e as Error).message };
    return {
      issue: makeIssue('error', 'json-syntax', file, `Invalid JSON at line ${pos.line}, column ${pos.column}: ${pos.message}.`, {
        line: pos.line,
        column: pos.column,
        params: { detail: pos.message },
      }),
    };
  }
}

/** Raw features of a parsed document, or an issue explaining why it is not GeoJSON. */
function rawFeaturesOf(doc: unknown, file: string, issues: ImportIssue[]): RawFeature[] | undefined {
  const invalid = (msg: string) => {
    issues.push(makeIssue('error', 'geojson-invalid', file, msg));
    return undefined;
  };
  if (Array.isArray(doc)) {
    issues.push(makeIssue('warning', 'geojson-invalid', file, 'The file is a bare array of features, not a FeatureCollection; read anyway.'));
    return rawFeaturesOf({ type: 'FeatureCollection', features: doc }, file, issues);
  }
  if (!doc || typeof doc !== 'object') return invalid('The JSON is not a GeoJSON object.');
  const type = (doc as { type?: unknown }).type;
  if (type === 'FeatureCollection') {
    const features = (doc as { features?: unknown }).features;
    if (!Array.isArray(features)) return invalid('The FeatureCollection has no "features" array.');
    return features.map((f: unknown, i) => {
      const t = (f as { type?: unknown } | null)?.type;
      if (t === 'Feature') return f as RawFeature;
      if (typeof t === 'string' && GEOMETRY_TYPES.has(t)) {
        issues.push(makeIssue('warning', 'geojson-invalid', file, `Item ${i} is a bare geometry, not a Feature; wrapped as a feature.`, { featureIndex: i }));
        return { geometry: f, properties: {} };
      }
      // Not a feature: let normalize report it with its index (geometry-missing or unknown type).
      return { geometry: (f as { geometry?: unknown } | null)?.geometry ?? { type: t }, properties: (f as { properties?: unknown } | null)?.properties };
    });
  }
  if (type === 'Feature') return [doc as RawFeature];
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return [{ geometry: doc, properties: {} }];
  return invalid(`The JSON is not GeoJSON (type is ${JSON.stringify(type) ?? 'missing'}).`);
}

/**
 * normalizeFeatures without reprojection, if the bbox of the raw geometries (found on the way) is
 * longitude/latitude or empty: then chooseCrs picks WGS84, which is what was assumed. Otherwise undefined,
 * with the id allocator as it was.
 */
function speculateWgs84(raw: RawFeature[], ctx: NormalizeContext): (ReturnType<typeof normalizeFeatures> & { bbox: Bbox | undefined }) | undefined {
  const used = new Set(ctx.ids.used);
  const next = ctx.ids.next;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  try {
    const r = normalizeFeatures(raw, { ...ctx, box });
    const bbox = box[0] === Infinity ? undefined : (box as Bbox);
    if (r.complete && (!bbox || (bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90))) return { ...r, bbox };
  } catch {
    // the ordinary path below meets the same problem, or none
  }
  ctx.ids.used = used;
  ctx.ids.next = next;
  return undefined;
}

/** When a file is read in batches (geojson-batches.ts) rather than as one text; tests lower them. */
export interface GeoJsonTuning {
  batchedFromBytes: number;
  batchBytes: number;
  wholeTextMaxBytes: number;
}

const TUNING: GeoJsonTuning = { batchedFromBytes: BATCHED_FROM_BYTES, batchBytes: BATCH_BYTES, wholeTextMaxBytes: WHOLE_TEXT_MAX_BYTES };

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/**
 * Reads one GeoJSON file (bytes in any of UTF-8/GBK). A big UTF-8 FeatureCollection is parsed in batches,
 * which gives the same features as one JSON.parse and reads files past V8's longest string.
 */
export function importGeoJson(input: InputFile, options: ImportOptions = {}, ids: IdAllocator = createIdAllocator(), tuning: GeoJsonTuning = TUNING): ImportResult {
  const file = input.name;
  const issues: ImportIssue[] = [];
  const size = input.bytes.byteLength;
  if (size >= tuning.batchedFromBytes && !utf16Bom(input.bytes)) {
    const batched = parseInBatches(input.bytes, tuning.batchBytes);
    if (batched && 'doc' in batched) return readDocument(batched.doc, file, baseName(file), 'utf-8', options, ids, issues);
    if (size > tuning.wholeTextMaxBytes) {
      if (batched) {
        const { line, column, message } = batched.error;
        return { layers: [], issues: [makeIssue('error', 'json-syntax', file, `Invalid JSON at line ${line}, column ${column}: ${message}.`, { line, column, params: { detail: message } })] };
      }
      const message = `The file is ${mb(size)}; files over ${mb(tuning.wholeTextMaxBytes)} are read in parts, which needs a UTF-8 GeoJSON FeatureCollection, and this file is not one (another encoding, TopoJSON or another structure).`;
      return { layers: [], issues: [makeIssue('error', 'file-too-large', file, message, { params: { bytes: size, limit: tuning.wholeTextMaxBytes, reason: 'not-batchable' } })] };
    }
    // Smaller files read whole: the same result, or the error located by the whole-text reader.
  }
  const { text, encoding } = decodeText(input.bytes);
  if (encoding === 'gbk') issues.push(makeIssue('info', 'encoding-gbk', file, 'The file is GBK-encoded text, not UTF-8; decoded as GBK.', { params: { source: 'detected' } }));
  if (!text.trim()) return { layers: [], issues: [...issues, makeIssue('error', 'file-empty', file, 'The file is empty.')] };
  const { doc, issue } = parseJson(text, file);
  if (issue) return { layers: [], issues: [...issues, issue] };
  if (isTopology(doc)) {
    // One layer per object of the topology (e.g. the MCA's province / city / district levels).
    const topo = topologyCollections(doc, file);
    issues.push(...topo.issues);
    const result: ImportResult = { layers: [], issues };
    const crs = (doc as { crs?: unknown }).crs;
    for (const { name, fc } of topo.collections) {
      const r = readDocument({ ...fc, ...(crs ? { crs } : {}) }, file, topo.collections.length > 1 ? `${baseName(file)} · ${name}` : baseName(file), encoding, options, ids, issues);
      result.layers.push(...r.layers);
      result.crs ??= r.crs;
    }
    return result;
  }
  return readDocument(doc, file, baseName(file), encoding, options, ids, issues);
}

function readDocument(doc: unknown, file: string, layerName: string, encoding: ImportedLayer['encoding'], options: ImportOptions, ids: IdAllocator, issues: ImportIssue[]): ImportResult {
  const raw = rawFeaturesOf(doc, file, issues);
  if (!raw) return { layers: [], issues };
  const declared = crsMemberName(doc);
  const ctx = { file, ids, gcj02: convertsGcj02(options, file), owned: true }; // `raw` comes from our own JSON.parse
  // Nothing declared: the coordinates decide the CRS, and they nearly always are longitude/latitude. So
  // normalize as WGS84 at once, collecting the bbox on the way (one pass over the coordinates instead of
  // two); keep the result when that bbox is exactly the one bboxOf gives and it means WGS84.
  const speculated = !options.crs && !declared ? speculateWgs84(raw, ctx) : undefined;
  let bbox: Bbox | undefined = speculated?.bbox;
  if (!speculated) {
    const geometries = raw.map((f) => f?.geometry as Geometry | null | undefined).filter((g) => g && typeof g === 'object' && 'type' in g);
    try {
      bbox = bboxOf(geometries as Geometry[]);
    } catch {
      bbox = undefined; // malformed nesting: normalize reports it per feature
    }
  }
  const choice = chooseCrs({ file, declared, defaultWgs84: true, bbox, options });
  issues.push(...choice.issues);
  if (!choice.crs && bbox) return { layers: [], issues };
  const { features, issues: featureIssues } = speculated ?? normalizeFeatures(raw, { ...ctx, ...(choice.crs ? { crs: choice.crs } : {}) });
  issues.push(...featureIssues);
  const gcj = choice.crs?.geographic === false ? { issues: [], layer: {} } : gcj02Step(features, file, options, { declared: !!declared, formatImpliesWgs84: true });
  issues.push(...gcj.issues);
  const layer = {
    name: layerName,
    features,
    source: file,
    encoding,
    ...(choice.info ? { crs: choice.info } : {}),
    ...gcj.layer,
  };
  return { layers: [layer], issues, ...(choice.info ? { crs: choice.info } : {}) };
}
