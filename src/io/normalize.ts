/**
 * Turns raw features from any reader into clean WGS84 features: validates structure and numbers,
 * reprojects, converts GCJ-02 on request, fixes what can be fixed (unclosed rings, duplicate
 * points, winding) and excludes what cannot, listing every exclusion. Inputs are never mutated.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { mapPositions, rewindGeometry, ringSelfIntersection } from './coords';
import type { ResolvedCrs } from './crs';
import { gcj02ToWgs84 } from './gcj02';
import { claimId, featureNameOf, generateId, sanitizeProperties, type IdAllocator } from './sanitize';
import { makeIssue, type ImportIssue, type IssueCode, type IssueSeverity } from './types';

export interface NormalizeContext {
  file: string;
  crs?: ResolvedCrs;
  gcj02?: boolean;
  ids: IdAllocator;
  /** Source index of each raw feature (defaults to its position), e.g. CSV row numbers. */
  indexOf?: (i: number) => number;
  /** Line number to report for a feature (CSV). */
  lineOf?: (i: number) => number | undefined;
}

class GeometryProblem extends Error {
  constructor(
    readonly code: IssueCode,
    message: string,
    readonly params?: Record<string, string | number | boolean>,
  ) {
    super(message);
  }
}

interface Notes {
  add(severity: IssueSeverity, code: IssueCode, message: string, params?: Record<string, string | number | boolean>): void;
}

const TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function checkPosition(p: unknown): Position {
  if (!Array.isArray(p) || p.length < 2) throw new GeometryProblem('coord-invalid', 'A position is not an array of at least two numbers.');
  for (const v of p) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new GeometryProblem('coord-invalid', `A coordinate is not a finite number (${JSON.stringify(v) ?? String(v)}).`, { value: String(v) });
    }
  }
  return p as Position;
}

function arrayOf<T>(v: unknown, what: string, each: (x: unknown) => T): T[] {
  if (!Array.isArray(v)) throw new GeometryProblem('coord-invalid', `${what} must be an array.`);
  return v.map(each);
}

/** Checks nesting and numbers; returns a structurally typed copy (still in source coordinates). */
function checkGeometry(g: unknown, depth = 0): Geometry {
  if (!g || typeof g !== 'object') throw new GeometryProblem('unknown-geometry', 'The geometry is not an object.');
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof type !== 'string' || !TYPES.has(type)) {
    throw new GeometryProblem('unknown-geometry', `Unknown geometry type "${String(type)}".`, { type: String(type) });
  }
  const line = (x: unknown) => arrayOf(x, 'A line', checkPosition);
  const poly = (x: unknown) => arrayOf(x, 'A polygon', line);
  switch (type) {
    case 'Point':
      return { type, coordinates: checkPosition(coordinates) };
    case 'MultiPoint':
      return { type, coordinates: arrayOf(coordinates, 'MultiPoint coordinates', checkPosition) };
    case 'LineString':
      return { type, coordinates: line(coordinates) };
    case 'MultiLineString':
      return { type, coordinates: arrayOf(coordinates, 'MultiLineString coordinates', line) };
    case 'Polygon':
      return { type, coordinates: poly(coordinates) };
    case 'MultiPolygon':
      return { type, coordinates: arrayOf(coordinates, 'MultiPolygon coordinates', poly) };
    default:
      if (depth > 8) throw new GeometryProblem('unknown-geometry', 'GeometryCollections nested too deeply.');
      return { type: 'GeometryCollection', geometries: arrayOf(geometries, 'geometries', (x) => checkGeometry(x, depth + 1)) };
  }
}

function checkRange(p: Position): Position {
  const [x, y] = p as [number, number];
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) {
    throw new GeometryProblem('coord-out-of-range', `Coordinate (${x}, ${y}) is outside longitude −180…180 / latitude −90…90.`, { x, y });
  }
  return p;
}

function dedupe(line: Position[], notes: Notes): Position[] {
  const out = line.filter((p, i) => i === 0 || p[0] !== line[i - 1]![0] || p[1] !== line[i - 1]![1]);
  if (out.length !== line.length) notes.add('info', 'duplicate-points-removed', 'Repeated consecutive points were removed.');
  return out;
}

function cleanLine(line: Position[], notes: Notes): Position[] {
  const out = dedupe(line, notes);
  if (out.length < 2) throw new GeometryProblem('line-too-few-points', 'A line has fewer than two distinct points.');
  return out;
}

function cleanRing(ring: Position[], notes: Notes): Position[] {
  let r = dedupe(ring, notes);
  const first = r[0];
  const last = r[r.length - 1];
  if (first && last && r.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    notes.add('warning', 'ring-unclosed', 'A polygon ring was not closed; its first point was repeated at the end.');
    r = [...r, first.slice()];
  }
  if (r.length < 4) throw new GeometryProblem('ring-too-few-points', `A polygon ring has ${r.length} positions; at least 4 are needed.`, { count: r.length });
  const hit = ringSelfIntersection(r);
  if (hit) {
    notes.add('warning', 'ring-self-intersection', `A polygon ring crosses or touches itself near (${hit[0]}, ${hit[1]}); areas may be wrong.`, {
      x: hit[0]!,
      y: hit[1]!,
    });
  }
  return r;
}

function cleanGeometry(g: Geometry, notes: Notes): Geometry {
  switch (g.type) {
    case 'Point':
      return g;
    case 'MultiPoint':
      if (g.coordinates.length === 0) throw new GeometryProblem('coord-invalid', 'The MultiPoint is empty.');
      return g;
    case 'LineString':
      return { type: g.type, coordinates: cleanLine(g.coordinates, notes) };
    case 'MultiLineString':
      if (g.coordinates.length === 0) throw new GeometryProblem('coord-invalid', 'The MultiLineString is empty.');
      return { type: g.type, coordinates: g.coordinates.map((l) => cleanLine(l, notes)) };
    case 'Polygon':
      if (g.coordinates.length === 0) throw new GeometryProblem('ring-too-few-points', 'The polygon has no rings.');
      return { type: g.type, coordinates: g.coordinates.map((r) => cleanRing(r, notes)) };
    case 'MultiPolygon':
      if (g.coordinates.length === 0 || g.coordinates.some((p) => p.length === 0)) {
        throw new GeometryProblem('ring-too-few-points', 'The multipolygon has an empty polygon.');
      }
      return { type: g.type, coordinates: g.coordinates.map((p) => p.map((r) => cleanRing(r, notes))) };
    default:
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => cleanGeometry(x, notes)) };
  }
}

/** Raw feature as produced by readers: anything with `geometry`, `properties` and maybe `id`. */
export interface RawFeature {
  id?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

export function normalizeFeatures(raw: readonly RawFeature[], ctx: NormalizeContext): { features: Feature[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const infoCounts = new Map<IssueCode, { n: number; first: number; message: string }>();
  // Existing ids are claimed first (first occurrence wins) so generated ids never take them.
  const keepId = raw.map((f) => claimId(ctx.ids, f?.id));
  const features: Feature[] = [];
  raw.forEach((f, i) => {
    const featureIndex = ctx.indexOf ? ctx.indexOf(i) : i;
    const featureName = featureNameOf(f?.properties);
    const line = ctx.lineOf?.(i);
    const where = { featureIndex, ...(featureName ? { featureName } : {}), ...(line ? { line } : {}) };
    const notes: Notes = {
      add(severity, code, message, params) {
        if (severity === 'info') {
          const c = infoCounts.get(code) ?? { n: 0, first: featureIndex, message };
          c.n++;
          infoCounts.set(code, c);
        } else issues.push(makeIssue(severity, code, ctx.file, message, { ...where, ...(params ? { params } : {}) }));
      },
    };
    try {
      if (!f || typeof f !== 'object') throw new GeometryProblem('geojson-invalid', 'The feature is not an object.');
      if (f.geometry === null || f.geometry === undefined) {
        throw new GeometryProblem('geometry-missing', 'The feature has no geometry and was not loaded.');
      }
      let g = checkGeometry(f.geometry);
      if (ctx.crs && ctx.crs.id !== 'EPSG:4326') g = mapPositions(g, ctx.crs.toWgs84);
      g = mapPositions(g, checkRange);
      if (ctx.gcj02) g = mapPositions(g, gcj02ToWgs84);
      g = cleanGeometry(g, notes);
      const wound = rewindGeometry(g, true);
      if (wound !== g) notes.add('info', 'ring-winding-fixed', 'Polygon rings were re-oriented to the right-hand rule.');
      const properties = sanitizeProperties(f.properties, (path) =>
        notes.add('warning', 'prototype-key-removed', `The property "${path}" was removed (reserved JavaScript name).`, { key: path }),
      );
      let id: string | number;
      if (keepId[i]) id = f.id as string | number;
      else {
        if (f.id !== undefined && f.id !== null) {
          notes.add('warning', 'id-duplicate', `The id ${JSON.stringify(f.id)} is repeated or unusable; a new id was given.`, { id: String(f.id) });
        }
        id = generateId(ctx.ids);
      }
      features.push({ type: 'Feature', id, geometry: wound, properties });
    } catch (e) {
      if (!(e instanceof GeometryProblem)) throw e;
      const severity: IssueSeverity = e.code === 'geometry-missing' ? 'warning' : 'error';
      const msg = e.code === 'geometry-missing' ? e.message : `${e.message} The feature was not loaded.`;
      issues.push(makeIssue(severity, e.code, ctx.file, msg, { ...where, ...(e.params ? { params: e.params } : {}) }));
    }
  });
  for (const [code, c] of infoCounts) {
    issues.push(makeIssue('info', code, ctx.file, `${c.message} (${c.n} times)`, { featureIndex: c.first, params: { count: c.n } }));
  }
  return { features, issues };
}
