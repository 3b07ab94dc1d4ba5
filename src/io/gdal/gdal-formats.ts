/** The formats read through GDAL, as entries of the format registry (src/io/formats.ts). */
import type { IoFormat } from '../formats';

export type GdalFormatId = 'filegdb' | 'gpkg' | 'dxf' | 'dwg' | 'mapinfo' | 'flatgeobuf' | 'gml' | 'xlsx' | 'ods' | 'sqlite' | 'geojsonseq' | 'esrijson';

import type { GdalWriteKind } from './write-gdal';

const entry = (id: GdalFormatId, label: string, extensions: string[], mimeType = 'application/octet-stream', writeAs?: GdalWriteKind): IoFormat => ({
  id,
  label,
  extensions,
  mimeType,
  viaGdal: true,
  ...(writeAs ? { write: async (features, o) => (await import('./write-gdal')).writeViaGdal(features, writeAs, o) } : {}),
});

export const GDAL_FORMATS: readonly IoFormat[] = [
  entry('filegdb', 'File Geodatabase (.gdb folder or zip)', ['gdb', 'gdbtable', 'gdbtablx'], 'application/zip', 'filegdb'),
  entry('gpkg', 'GeoPackage', ['gpkg'], 'application/geopackage+sqlite3', 'gpkg'),
  entry('dxf', 'AutoCAD DXF', ['dxf'], 'image/vnd.dxf', 'dxf'),
  entry('dwg', 'AutoCAD DWG (R2000 and older)', ['dwg']),
  entry('mapinfo', 'MapInfo TAB / MIF', ['tab', 'dat', 'map', 'id', 'ind', 'mif', 'mid']),
  entry('flatgeobuf', 'FlatGeobuf', ['fgb'], 'application/octet-stream', 'flatgeobuf'),
  entry('gml', 'GML', ['gml']),
  entry('xlsx', 'Excel (XLSX)', ['xlsx']),
  entry('ods', 'OpenDocument spreadsheet', ['ods']),
  entry('sqlite', 'SQLite / SpatiaLite', ['sqlite']),
  entry('geojsonseq', 'GeoJSON sequence', ['geojsonl', 'geojsons']),
  // Also as `.json`, told from GeoJSON by its content (src/io/esrijson-sniff.ts).
  entry('esrijson', 'ESRI JSON (ArcGIS REST query)', ['esrijson', 'json'], 'application/json'),
];
