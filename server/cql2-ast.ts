/**
 * The CQL2 filter tree the server works on: the standard CQL2-JSON encoding (OGC 21-065), narrowed to what
 * the server compiles. Both the text parser and the JSON reader end here, so one compiler serves both.
 */
import type { Geometry } from 'geojson';

/** A filter the server cannot read or cannot apply to the layer; its message is for the person who wrote it. */
export class Cql2Error extends Error {}

/** Against hostile or runaway input: each is refused with a Cql2Error before it can cost more. */
export const LIMITS = {
  /** Characters of filter text, in either encoding. */
  chars: 1_000_000,
  /** Nested conditions, parentheses, NOTs and geometry collections. */
  depth: 100,
  /** Coordinate pairs over all geometry literals of one filter. */
  coordinates: 1_000_000,
  /** `$n` parameters of one statement; PostgreSQL itself stops at 65 535. */
  parameters: 10_000,
} as const;

export const COMPARISONS = ['=', '<>', '<', '>', '<=', '>='] as const;
export type ComparisonOp = (typeof COMPARISONS)[number];

/** CQL2's spatial functions and the PostGIS function each one is. */
export const SPATIAL = {
  s_intersects: 'ST_Intersects',
  s_disjoint: 'ST_Disjoint',
  s_contains: 'ST_Contains',
  s_within: 'ST_Within',
  s_touches: 'ST_Touches',
  s_crosses: 'ST_Crosses',
  s_overlaps: 'ST_Overlaps',
  s_equals: 'ST_Equals',
} as const;
export type SpatialOp = keyof typeof SPATIAL;

export function isSpatialOp(op: string): op is SpatialOp {
  return Object.prototype.hasOwnProperty.call(SPATIAL, op);
}

export type Bbox = [number, number, number, number];

export type Literal = string | number | boolean | { date: string } | { timestamp: string };
/** A value a predicate works on: a literal, a property, a GeoJSON geometry or a bbox. */
export type Operand = Literal | { property: string } | { bbox: Bbox } | Geometry;

export type Cql2Expr =
  | boolean
  | { op: 'and' | 'or'; args: Cql2Expr[] }
  | { op: 'not'; args: [Cql2Expr] }
  | { op: ComparisonOp; args: [Operand, Operand] }
  | { op: 'like'; args: [Operand, Operand] }
  | { op: 'between'; args: [Operand, Operand, Operand] }
  | { op: 'in'; args: [Operand, Operand[]] }
  | { op: 'isNull'; args: [Operand] }
  | { op: SpatialOp; args: [Operand, Operand] };

/** A value for a message: short and shallow, so a hostile filter is neither echoed back whole nor walked. */
export function show(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length ? `an object with ${keys.slice(0, 3).map((k) => JSON.stringify(k.slice(0, 20))).join(', ')}${keys.length > 3 ? '…' : ''}` : 'an empty object';
  }
  const s = typeof v === 'string' ? `'${v}'` : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
