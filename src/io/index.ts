/** Public API of the import/export modules (pure: no DOM, no map; runs in a worker or Node). */
export * from './types';
export { importFile, sniffKind } from './import/import-file';
export { importGeoJson } from './import/geojson';
export { importKml } from './import/kml';
export { importShapefiles, readShapefile, groupShapefileParts } from './import/shapefile';
export { importCsv, detectCsvColumns } from './import/csv';
export { resolveCrs, inferCrs, crsFromEpsg, chinaEpsg, epsgFromName, type ResolvedCrs } from './crs';
export { gcj02ToWgs84, convertGcj02ToWgs84, looksLikeGcj02 } from './gcj02';
export { parseWkt, toWkt } from './wkt';
export { exportGeoJson, prepareFeatures, suggestFileName, type GeoJsonExportOptions } from './export/geojson';
export { exportKml } from './export/kml';
export { exportCsv, neutralizeCell, type CsvExportOptions } from './export/csv';
export { exportShapefile, dbfFieldNames, truncateUtf8, type ShapefileExportOptions } from './export/shapefile';
export { FORMATS, formatById, type FormatId, type IoFormat, type ExportOutput, type ExportOptions } from './formats';
