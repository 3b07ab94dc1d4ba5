import type { Polygon, Position } from 'geojson';
import { WGS84 } from './wgs84';

/**
 * The ring of points at `radiusMeters` along geodesics from `center` on the WGS84 ellipsoid (GeographicLib
 * Direct), as a closed counter-clockwise polygon of `steps` vertices. It outlines exactly what a geodesic
 * radius search finds, which a spherical circle (turf.circle) misses by up to ~0.5 % of the radius.
 *
 * @example geodesicCircle([113.3385, 35.1795], 2000).coordinates[0].length // 129
 */
export function geodesicCircle(center: Position, radiusMeters: number, steps = 128): Polygon {
  const [lon, lat] = [center[0]!, center[1]!];
  const ring: Position[] = [];
  // Azimuths run clockwise from north; stepping them backwards gives the counter-clockwise ring RFC 7946 asks for.
  for (let i = 0; i < steps; i++) {
    const azimuth = 360 - (360 * i) / steps;
    const p = WGS84.Direct(lat, lon, azimuth, radiusMeters);
    ring.push([p.lon2!, p.lat2!]);
  }
  ring.push([...ring[0]!]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * The centre and mean geodesic radius of a circle drawn as a ring (the drawing library's circle is
 * spherical): the centre is the geodesic midpoint of two opposite vertices, which a circle has on any
 * model of the earth, the radius the mean ellipsoidal distance of its vertices from there.
 */
export function circleFromRing(ring: readonly Position[]): { center: Position; radius: number } {
  const n = ring.length - 1;
  const a = ring[0]!;
  const b = ring[Math.floor(n / 2)]!;
  const line = WGS84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
  const mid = line.Position(line.s13 / 2);
  const center: Position = [mid.lon2!, mid.lat2!];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += WGS84.Inverse(center[1]!, center[0]!, ring[i]![1]!, ring[i]![0]!).s12!;
  return { center, radius: sum / n };
}
