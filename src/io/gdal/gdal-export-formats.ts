import type { FormatId } from '../formats';

/** Export formats written through GDAL (and 国土TXT), each with a target coordinate system. */
export const GDAL_EXPORT_FORMATS: { id: FormatId; label: string }[] = [
  { id: 'gpkg', label: 'GeoPackage (.gpkg)' },
  { id: 'filegdb', label: 'File Geodatabase (.gdb.zip)' },
  { id: 'dxf', label: 'AutoCAD DXF' },
  { id: 'flatgeobuf', label: 'FlatGeobuf (.fgb)' },
  { id: 'guotu-txt', label: '国土TXT（界址点坐标）' },
];
