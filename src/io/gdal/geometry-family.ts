/** The family of each GeoJSON geometry type: GDAL layers (and CAD drawings split by it) hold one family each. */
export type GeometryFamily = 'points' | 'lines' | 'polygons';

export const FAMILY: Readonly<Record<string, GeometryFamily>> = {
  Point: 'points',
  MultiPoint: 'points',
  LineString: 'lines',
  MultiLineString: 'lines',
  Polygon: 'polygons',
  MultiPolygon: 'polygons',
};
