/**
 * Shared shapes of the import/export modules. Everything here is plain data so results can cross
 * a worker boundary (structured clone) unchanged.
 */
import type { Feature, Geometry } from 'geojson';
import type { GdalIssueCode, SourceListing } from './gdal/issue-codes';
import type { DatumShift } from './datum/datum-shift';

/** Stable machine-readable issue codes; the UI translates them (zh/en) using `params`. */
export type IssueCode =
  // reading files
  | 'file-too-large'
  | 'file-empty'
  | 'format-unknown'
  | 'read-failed'
  | 'encoding-gbk'
  | 'encoding-mismatch'
  | 'text-damaged'
  | 'encoding-unverified'
  | 'file-not-text'
  | 'json-syntax'
  | 'geojson-invalid'
  | 'xml-syntax'
  | 'xml-entity-rejected'
  | 'kml-networklink-ignored'
  | 'zip-invalid'
  | 'zip-unsafe-entry'
  | 'zip-too-large'
  | 'zip-no-data'
  | 'shp-missing-shp'
  | 'shp-missing-dbf'
  | 'shp-record-count-mismatch'
  | 'shp-unsupported-type'
  | 'csv-syntax'
  | 'csv-no-coordinates'
  | 'csv-bad-row'
  | 'csv-xy-swapped'
  | 'csv-codes-kept-text'
  | 'wkt-invalid'
  // coordinate reference systems
  | 'crs-detected'
  | 'crs-assumed'
  | 'crs-unknown'
  | 'crs-prj-unparsed'
  | 'crs-cgcs2000-as-wgs84'
  | 'crs-datum-approx'
  | 'crs-datum-shift'
  | 'crs-datum-shift-unused'
  | 'gcj02-converted'
  | 'gcj02-suspected'
  // geometry and properties
  | 'geometry-missing'
  | 'unknown-geometry'
  | 'coord-invalid'
  | 'coord-out-of-range'
  | 'ring-unclosed'
  | 'ring-too-few-points'
  | 'ring-self-intersection'
  | 'ring-winding-fixed'
  | 'line-too-few-points'
  | 'duplicate-points-removed'
  | 'id-duplicate'
  | 'prototype-key-removed'
  | 'property-too-deep'
  | 'issues-truncated'
  | 'internal-error'
  // export
  | 'export-geometry-skipped'
  | 'shp-field-renamed'
  | 'shp-value-truncated'
  | 'shp-multipoint-exploded'
  | 'export-text-unmappable'
  | 'export-layer-renamed'
  | 'guotu-value-cleaned'
  | GdalIssueCode;

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface ImportIssue {
  severity: IssueSeverity;
  code: IssueCode;
  /** File (or zip entry) the issue belongs to. */
  file: string;
  /** Index of the feature in the source (0-based), when the issue is about one feature. */
  featureIndex?: number;
  featureName?: string;
  /** 1-based data row of a table (CSV), when the issue is about one row (header not counted). */
  row?: number;
  /** 1-based line / column in the source text (JSON, XML, CSV rows). */
  line?: number;
  column?: number;
  /** English text; the UI may build its own from `code` and `params`. */
  message: string;
  params?: Record<string, string | number | boolean>;
}

export interface CrsInfo {
  /** e.g. 'EPSG:4526', 'EPSG:4326', or 'custom' for a .prj proj4 understood without an EPSG code. */
  detected: string;
  /** True when nothing in the file declared it (inferred from coordinate magnitudes or a default). */
  assumed: boolean;
  description: string;
  /** The planner's datum parameters the reprojection used. */
  datumShift?: DatumShift;
  /** Set when the CRS is Gauss–Krüger on one of these datums, so datum parameters can apply. */
  gkDatum?: 'xian1980' | 'beijing1954' | 'cgcs2000';
}

export interface CsvColumns {
  lon?: string;
  lat?: string;
  wkt?: string;
}

export interface CsvDetection extends CsvColumns {
  /** All header names in file order. */
  columns: string[];
  /** The attribute columns read as numbers. */
  numeric?: string[];
}

/** A named place the atlas already shows (one point per feature of its bundled layers). */
export interface ReferencePlace {
  name: string;
  lon: number;
  lat: number;
}

/** Both placements of a possibly GCJ-02 layer near one feature, in window units (0–100, y down). */
export interface Gcj02Preview {
  /** Width (and height) of the window in metres. */
  widthM: number;
  asRead: [number, number][][];
  converted: [number, number][][];
  references: { name: string; at: [number, number] }[];
  /** How far the conversion moves the layer, in metres. */
  shift: { east: number; north: number };
  /** The atlas place the window is centred on, when one matched. */
  focusName?: string;
}

export interface Gcj02Hint {
  /** 'likely': the data say so; 'possible': in doubt, the planner is asked. */
  level: 'likely' | 'possible';
  /** Machine-readable reasons (see io/gcj02-evidence.ts), translated by the UI. */
  reasons: string[];
  /** Mean distance to same-named atlas places, as read and converted, when any matched. */
  reference?: { matched: number; asRead: number; converted: number; example: string };
  preview?: Gcj02Preview;
}

/** Readings of a file's text that the planner can choose: plain encodings, or GBK once stored as Latin-1. */
export type TextEncodingOption = 'utf-8' | 'gbk' | 'big5' | 'gbk-latin1';

export interface EncodingChoice {
  encoding: TextEncodingOption;
  /** Decodes without replacement characters or mojibake. */
  clean: boolean;
  /** A few decoded values, to judge by. */
  samples: string[];
}

export interface ImportedLayer {
  name: string;
  features: Feature<Geometry>[];
  /** Number of features when they are held elsewhere (a big layer kept in the worker) and `features` is empty. */
  featureCount?: number;
  /** File the layer came from (a zip entry is named `archive.zip/entry.shp`). */
  source?: string;
  crs?: CrsInfo;
  encoding?: 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be' | 'big5' | 'gbk-latin1';
  /** 'damaged': the bytes decode, but the text holds U+FFFD or mojibake; 'unverified': they do not decode cleanly. */
  encodingDoubt?: 'damaged' | 'unverified';
  /** When in doubt: every reading with a preview, for the planner to choose. */
  encodingChoices?: EncodingChoice[];
  /** Heuristic hint only (DataV / AMap style data); the user decides whether to convert. */
  gcj02Suspected?: boolean;
  /** Why the layer may be GCJ-02, with both placements to compare. */
  gcj02?: Gcj02Hint;
  /** The style the file gives most of its features (KML), to draw the layer with. */
  style?: { color?: string; fillOpacity?: number; lineWidth?: number };
  /** CSV only: detected (or chosen) columns, to let the user re-run with other columns. */
  csv?: CsvDetection;
  /** 7 parameters the file itself states (国土TXT 转换参数), offered to the planner, never applied unasked. */
  statedDatumShift?: DatumShift;
  /** Field name → alias (File Geodatabase / GeoPackage), for labels; properties keep the field names. */
  fieldAliases?: Record<string, string>;
}

export interface ImportResult {
  layers: ImportedLayer[];
  issues: ImportIssue[];
  crs?: CrsInfo;
  /** Multi-layer sources whose layers the planner picks (ImportOptions.layers) before they load. */
  sources?: SourceListing[];
}

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** Force the source CRS (e.g. 'EPSG:4526', a proj4 string or WKT); overrides any detection. */
  crs?: string;
  /** The planner's local datum parameters, for Gauss–Krüger data on Xian 1980, Beijing 1954 or CGCS2000. */
  datumShift?: DatumShift;
  /** Treat the source lon/lat as GCJ-02 and convert to WGS84. */
  gcj02?: boolean;
  /** Convert only these files (`ImportedLayer.source`) from GCJ-02. */
  gcj02Files?: string[];
  /** Places the atlas knows, to test imported positions against (GCJ-02 detection). */
  references?: ReferencePlace[];
  /** CSV: user-chosen coordinate columns (or a WKT column). */
  csvColumns?: CsvColumns;
  /** CSV/KML: the columns the planner wants as numbers (all others text); absent: decided from the values. */
  csvNumeric?: string[];
  /** Text encoding chosen by the planner for .dbf (and CSV) text; overrides .cpg and detection. */
  textEncoding?: TextEncodingOption;
  /** Per-file size limit in bytes (default: 1 GB for GeoJSON, 200 MB for other files; see maxBytesFor). */
  maxBytes?: number;
  /** Total decompressed size allowed for one zip (default 512 MB). */
  maxUnzippedBytes?: number;
  /** Central meridian assumed for Gauss–Krüger coordinates without zone prefix (default 114, Jiaozuo). */
  defaultCentralMeridian?: number;
  /** Layers picked from multi-layer sources (SourceListing keys); sources without a pick are listed, not loaded. */
  layers?: string[];
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/**
 * GeoJSON is parsed in batches (import/geojson-batches.ts), so no string limit applies; what limits it is the
 * import worker's memory: its heap holds about 2 bytes per byte of file in features and index, plus the tiles,
 * and Chromium caps a worker's heap near 4 GB.
 */
export const GEOJSON_MAX_BYTES = 1024 * 1024 * 1024;

/** The size limit of one file, by its name: GeoJSON reads in batches up to GEOJSON_MAX_BYTES. */
export function maxBytesFor(name: string, options: Pick<ImportOptions, 'maxBytes'> = {}): number {
  if (options.maxBytes !== undefined) return options.maxBytes;
  return /\.(geo)?json$/i.test(name) ? GEOJSON_MAX_BYTES : DEFAULT_MAX_BYTES;
}
export const DEFAULT_MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export function makeIssue(
  severity: IssueSeverity,
  code: IssueCode,
  file: string,
  message: string,
  extra: Partial<Omit<ImportIssue, 'severity' | 'code' | 'file' | 'message'>> = {},
): ImportIssue {
  const out: ImportIssue = { severity, code, file, message };
  if (extra.featureIndex !== undefined) out.featureIndex = extra.featureIndex;
  if (extra.featureName !== undefined) out.featureName = extra.featureName;
  if (extra.row !== undefined) out.row = extra.row;
  if (extra.line !== undefined) out.line = extra.line;
  if (extra.column !== undefined) out.column = extra.column;
  if (extra.params !== undefined) out.params = extra.params;
  return out;
}

/** Keeps at most `limit` issues per code, then one 'issues-truncated' line with the count left off. */
export function capIssues(issues: ImportIssue[], limit = 100): ImportIssue[] {
  const counts = new Map<string, number>();
  const out: ImportIssue[] = [];
  const dropped = new Map<string, { file: string; code: string; n: number }>();
  for (const i of issues) {
    const key = `${i.file}\u0000${i.code}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= limit) out.push(i);
    else {
      const d = dropped.get(key) ?? { file: i.file, code: i.code, n: 0 };
      d.n++;
      dropped.set(key, d);
    }
  }
  for (const d of dropped.values()) {
    out.push(
      makeIssue('info', 'issues-truncated', d.file, `${d.n} more '${d.code}' issues not listed.`, {
        params: { code: d.code, count: d.n },
      }),
    );
  }
  return out;
}
