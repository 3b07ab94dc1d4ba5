import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { forEachPosition, mapPositions } from '../io/coords';

/**
 * Turning a whole feature about its centre. The turn happens in a transverse Mercator plane centred on
 * the feature (WGS 84 ellipsoid): that projection is conformal and its scale differs from 1 by under 1e-7
 * within a few kilometres of its centre, so a turned parcel keeps its ellipsoidal area and the distances
 * of its vertices from the centre to well under a millimetre. A turn in Web Mercator, as drawing libraries
 * do it, would stretch a 1 km parcel by about 1e-4 between north and south.
 */
type Plane = { forward: (p: number[]) => number[]; inverse: (p: number[]) => number[] };

function planeAt(lon: number, lat: number): Plane {
  return proj4('EPSG:4326', `+proj=tmerc +lat_0=${lat} +lon_0=${lon} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`);
}

function positions(g: Geometry): Position[] {
  const out: Position[] = [];
  forEachPosition(g, (p) => out.push(p));
  return out;
}

/** Shoelace centroid of the outer rings (the vertices' mean for lines and points), in plane metres. */
function planeCentroid(g: Geometry, plane: Plane): [number, number] {
  const rings = g.type === 'Polygon' ? [g.coordinates[0]!] : g.type === 'MultiPolygon' ? g.coordinates.map((p) => p[0]!) : [];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    const xy = ring.map((p) => plane.forward([p[0]!, p[1]!]));
    for (let i = 0; i + 1 < xy.length; i++) {
      const [x0, y0] = xy[i]!;
      const [x1, y1] = xy[i + 1]!;
      const cross = x0! * y1! - x1! * y0!;
      a += cross;
      cx += (x0! + x1!) * cross;
      cy += (y0! + y1!) * cross;
    }
  }
  if (Math.abs(a) > 1e-9) return [cx / (3 * a), cy / (3 * a)];
  const xy = positions(g).map((p) => plane.forward([p[0]!, p[1]!]));
  return [xy.reduce((s, p) => s + p[0]!, 0) / xy.length, xy.reduce((s, p) => s + p[1]!, 0) / xy.length];
}

/** The point a feature turns about: its area centroid (vertex mean for lines), lon/lat. */
export function rotationPivot(g: Geometry): [number, number] | null {
  const ps = positions(g);
  if (ps.length < 2) return null;
  const lons = ps.map((p) => p[0]!);
  const lats = ps.map((p) => p[1]!);
  const plane = planeAt((Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2);
  const c = plane.inverse(planeCentroid(g, plane));
  return [c[0]!, c[1]!];
}

/** The geometry turned `degrees` clockwise (as a bearing turns) about `pivot`; heights are kept. */
export function rotateGeometry(g: Geometry, degrees: number, pivot: [number, number]): Geometry {
  const plane = planeAt(pivot[0], pivot[1]);
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return mapPositions(g, (p) => {
    const [x, y] = plane.forward([p[0]!, p[1]!]);
    const q = plane.inverse([x! * cos + y! * sin, -x! * sin + y! * cos]);
    return [q[0]!, q[1]!, ...p.slice(2)];
  });
}

/** The clockwise turn, in degrees (−180, 180], from pivot→`from` to pivot→`to`: what a drag around the pivot asks for. */
export function dragAngle(pivot: [number, number], from: [number, number], to: [number, number]): number {
  const plane = planeAt(pivot[0], pivot[1]);
  const [ax, ay] = plane.forward(from);
  const [bx, by] = plane.forward(to);
  // Bearings are measured clockwise from north: atan2(east, north).
  let d = ((Math.atan2(bx!, by!) - Math.atan2(ax!, ay!)) * 180) / Math.PI;
  if (d <= -180) d += 360;
  if (d > 180) d -= 360;
  return d;
}
