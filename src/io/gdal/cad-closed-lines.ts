/**
 * CAD drawings hold parcels and zones as closed polylines, which GDAL's DXF/DWG drivers read as
 * lines; a planner means areas. Closed lines (first vertex repeated, at least 4 positions) become
 * polygons; open ones stay lines.
 */
import type { Position } from 'geojson';
import type { RawFeature } from '../normalize';

function closed(ring: Position[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return ring.length >= 4 && !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Returns the features with closed polylines as polygons, and how many were turned. */
export function closedLinesToPolygons(raw: RawFeature[]): { raw: RawFeature[]; turned: number } {
  let turned = 0;
  const out = raw.map((f) => {
    const g = f?.geometry as { type?: string; coordinates?: Position[] } | null | undefined;
    if (g?.type !== 'LineString' || !Array.isArray(g.coordinates) || !closed(g.coordinates)) return f;
    turned++;
    return { ...f, geometry: { type: 'Polygon', coordinates: [g.coordinates] } } as RawFeature;
  });
  return { raw: out, turned };
}
