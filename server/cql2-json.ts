/**
 * CQL2-JSON read and checked against what the server compiles: the logical, comparison and spatial
 * operators, literals, properties and GeoJSON geometries. The result is a clean Cql2Expr: geometries are
 * rebuilt from their type and coordinates only, so a foreign member (a `crs`, say) never reaches PostGIS.
 */
import type { Geometry, Position } from 'geojson';
import { COMPARISONS, Cql2Error, isSpatialOp, LIMITS, show, SPATIAL, type Bbox, type Cql2Expr, type Operand } from './cql2-ast';

const OPS = ['and', 'or', 'not', ...COMPARISONS, 'like', 'between', 'in', 'isNull', ...Object.keys(SPATIAL)];
const ARITY: Record<string, number> = { not: 1, like: 2, between: 3, in: 2, isNull: 1 };
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

function fail(message: string): never {
  throw new Cql2Error(`CQL2 filter: ${message}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A calendar day PostgreSQL takes (years 1 to 9999), not just the shape of one. */
function realDay(y: number, m: number, d: number): boolean {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function checkDate(s: unknown): string {
  const m = typeof s === 'string' ? DATE.exec(s) : null;
  if (!m || !realDay(+m[1]!, +m[2]!, +m[3]!)) fail(`${show(s)} is not a date: write DATE('YYYY-MM-DD'), e.g. DATE('2024-05-01')`);
  return s as string;
}

function checkTimestamp(s: unknown): string {
  const m = typeof s === 'string' ? TIMESTAMP.exec(s) : null;
  const ok = m && realDay(+m[1]!, +m[2]!, +m[3]!) && +m[4]! <= 23 && +m[5]! <= 59 && +m[6]! <= 59 && (m[9] === undefined || (+m[9] <= 14 && +m[10]! <= 59));
  if (!ok) fail(`${show(s)} is not a timestamp: write TIMESTAMP('YYYY-MM-DDTHH:MM:SSZ'), e.g. TIMESTAMP('2024-05-01T08:30:00Z')`);
  return s as string;
}

class Validator {
  private positions = 0;

  expr(v: unknown, depth: number): Cql2Expr {
    if (depth > LIMITS.depth) fail(`nested more than ${LIMITS.depth} levels deep`);
    if (typeof v === 'boolean') return v;
    if (!isObject(v) || typeof v['op'] !== 'string') fail(`expected a condition such as {"op": "=", "args": […]} but found ${show(v)}`);
    const op = v['op'];
    const args = v['args'];
    if (!OPS.includes(op)) fail(`unknown op ${show(op)}: supported are ${OPS.join(', ')}`);
    if (!Array.isArray(args)) fail(`"${op}" needs "args", a list`);
    const want = ARITY[op] ?? (op === 'and' || op === 'or' ? null : 2);
    if (want === null ? args.length < 2 : args.length !== want) fail(`"${op}" takes ${want ?? 'at least 2'} argument${want === 1 ? '' : 's'}, not ${args.length}`);
    switch (op) {
      case 'and':
      case 'or':
        return { op, args: args.map((a) => this.expr(a, depth + 1)) };
      case 'not':
        return { op, args: [this.expr(args[0], depth + 1)] };
      case 'isNull':
        return { op, args: [this.operand(args[0], op, depth)] };
      case 'between':
        return { op, args: [this.operand(args[0], op, depth), this.operand(args[1], op, depth), this.operand(args[2], op, depth)] };
      case 'in': {
        const list = args[1];
        if (!Array.isArray(list) || list.length === 0) fail(`the second argument of "in" is a non-empty list of values, not ${show(list)}`);
        return { op, args: [this.operand(args[0], op, depth), list.map((x) => this.operand(x, op, depth))] };
      }
    }
    const pair: [Operand, Operand] = [this.operand(args[0], op, depth), this.operand(args[1], op, depth)];
    if (op === 'like') return { op, args: pair };
    if (isSpatialOp(op)) {
      for (const g of pair) if (typeof g !== 'object') fail(`${op} takes geometries (a property, a GeoJSON geometry or a bbox), not ${show(g)}`);
      return { op, args: pair };
    }
    return { op: op as (typeof COMPARISONS)[number], args: pair };
  }

  private operand(v: unknown, op: string, depth: number): Operand {
    if (typeof v === 'string') {
      if (v.includes('\0')) fail('a string with a NUL character');
      return v;
    }
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) fail(`${v} is not a finite number`);
      return v;
    }
    if (Array.isArray(v)) fail(`a list is only taken as the second argument of "in", not by "${op}"`);
    if (!isObject(v)) fail(`${show(v)} is not a value of "${op}"${v === null ? ' (a missing value is tested with "isNull")' : ''}`);
    if ('property' in v) {
      const p = v['property'];
      if (typeof p !== 'string' || p === '') fail(`a property is named by a non-empty string, not ${show(p)}`);
      return { property: p };
    }
    if ('date' in v) return { date: checkDate(v['date']) };
    if ('timestamp' in v) return { timestamp: checkTimestamp(v['timestamp']) };
    // A geometry may carry a GeoJSON `bbox` member of its own, so `type` decides first.
    if ('type' in v) return this.geometry(v, depth + 1);
    if ('bbox' in v) return { bbox: this.bbox(v['bbox']) };
    if ('op' in v) fail(`${show(v['op'])} cannot be a value of "${op}": functions and arithmetic are not supported`);
    if ('interval' in v) fail('intervals are not supported');
    return fail(`${show(v)} is not a value of "${op}"`);
  }

  private bbox(b: unknown): Bbox {
    if (!Array.isArray(b) || b.length !== 4 || !b.every((x) => typeof x === 'number' && Number.isFinite(x))) fail('a bbox is 4 numbers, [west, south, east, north]; 3D boxes are not supported');
    const [w, s, e, n] = b as Bbox;
    if (w < -180 || e > 180 || s < -90 || n > 90 || w > e || s > n) fail('a bbox must lie within -180,-90,180,90 with west ≤ east and south ≤ north');
    return [w, s, e, n];
  }

  private geometry(g: Record<string, unknown>, depth: number): Geometry {
    if (depth > LIMITS.depth) fail(`nested more than ${LIMITS.depth} levels deep`);
    const c = g['coordinates'];
    switch (g['type']) {
      case 'Point':
        return { type: 'Point', coordinates: this.position(c) };
      case 'MultiPoint':
        return { type: 'MultiPoint', coordinates: this.list(c, 'MultiPoint', (p) => this.position(p)) };
      case 'LineString':
        return { type: 'LineString', coordinates: this.line(c) };
      case 'MultiLineString':
        return { type: 'MultiLineString', coordinates: this.list(c, 'MultiLineString', (l) => this.line(l)) };
      case 'Polygon':
        return { type: 'Polygon', coordinates: this.polygon(c) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: this.list(c, 'MultiPolygon', (p) => this.polygon(p)) };
      case 'GeometryCollection':
        return {
          type: 'GeometryCollection',
          geometries: this.list(g['geometries'], 'GeometryCollection', (x) => (isObject(x) ? this.geometry(x, depth + 1) : fail(`${show(x)} in a GeometryCollection is not a geometry`))),
        };
    }
    return fail(`${show(g['type'])} is not a GeoJSON geometry type (Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, GeometryCollection)`);
  }

  private list<T>(v: unknown, what: string, item: (x: unknown) => T): T[] {
    if (!Array.isArray(v) || v.length === 0) fail(`a ${what} needs a non-empty list of ${what === 'GeometryCollection' ? 'geometries' : 'coordinates'}; empty geometries are not supported`);
    return v.map(item);
  }

  private line(v: unknown): Position[] {
    const ps = this.list(v, 'LineString', (p) => this.position(p));
    if (ps.length < 2) fail('a LineString needs at least 2 positions');
    return ps;
  }

  private polygon(v: unknown): Position[][] {
    return this.list(v, 'Polygon', (r) => {
      const ring = this.list(r, 'Polygon ring', (p) => this.position(p));
      const [a, z] = [ring[0]!, ring[ring.length - 1]!];
      if (ring.length < 4 || a[0] !== z[0] || a[1] !== z[1]) fail('a polygon ring needs at least 4 positions, its last the same as its first');
      return ring;
    });
  }

  private position(p: unknown): Position {
    if (++this.positions > LIMITS.coordinates) fail(`more than ${LIMITS.coordinates} coordinates in the filter's geometries`);
    if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) fail(`${show(p)} is not a position: [longitude, latitude], two finite numbers`);
    if (p.length > 2) fail('only 2D positions [longitude, latitude] are supported, not Z coordinates');
    const [x, y] = p as [number, number];
    if (x < -180 || x > 180 || y < -90 || y > 90) fail(`[${x}, ${y}] is outside -180..180 / -90..90: coordinates are longitude/latitude in degrees (CRS84)`);
    return [x, y];
  }
}

/** Checks a CQL2-JSON value (parsed JSON, or what parseCql2Text made) and returns it as a Cql2Expr. */
export function validateCql2(v: unknown): Cql2Expr {
  return new Validator().expr(v, 0);
}

/** A `filter-lang=cql2-json` filter, from its text. */
export function parseCql2Json(text: string): Cql2Expr {
  if (text.length > LIMITS.chars) throw new Cql2Error(`CQL2 filter of ${text.length} characters: at most ${LIMITS.chars} are read`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Cql2Error(`CQL2 JSON filter is not JSON: ${(e as Error).message.slice(0, 120)}`);
  }
  return validateCql2(v);
}
