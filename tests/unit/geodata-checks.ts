/** Helpers for geodata.test.ts: file loading, RFC 7946 geometry checks and ellipsoidal areas. */
import { readFileSync } from 'node:fs';
import { Geodesic } from 'geographiclib-geodesic';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position } from 'geojson';

export const GEODATA_DIR = new URL('../../geodata/', import.meta.url);

export function readText(file: string): string {
  return readFileSync(new URL(file, GEODATA_DIR), 'utf8');
}
export function readLayer(file: string): FeatureCollection {
  return JSON.parse(readText(file)) as FeatureCollection;
}

/** Ellipsoidal (WGS84) area in km², outer rings minus holes (GeographicLib; lat first). */
export function geodesicKm2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let m2 = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const p = Geodesic.WGS84.Polygon(false);
      for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat!, lon!);
      m2 += (i === 0 ? 1 : -1) * Math.abs(p.Compute(false, true).area ?? Number.NaN);
    });
  }
  return m2 / 1e6;
}

const shoelace = (r: Position[]) => r.slice(0, -1).reduce((s, p, i) => s + p[0]! * r[i + 1]![1]! - r[i + 1]![0]! * p[1]!, 0);

/** Problems with one geometry under RFC 7946 and our own rules; empty when valid. */
export function geometryProblems(g: Geometry): string[] {
  const out: string[] = [];
  const checkPos = (p: Position) => {
    if (p.length !== 2) out.push(`position with ${p.length} values`);
    const [lon, lat] = p as [number, number];
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) out.push(`out of range ${p}`);
    if (Math.round(lon * 1e6) / 1e6 !== lon || Math.round(lat * 1e6) / 1e6 !== lat) out.push(`more than 6 decimals ${p}`);
  };
  const checkSeq = (s: Position[]) => {
    s.forEach(checkPos);
    for (let i = 1; i < s.length; i++) if (s[i]![0] === s[i - 1]![0] && s[i]![1] === s[i - 1]![1]) out.push(`duplicate consecutive vertex ${s[i]}`);
  };
  const checkPolygon = (rings: Position[][]) => {
    rings.forEach((r, i) => {
      checkSeq(r);
      const f = r[0]!;
      const l = r[r.length - 1]!;
      if (r.length < 4) out.push(`ring ${i} has ${r.length} positions`);
      if (f[0] !== l[0] || f[1] !== l[1]) out.push(`ring ${i} not closed`);
      const ccw = shoelace(r) > 0;
      if (ccw !== (i === 0)) out.push(`ring ${i} winding (${i === 0 ? 'outer must be counter-clockwise' : 'hole must be clockwise'})`);
    });
  };
  switch (g.type) {
    case 'Point': checkPos(g.coordinates); break;
    case 'LineString': checkSeq(g.coordinates); if (g.coordinates.length < 2) out.push('line with < 2 positions'); break;
    case 'Polygon': checkPolygon(g.coordinates); break;
    case 'MultiPolygon': g.coordinates.forEach(checkPolygon); break;
    default: out.push(`unexpected geometry ${g.type}`);
  }
  if ((g.type === 'Polygon' || g.type === 'MultiPolygon' || g.type === 'LineString') && turf.kinks(turf.feature(g)).features.length > 0) out.push('self-intersection');
  return out;
}

/** Shared area in m² of two polygons (0 when they only touch). */
export function overlapM2(a: Feature<Polygon | MultiPolygon>, b: Feature<Polygon | MultiPolygon>): number {
  const [ax0, ay0, ax1, ay1] = turf.bbox(a);
  const [bx0, by0, bx1, by1] = turf.bbox(b);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return 0;
  const x = turf.intersect(turf.featureCollection([a, b]));
  return x ? turf.area(x) : 0;
}

/** Latitude of a west→east line at a longitude (linear interpolation between its vertices). */
export function latOfLineAt(line: Position[], lon: number): number {
  for (let i = 0; i + 1 < line.length; i++) {
    const [x1, y1] = line[i] as [number, number];
    const [x2, y2] = line[i + 1] as [number, number];
    if (lon >= x1 && lon <= x2) return y1 + ((y2 - y1) * (lon - x1)) / (x2 - x1);
  }
  throw new Error(`line does not span longitude ${lon}`);
}

export { turf };
