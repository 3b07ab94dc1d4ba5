import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The zone filter as the server's own spatial filter (FES 2.0 `Intersects`): only the features that meet
 * the zone come back, however big the type is. Coordinates are written in `urn:ogc:def:crs:EPSG::4326`,
 * latitude first, as that name says (servers read it so).
 */
export function intersectsFilter(zone: Polygon | MultiPolygon, geometryProperty: string): string {
  const polygons = zone.type === 'Polygon' ? [zone.coordinates] : zone.coordinates;
  const srs = 'urn:ogc:def:crs:EPSG::4326';
  const ring = (r: Position[]) => `<gml:LinearRing><gml:posList>${r.map((p) => `${round(p[1]!)} ${round(p[0]!)}`).join(' ')}</gml:posList></gml:LinearRing>`;
  const polygon = (rings: Position[][], i: number) =>
    `<gml:Polygon gml:id="zone-${i}" srsName="${srs}"><gml:exterior>${ring(rings[0]!)}</gml:exterior>${rings
      .slice(1)
      .map((h) => `<gml:interior>${ring(h)}</gml:interior>`)
      .join('')}</gml:Polygon>`;
  const shape =
    polygons.length === 1
      ? polygon(polygons[0]!, 0)
      : `<gml:MultiSurface gml:id="zone" srsName="${srs}">${polygons.map((p, i) => `<gml:surfaceMember>${polygon(p, i)}</gml:surfaceMember>`).join('')}</gml:MultiSurface>`;
  return `<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:Intersects><fes:ValueReference>${escapeXml(geometryProperty)}</fes:ValueReference>${shape}</fes:Intersects></fes:Filter>`;
}

/** 1e-7° (about 1 cm): what a zone needs, and a shorter request. */
const round = (v: number) => String(Math.round(v * 1e7) / 1e7);

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The geometry property of a feature type from its DescribeFeatureType schema (an element typed as one of
 * GML's geometry property types: `the_geom` on GeoServer, `msGeometry` on MapServer), or null.
 */
export function geometryProperty(xsd: string): string | null {
  const m = /<(?:\w+:)?element\b[^>]*?\bname="([^"]+)"[^>]*?\btype="(?:\w+:)?\w*(?:Geometry|Point|Curve|LineString|Surface|Polygon|MultiPoint|MultiCurve|MultiLineString|MultiSurface|MultiPolygon|MultiGeometry)PropertyType"/.exec(xsd)
    ?? /<(?:\w+:)?element\b[^>]*?\btype="(?:\w+:)?\w*(?:Geometry|Point|Curve|LineString|Surface|Polygon|MultiPoint|MultiCurve|MultiLineString|MultiSurface|MultiPolygon|MultiGeometry)PropertyType"[^>]*?\bname="([^"]+)"/.exec(xsd);
  return m?.[1] ?? null;
}
