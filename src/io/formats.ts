/**
 * The file formats the Atlas reads and writes, one entry per format (id, extensions, read, write).
 * Parsers and writers are loaded with import() so a page or worker only pays for what it uses.
 */
import type { Feature, Geometry } from 'geojson';
import type { IdAllocator } from './sanitize';
import type { KmlStyle } from './export/kml';
import type { ImportIssue, ImportOptions, ImportResult, InputFile } from './types';
import { GDAL_FORMATS, type GdalFormatId } from './gdal/gdal-formats';

/** Extensions of the files that make up one shapefile (grouped by name). */
export const SHAPEFILE_PARTS: ReadonlySet<string> = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'fix', 'xml', 'qmd', 'qpj']);

export type FormatId = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'shapefile' | 'csv' | 'guotu-txt' | GdalFormatId;

export interface ExportOutput {
  data: string | Uint8Array;
  mimeType: string;
  extension: string;
  issues: ImportIssue[];
}

export interface ExportOptions {
  /** Round coordinates to this many decimals (GeoJSON, CSV). */
  precision?: number;
  /** Extra fields computed by the caller (e.g. area), added to each feature's properties. */
  derive?: (f: Feature) => Record<string, unknown>;
  /** Layer / file base name inside archives. */
  name?: string;
  /** Target CRS of the GDAL-written formats and 国土TXT (e.g. 'EPSG:4526'); WGS 84 when absent. */
  crs?: string;
  /** Language of names written for features that carry name_zh / name_en (KML placemarks). */
  lang?: 'zh' | 'en';
  /** KML: the look of every placemark, or of each (its layer's colours). */
  style?: KmlStyle;
  styleOf?: (f: Feature<Geometry | null>) => KmlStyle | undefined;
  /** GeoPackage, File Geodatabase, FlatGeobuf, DXF: the atlas layer a feature belongs to (one GDAL / CAD layer each). */
  layerOf?: (f: Feature<Geometry | null>) => { name: string; labelField?: string | null } | undefined;
  /** DXF: the field whose values are written as text (the layer's label field) when `layerOf` is not given. */
  labelField?: string | null;
}

export interface IoFormat {
  id: FormatId;
  label: string;
  extensions: readonly string[];
  mimeType: string;
  read?: (file: InputFile, options: ImportOptions, ids: IdAllocator) => Promise<ImportResult>;
  write?: (features: readonly Feature<Geometry | null>[], options: ExportOptions) => Promise<ExportOutput>;
  /** Read through GDAL (gdal3.js in its own worker, loaded on first use) rather than `read`. */
  viaGdal?: true;
}

export const FORMATS: readonly IoFormat[] = [
  {
    id: 'geojson',
    label: 'GeoJSON',
    extensions: ['geojson', 'json'],
    mimeType: 'application/geo+json',
    read: async (f, o, ids) => (await import('./import/geojson')).importGeoJson(f, o, ids),
    write: async (features, o) => {
      const data = (await import('./export/geojson')).exportGeoJson(features, o);
      return { data, mimeType: 'application/geo+json', extension: 'geojson', issues: [] };
    },
  },
  {
    id: 'kml',
    label: 'KML',
    extensions: ['kml'],
    mimeType: 'application/vnd.google-earth.kml+xml',
    read: async (f, o, ids) => (await import('./import/kml')).importKml(f, o, ids),
    write: async (features, o) => {
      const data = (await import('./export/kml')).exportKml(features, o);
      return { data, mimeType: 'application/vnd.google-earth.kml+xml', extension: 'kml', issues: [] };
    },
  },
  {
    id: 'kmz',
    label: 'KMZ',
    extensions: ['kmz'],
    mimeType: 'application/vnd.google-earth.kmz',
    read: async (f, o, ids) => (await import('./import/kml')).importKml(f, o, ids),
  },
  {
    id: 'gpx',
    label: 'GPX',
    extensions: ['gpx'],
    mimeType: 'application/gpx+xml',
    read: async (f, o, ids) => (await import('./import/kml')).importKml(f, o, ids),
  },
  {
    id: 'shapefile',
    label: 'Shapefile (zip)',
    extensions: ['zip', 'shp', 'dbf', 'shx', 'prj', 'cpg'],
    mimeType: 'application/zip',
    write: async (features, o) => {
      const r = await (await import('./export/shapefile')).exportShapefile(features, o);
      return { data: r.data, mimeType: 'application/zip', extension: 'zip', issues: r.issues };
    },
  },
  {
    id: 'csv',
    label: 'CSV',
    extensions: ['csv', 'tsv', 'txt'],
    mimeType: 'text/csv',
    read: async (f, o, ids) => (await import('./import/csv')).importCsv(f, o, ids),
    write: async (features, o) => {
      const data = (await import('./export/csv')).exportCsv(features, { ...o, bom: true });
      return { data, mimeType: 'text/csv;charset=utf-8', extension: 'csv', issues: [] };
    },
  },
  {
    id: 'guotu-txt',
    label: '国土TXT (界址点坐标)',
    extensions: ['txt'],
    mimeType: 'text/plain',
    read: async (f, o, ids) => (await import('./guotu-txt')).importGuotuTxt(f, o, ids),
    write: async (features, o) => {
      const { exportGuotuTxt, guotuZoneOfCrs } = await import('./guotu-txt-write');
      const { text, issues } = exportGuotuTxt(features, guotuZoneOfCrs(o.crs));
      return { data: text, mimeType: 'text/plain;charset=utf-8', extension: 'txt', issues };
    },
  },
  ...GDAL_FORMATS,
];

export function formatById(id: FormatId): IoFormat {
  return FORMATS.find((f) => f.id === id)!;
}
