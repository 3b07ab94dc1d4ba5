import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { chinaEpsg } from '../io/crs';

/**
 * Coordinates as surveyors hand them over: WGS 84 / CGCS2000 degrees, or CGCS2000 Gauss–Krüger metres in
 * 3° or 6° zones, X (north) before Y (east) as Chinese surveys write them — either order is read, since
 * the magnitudes tell northing (7 digits) from easting (6 digits, or 8 with the zone number in front).
 * CGCS2000 and WGS 84 differ by less than 0.1 m, so CGCS2000 degrees are taken as WGS 84.
 */
export type CoordSystem = { kind: 'wgs84' } | { kind: 'gk'; width: 3 | 6; centralMeridian: number };

export type TypedProblem = { n: number; text: string; reason: 'not-numbers' | 'out-of-range' | 'zone-mismatch' | 'too-few' };

export interface TypedResult {
  /** One list of lon/lat positions per ring or line; rings are separated by a blank line. */
  parts: Position[][];
  /** The parts by polygon: a line `# part 2` (or `# 部分 2`, `# 地块 2`) starts another polygon of a multi-part feature. */
  groups: Position[][][];
  /** The zone read from 8-digit eastings (their first two digits), when present. */
  zone?: { number: number; centralMeridian: number; epsg: number };
}

const NUM = /^[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i;
/** A comment line that starts another polygon; other `#` lines are plain comments. */
const PART = /^#\s*(part|部分|地块)(?=[\s\d]|$)/iu;

/** The EPSG code of a CGCS2000 Gauss–Krüger zone, with or without the zone number in the easting. */
export function gkEpsg(width: 3 | 6, centralMeridian: number, prefixed: boolean): number | undefined {
  if (width === 3) {
    if (centralMeridian % 3 || centralMeridian < 75 || centralMeridian > 135) return undefined;
    return prefixed ? 4513 + centralMeridian / 3 - 25 : 4534 + (centralMeridian - 75) / 3;
  }
  if ((centralMeridian - 3) % 6 || centralMeridian < 75 || centralMeridian > 135) return undefined;
  const zone = (centralMeridian + 3) / 6;
  return prefixed ? 4491 + zone - 13 : 4502 + (centralMeridian - 75) / 6;
}

/** Central meridians of the zones covering China, for a picker. */
export function centralMeridians(width: 3 | 6): number[] {
  const out: number[] = [];
  for (let cm = 75; cm <= 135; cm += width) out.push(cm);
  return out;
}

interface Converter {
  forward: (p: number[]) => number[];
  inverse: (p: number[]) => number[];
}

function converter(epsg: number): Converter {
  const def = chinaEpsg(epsg);
  if (!def) throw new Error(`EPSG:${epsg} is not a CGCS2000 zone`);
  return proj4(def.def, 'EPSG:4326');
}

/** Splits a line into its numbers; a point name in front (J1, 1, …) is skipped: the last two numbers count. */
function numbersOf(line: string): number[] | null {
  const fields = line
    .normalize('NFKC')
    .split(/[,，;；\s\t]+/)
    .filter(Boolean);
  const nums = fields.filter((f) => NUM.test(f)).map(Number);
  return nums.length >= 2 ? nums.slice(-2) : null;
}

export function parseTypedCoords(text: string, system: CoordSystem): TypedResult | { bad: TypedProblem } {
  const lines = text.split(/\r?\n/);
  const groups: Position[][][] = [[[]]];
  let parts = groups[0]!;
  let zone: TypedResult['zone'];
  let n = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (PART.test(line.normalize('NFKC')) && parts.some((p) => p.length)) {
      parts = [[]];
      groups.push(parts);
      continue;
    }
    if (!line || line.startsWith('#')) {
      if (!line && parts[parts.length - 1]!.length) parts.push([]);
      continue;
    }
    n++;
    const nums = numbersOf(line);
    if (!nums) return { bad: { n, text: line, reason: 'not-numbers' } };
    const [a, b] = nums as [number, number];
    if (system.kind === 'wgs84') {
      if (Math.abs(a) > 180 || Math.abs(b) > 90) return { bad: { n, text: line, reason: 'out-of-range' } };
      parts[parts.length - 1]!.push([a, b]);
      continue;
    }
    // Easting: 8 digits with the zone in front, or 6 around the false easting of 500 000; northing: 7 digits.
    const isEasting = (v: number) => v >= 1e7 || (v > 0 && v < 1e6);
    let east: number, north: number;
    if (isEasting(b) && !isEasting(a)) [north, east] = [a, b];
    else if (isEasting(a) && !isEasting(b)) [east, north] = [a, b];
    else return { bad: { n, text: line, reason: 'out-of-range' } };
    if (north < 1e6 || north > 6.5e6) return { bad: { n, text: line, reason: 'out-of-range' } };
    let epsg: number | undefined;
    if (east >= 1e7) {
      const number = Math.floor(east / 1e6);
      const cm = system.width === 3 ? number * 3 : number * 6 - 3;
      epsg = gkEpsg(system.width, cm, true);
      if (!epsg) return { bad: { n, text: line, reason: 'out-of-range' } };
      if (zone && zone.number !== number) return { bad: { n, text: line, reason: 'zone-mismatch' } };
      zone = { number, centralMeridian: cm, epsg };
    } else epsg = gkEpsg(system.width, system.centralMeridian, false);
    if (!epsg) return { bad: { n, text: line, reason: 'out-of-range' } };
    const p = converter(epsg).forward([east, north]);
    parts[parts.length - 1]!.push([p[0]!, p[1]!]);
  }
  const filled = groups.map((g) => g.filter((p) => p.length)).filter((g) => g.length);
  return { parts: filled.flat(), groups: filled, ...(zone ? { zone } : {}) };
}

/**
 * A geometry of the wanted kind from typed parts: polygon rings are closed, the first ring of each polygon
 * is its outline; several `groups` (polygons) make a MultiPolygon.
 */
export function geometryFromParts(parts: Position[][], kind: 'polygon' | 'line' | 'point', groups: Position[][][] = [parts]): Geometry | { tooFew: number } {
  if (kind === 'point') {
    const pts = parts.flat();
    if (!pts.length) return { tooFew: 1 };
    return pts.length === 1 ? { type: 'Point', coordinates: pts[0]! } : { type: 'MultiPoint', coordinates: pts };
  }
  if (kind === 'line') {
    if (parts.some((p) => p.length < 2) || !parts.length) return { tooFew: 2 };
    return parts.length === 1 ? { type: 'LineString', coordinates: parts[0]! } : { type: 'MultiLineString', coordinates: parts };
  }
  const closed = (p: Position[]) => {
    const first = p[0]!;
    const last = p[p.length - 1]!;
    return first[0] === last[0] && first[1] === last[1] && p.length > 1 ? p : [...p, first];
  };
  const polygons = groups.map((g) => g.map(closed));
  if (!polygons.length || polygons.some((rings) => !rings.length || rings.some((r) => r.length < 4))) return { tooFew: 3 };
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * A feature's vertices as text in a coordinate system, for editing them by hand: rings separated by a
 * blank line, the polygons of a multi-part feature by a `# part N` line.
 */
export function formatTypedCoords(g: Geometry, system: CoordSystem, prefixed = true): string | null {
  let groups: Position[][][];
  if (g.type === 'Point') groups = [[[g.coordinates]]];
  else if (g.type === 'MultiPoint' || g.type === 'LineString') groups = [[g.coordinates]];
  else if (g.type === 'MultiLineString') groups = [g.coordinates];
  else if (g.type === 'Polygon') groups = [g.coordinates.map((r) => r.slice(0, -1))];
  else if (g.type === 'MultiPolygon') groups = g.coordinates.map((poly) => poly.map((r) => r.slice(0, -1)));
  else return null;
  let write: (c: Position) => string;
  if (system.kind === 'wgs84') write = (c) => `${c[0]!.toFixed(9)}, ${c[1]!.toFixed(9)}`;
  else {
    const epsg = gkEpsg(system.width, system.centralMeridian, prefixed);
    if (!epsg) return null;
    const conv = converter(epsg);
    write = (c) => {
      const [e, n] = conv.inverse([c[0]!, c[1]!]);
      return `${n!.toFixed(3)}, ${e!.toFixed(3)}`;
    };
  }
  return groups.map((parts, i) => (i ? `# part ${i + 1}\n` : '') + parts.map((p) => p.map(write).join('\n')).join('\n\n')).join('\n\n');
}
