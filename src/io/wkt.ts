/**
 * Minimal WKT / EWKT reader and writer for the 2D/3D simple features (Point … MultiPolygon,
 * GeometryCollection; Z, M and ZM tags; EMPTY; an `SRID=n;` prefix). M values are dropped.
 */
import type { Geometry, Position } from 'geojson';

export interface WktResult {
  geometry?: Geometry | null;
  srid?: number;
  error?: string;
}

const TYPES: Record<string, Geometry['type']> = {
  POINT: 'Point',
  MULTIPOINT: 'MultiPoint',
  LINESTRING: 'LineString',
  MULTILINESTRING: 'MultiLineString',
  POLYGON: 'Polygon',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

class WktError extends Error {}

/** Parses WKT; `geometry: null` for EMPTY, `error` (never a throw) for bad text. */
export function parseWkt(input: string): WktResult {
  let s = input.trim();
  let srid: number | undefined;
  const m = /^SRID=(\d+);/i.exec(s);
  if (m) {
    srid = Number(m[1]);
    s = s.slice(m[0].length);
  }
  let i = 0;
  const ws = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const expect = (c: string) => {
    ws();
    if (s[i] !== c) throw new WktError(`expected "${c}" at character ${i + 1}`);
    i++;
  };
  const word = () => {
    ws();
    const w = /^[A-Za-z]+/.exec(s.slice(i))?.[0] ?? '';
    i += w.length;
    return w.toUpperCase();
  };
  const peekEmpty = () => {
    ws();
    if (/^EMPTY\b/i.test(s.slice(i))) {
      i += 5;
      return true;
    }
    return false;
  };
  let hasM = false;
  const position = (): Position => {
    const nums: number[] = [];
    for (;;) {
      ws();
      const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s.slice(i))?.[0];
      if (!n) break;
      nums.push(Number(n));
      i += n.length;
    }
    if (nums.length < 2) throw new WktError(`expected coordinates at character ${i + 1}`);
    // XYM: keep XY; XYZM: keep XYZ; XY and XYZ stay.
    return (hasM ? nums.slice(0, -1) : nums).slice(0, 3);
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const out = [item()];
    ws();
    while (s[i] === ',') {
      i++;
      out.push(item());
      ws();
    }
    expect(')');
    return out;
  };
  const pointInMulti = () => {
    ws();
    if (s[i] === '(') {
      i++;
      const p = position();
      expect(')');
      return p;
    }
    return position();
  };
  const geometry = (): Geometry | null => {
    const tag = word();
    const type = TYPES[tag];
    if (!type) throw new WktError(`unknown geometry type "${tag}"`);
    const mod = /^\s*(ZM|Z|M)\b/i.exec(s.slice(i));
    if (mod) {
      i += mod[0].length;
      hasM = mod[1]!.toUpperCase() !== 'Z';
    }
    if (peekEmpty()) return null;
    switch (type) {
      case 'Point': {
        expect('(');
        const p = position();
        expect(')');
        return { type, coordinates: p };
      }
      case 'MultiPoint':
        return { type, coordinates: list(pointInMulti) };
      case 'LineString':
        return { type, coordinates: list(position) };
      case 'MultiLineString':
        return { type, coordinates: list(() => list(position)) };
      case 'Polygon':
        return { type, coordinates: list(() => list(position)) };
      case 'MultiPolygon':
        return { type, coordinates: list(() => list(() => list(position))) };
      default:
        return { type: 'GeometryCollection', geometries: list(geometry).filter((g): g is Geometry => g !== null) };
    }
  };
  try {
    const g = geometry();
    ws();
    if (i < s.length) throw new WktError(`unexpected text at character ${i + 1}`);
    return { geometry: g, ...(srid !== undefined ? { srid } : {}) };
  } catch (e) {
    if (e instanceof WktError) return { error: e.message };
    throw e;
  }
}

const pos = (p: Position, precision?: number) =>
  p.map((v) => (precision === undefined ? String(v) : String(Number(v.toFixed(precision))))).join(' ');

/** Writes a geometry as WKT (Z added when the first position has three ordinates). */
export function toWkt(g: Geometry, precision?: number): string {
  const line = (l: Position[]) => `(${l.map((p) => pos(p, precision)).join(', ')})`;
  const poly = (rings: Position[][]) => `(${rings.map(line).join(', ')})`;
  const first = firstPosition(g);
  const z = first && first.length > 2 ? ' Z' : '';
  switch (g.type) {
    case 'Point':
      return `POINT${z} (${pos(g.coordinates, precision)})`;
    case 'MultiPoint':
      return g.coordinates.length ? `MULTIPOINT${z} (${g.coordinates.map((p) => `(${pos(p, precision)})`).join(', ')})` : 'MULTIPOINT EMPTY';
    case 'LineString':
      return g.coordinates.length ? `LINESTRING${z} ${line(g.coordinates)}` : 'LINESTRING EMPTY';
    case 'MultiLineString':
      return g.coordinates.length ? `MULTILINESTRING${z} (${g.coordinates.map(line).join(', ')})` : 'MULTILINESTRING EMPTY';
    case 'Polygon':
      return g.coordinates.length ? `POLYGON${z} ${poly(g.coordinates)}` : 'POLYGON EMPTY';
    case 'MultiPolygon':
      return g.coordinates.length ? `MULTIPOLYGON${z} (${g.coordinates.map(poly).join(', ')})` : 'MULTIPOLYGON EMPTY';
    default:
      return g.geometries.length ? `GEOMETRYCOLLECTION (${g.geometries.map((x) => toWkt(x, precision)).join(', ')})` : 'GEOMETRYCOLLECTION EMPTY';
  }
}

function firstPosition(g: Geometry): Position | undefined {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates[0];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0];
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0];
    default:
      return g.geometries[0] ? firstPosition(g.geometries[0]) : undefined;
  }
}
