/**
 * Turns raw features from any reader into clean WGS84 features: validates structure and numbers,
 * reprojects, converts GCJ-02 on request, fixes what can be fixed (unclosed rings, duplicate
 * points, winding) and excludes what cannot, listing every exclusion. Inputs are never mutated.
 */
import type { Feature, GeoJsonProperties, Geometry, Position } from 'geojson';
import { forEachPosition, mapPositions } from './coords';
import { rewindGeometry } from './winding';
import type { ResolvedCrs } from './crs';
import { gcj02ToWgs84 } from './gcj02';
import { claimId, featureNameOf, generateId, isCleanProperties, MAX_PROPERTY_DEPTH, sanitizeProperties, type IdAllocator } from './sanitize';
import { makeIssue, type ImportIssue, type IssueCode, type IssueSeverity } from './types';
import { hasKeys } from './object-keys';
import { GeometryProblem, isHole, type Notes } from './geometry-problem';
import { cleanGeometry } from './geometry-repair';

export interface NormalizeContext {
  file: string;
  crs?: ResolvedCrs;
  gcj02?: boolean;
  ids: IdAllocator;
  /** Source index of each raw feature (defaults to its position), e.g. CSV row numbers. */
  indexOf?: (i: number) => number;
  /** Line number to report for a feature (CSV). */
  lineOf?: (i: number) => number | undefined;
  /**
   * The raw features are fresh `JSON.parse` output that nobody else holds (plain objects and arrays, no
   * shared parts): what needs no change (a feature, its geometry, properties free of prototype keys) is
   * kept as it is instead of being rebuilt as an identical copy.
   */
  owned?: boolean;
  /**
   * Without reprojection: grows this [minX, minY, maxX, maxY] to the positions checked. When the result
   * says `complete` (every geometry walked to its end: none failed half-way), it is what `bboxOf` gives
   * for the raw geometries; otherwise it covers only part of them.
   */
  box?: number[];
}

const TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * Range check folded into the structural walk (when no reprojection comes in between): the first
 * position outside lon/lat range, reported only once the whole geometry is known to be well formed,
 * as a separate pass after the walk would.
 */
let rangeWhileChecking = false;
let firstOutOfRange: Position | undefined;
/** Bounding box [minX, minY, maxX, maxY] of the positions checked so far (NormalizeContext.box). */
let box: number[] | undefined;
/** The walk of the current geometry has begun (its type was accepted). */
let walking = false;
/** Source geometry objects that are exactly `{ type, coordinates }` may be kept (owned input only). */
let adoptGeometry = false;


const GEOMETRY_KEYS = ['type', 'coordinates'];
const FEATURE_KEYS = ['type', 'id', 'geometry', 'properties'];

function checkPosition(p: unknown): Position {
  if (!Array.isArray(p) || p.length < 2) throw new GeometryProblem('coord-invalid', 'A position is not an array of at least two numbers.');
  for (let i = 0; i < p.length; i++) {
    const v: unknown = p[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new GeometryProblem('coord-invalid', `A coordinate is not a finite number (${JSON.stringify(v) ?? String(v)}).`, { value: String(v) });
    }
  }
  if (rangeWhileChecking) {
    const x = p[0] as number;
    const y = p[1] as number;
    if (firstOutOfRange === undefined && (x < -180 || x > 180 || y < -90 || y > 90)) firstOutOfRange = p as Position;
    if (box) {
      if (x < box[0]!) box[0] = x;
      if (y < box[1]!) box[1] = y;
      if (x > box[2]!) box[2] = x;
      if (y > box[3]!) box[3] = y;
    }
  }
  return p as Position;
}

// The checks below walk arrays in place (holes skipped, as Array.map would) and copy nothing: a geometry
// that needs no repair keeps its source arrays, which are never modified.

function mustBeArray(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new GeometryProblem('coord-invalid', `${what} must be an array.`);
  return v;
}

function checkPositions(v: unknown, what: string): Position[] {
  const a = mustBeArray(v, what);
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    if (p !== undefined || i in a) checkPosition(p);
  }
  return a as Position[];
}

function checkLines(v: unknown, what: string): Position[][] {
  const a = mustBeArray(v, what);
  for (let i = 0; i < a.length; i++) {
    const l = a[i];
    if (l !== undefined || i in a) checkPositions(l, 'A line');
  }
  return a as Position[][];
}

function checkPolygons(v: unknown): Position[][][] {
  const a = mustBeArray(v, 'MultiPolygon coordinates');
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    if (p !== undefined || i in a) checkLines(p, 'A polygon');
  }
  return a as Position[][][];
}

/**
 * Checks nesting and numbers; returns the geometry as `{ type, coordinates }` (still in source
 * coordinates). With `range`, also throws for the first position outside lon/lat range.
 */
function checkGeometry(g: unknown, range: boolean, adopt: boolean): Geometry {
  rangeWhileChecking = range;
  firstOutOfRange = undefined;
  walking = false;
  adoptGeometry = adopt;
  const out = checkAny(g, 0);
  walking = false; // walked to the end
  if (firstOutOfRange) checkRange(firstOutOfRange);
  return out;
}

/** The checked geometry: the source object itself when it may be adopted and has no other members. */
function checked(g: object, type: Geometry['type'], coordinates: unknown): Geometry {
  return adoptGeometry && hasKeys(g, GEOMETRY_KEYS) ? (g as Geometry) : ({ type, coordinates } as Geometry);
}

function checkAny(g: unknown, depth: number): Geometry {
  if (!g || typeof g !== 'object') throw new GeometryProblem('unknown-geometry', 'The geometry is not an object.');
  const { type, coordinates, geometries } = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof type !== 'string' || !TYPES.has(type)) {
    throw new GeometryProblem('unknown-geometry', `Unknown geometry type "${String(type)}".`, { type: String(type) });
  }
  walking = true;
  switch (type) {
    case 'Point':
      return checked(g, type, checkPosition(coordinates));
    case 'MultiPoint':
      return checked(g, type, checkPositions(coordinates, 'MultiPoint coordinates'));
    case 'LineString':
      return checked(g, type, checkPositions(coordinates, 'A line'));
    case 'MultiLineString':
      return checked(g, type, checkLines(coordinates, 'MultiLineString coordinates'));
    case 'Polygon':
      return checked(g, type, checkLines(coordinates, 'A polygon'));
    case 'MultiPolygon':
      return checked(g, type, checkPolygons(coordinates));
    default: {
      if (depth > 8) throw new GeometryProblem('unknown-geometry', 'GeometryCollections nested too deeply.');
      const a = mustBeArray(geometries, 'geometries');
      const out: Geometry[] = new Array(a.length);
      for (let i = 0; i < a.length; i++) if (!isHole(a, i)) out[i] = checkAny(a[i], depth + 1);
      return { type: 'GeometryCollection', geometries: out };
    }
  }
}

function checkRange(p: Position): Position {
  const x = p[0]!;
  const y = p[1]!;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) {
    throw new GeometryProblem('coord-out-of-range', `Coordinate (${x}, ${y}) is outside longitude −180…180 / latitude −90…90.`, { x, y });
  }
  return p;
}

/** Raw feature as produced by readers: anything with `geometry`, `properties` and maybe `id`. */
export interface RawFeature {
  id?: unknown;
  geometry?: unknown;
  properties?: unknown;
}

export function normalizeFeatures(raw: readonly RawFeature[], ctx: NormalizeContext): { features: Feature[]; issues: ImportIssue[]; complete: boolean } {
  const issues: ImportIssue[] = [];
  const infoCounts = new Map<IssueCode, { n: number; first: number; message: string }>();
  // Existing ids are claimed first (first occurrence wins) so generated ids never take them.
  const keepId = raw.map((f) => claimId(ctx.ids, f?.id));
  const features: Feature[] = [];
  const owned = ctx.owned === true;
  const transform = ctx.crs && ctx.crs.id !== 'EPSG:4326' ? ctx.crs.toWgs84 : undefined;
  box = transform ? undefined : ctx.box;
  let complete = true;
  const notes = new FeatureNotes(ctx, issues, infoCounts);
  const report = {
    onRemoved: (path: string) => notes.add('warning', 'prototype-key-removed', `The property "${path}" was removed (reserved JavaScript name).`, { key: path }),
    onTooDeep: (path: string) =>
      notes.add('warning', 'property-too-deep', `The value of "${path}" nests deeper than ${MAX_PROPERTY_DEPTH} levels and was removed.`, { key: path, limit: MAX_PROPERTY_DEPTH }),
  };
  for (let i = 0; i < raw.length; i++) {
    if (isHole(raw, i)) continue;
    const f = raw[i];
    notes.start(i, f);
    try {
      if (!f || typeof f !== 'object') throw new GeometryProblem('geojson-invalid', 'The feature is not an object.');
      if (f.geometry === null || f.geometry === undefined) {
        throw new GeometryProblem('geometry-missing', 'The feature has no geometry and was not loaded.');
      }
      let g = checkGeometry(f.geometry, !transform, owned);
      if (transform) {
        g = mapPositions(g, transform);
        forEachPosition(g, checkRange);
      }
      if (ctx.gcj02) g = mapPositions(g, gcj02ToWgs84);
      g = cleanGeometry(g, notes);
      const wound = rewindGeometry(g, true);
      if (wound !== g) notes.add('info', 'ring-winding-fixed', 'Polygon rings were re-oriented to the right-hand rule.');
      const properties = owned && isCleanProperties(f.properties) ? (f.properties as GeoJsonProperties) : sanitizeProperties(f.properties, report);
      let id: string | number;
      if (keepId[i]) id = f.id as string | number;
      else {
        if (f.id !== undefined && f.id !== null) {
          notes.add('warning', 'id-duplicate', `The id ${JSON.stringify(f.id)} is repeated or unusable; a new id was given.`, { id: String(f.id) });
        }
        id = generateId(ctx.ids);
      }
      // An owned source feature that already is exactly what would be built is kept as it is.
      const same = owned && keepId[i] && wound === f.geometry && properties === f.properties && (f as { type?: unknown }).type === 'Feature' && hasKeys(f, FEATURE_KEYS);
      features.push(same ? (f as Feature) : { type: 'Feature', id, geometry: wound, properties });
    } catch (e) {
      if (walking) complete = false;
      walking = false;
      if (!(e instanceof GeometryProblem)) {
        box = undefined;
        throw e;
      }
      const severity: IssueSeverity = e.code === 'geometry-missing' ? 'warning' : 'error';
      const msg = e.code === 'geometry-missing' ? e.message : `${e.message} The feature was not loaded.`;
      issues.push(makeIssue(severity, e.code, ctx.file, msg, { ...notes.where(), ...(e.params ? { params: e.params } : {}) }));
    }
  }
  for (const [code, c] of infoCounts) {
    issues.push(makeIssue('info', code, ctx.file, `${c.message} (${c.n} times)`, { featureIndex: c.first, params: { count: c.n } }));
  }
  box = undefined;
  return { features, issues, complete: complete && !transform };
}

/** Notes about the feature being normalized: infos counted per code, the rest listed with where they are. */
class FeatureNotes implements Notes {
  private index = 0;
  private featureIndex = 0;
  private feature: RawFeature | undefined;
  private place: { featureIndex: number; featureName?: string; line?: number } | undefined;

  constructor(
    private readonly ctx: NormalizeContext,
    private readonly issues: ImportIssue[],
    private readonly infoCounts: Map<IssueCode, { n: number; first: number; message: string }>,
  ) {}

  start(i: number, f: RawFeature | undefined): void {
    this.index = i;
    this.featureIndex = this.ctx.indexOf ? this.ctx.indexOf(i) : i;
    this.feature = f;
    this.place = undefined;
  }

  /** Index, name and line of the feature (worked out on the first issue only). */
  where(): { featureIndex: number; featureName?: string; line?: number } {
    if (!this.place) {
      const featureName = featureNameOf(this.feature?.properties);
      const line = this.ctx.lineOf?.(this.index);
      this.place = { featureIndex: this.featureIndex, ...(featureName ? { featureName } : {}), ...(line ? { line } : {}) };
    }
    return this.place;
  }

  add(severity: IssueSeverity, code: IssueCode, message: string, params?: Record<string, string | number | boolean>): void {
    if (severity === 'info') {
      const c = this.infoCounts.get(code) ?? { n: 0, first: this.featureIndex, message };
      c.n++;
      this.infoCounts.set(code, c);
    } else this.issues.push(makeIssue(severity, code, this.ctx.file, message, { ...this.where(), ...(params ? { params } : {}) }));
  }
}
