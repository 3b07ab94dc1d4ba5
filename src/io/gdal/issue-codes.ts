/** Issue codes of the GDAL-backed readers and the 国土TXT reader (kept apart so the shared list grows by one line). */
export type GdalIssueCode =
  | 'gdal-unavailable'
  | 'gdal-open-failed'
  | 'gdal-layer-failed'
  | 'gdal-warning'
  | 'gdal-choose-layers'
  | 'gdal-mdb-unsupported'
  | 'gdal-mapinfo-incomplete'
  | 'gdal-layer-split'
  | 'gdal-cad-closed-polygons'
  | 'esrijson-partial'
  | 'gdal-too-many-features'
  | 'guotu-header-missing'
  | 'guotu-bad-line'
  | 'guotu-point-count'
  | 'guotu-ring-unclosed'
  | 'guotu-zone-mismatch'
  | 'guotu-area-mismatch'
  | 'guotu-transform-stated';

/** A multi-layer source (File Geodatabase, GeoPackage) listed for the planner to pick layers from. */
export interface SourceListing {
  /** The file or `.gdb` folder. */
  file: string;
  driver: string;
  layers: { key: string; name: string; geometryType: string; featureCount: number; crs?: string; group?: string }[];
}
