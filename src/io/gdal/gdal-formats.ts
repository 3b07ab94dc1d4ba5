/** The formats read through GDAL, as entries of the format registry (src/io/formats.ts). */
import type { IoFormat } from '../formats';

export type GdalFormatId = 'filegdb' | 'gpkg' | 'dxf' | 'dwg' | 'mapinfo' | 'flatgeobuf' | 'gml' | 'xlsx' | 'ods' | 'sqlite' | 'geojsonseq' | 'topojson';

const entry = (id: GdalFormatId, label: string, extensions: string[], mimeType = 'application/octet-stream'): IoFormat => ({ id, label, extensions, mimeType, viaGdal: true });

export const GDAL_FORMATS: readonly IoFormat[] = [
  entry('filegdb', 'File Geodatabase (.gdb folder or zip)', ['gdb', 'gdbtable', 'gdbtablx']),
  entry('gpkg', 'GeoPackage', ['gpkg'], 'application/geopackage+sqlite3'),
  entry('dxf', 'AutoCAD DXF', ['dxf'], 'image/vnd.dxf'),
  entry('dwg', 'AutoCAD DWG (R2000 and older)', ['dwg']),
  entry('mapinfo', 'MapInfo TAB / MIF', ['tab', 'dat', 'map', 'id', 'ind', 'mif', 'mid']),
  entry('flatgeobuf', 'FlatGeobuf', ['fgb']),
  entry('gml', 'GML', ['gml']),
  entry('xlsx', 'Excel (XLSX)', ['xlsx']),
  entry('ods', 'OpenDocument spreadsheet', ['ods']),
  entry('sqlite', 'SQLite / SpatiaLite', ['sqlite']),
  entry('geojsonseq', 'GeoJSON sequence', ['geojsonl', 'geojsons']),
  entry('topojson', 'TopoJSON', ['topojson']),
];
