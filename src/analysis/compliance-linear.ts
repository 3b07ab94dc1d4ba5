import type { Feature, Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { clipToZone } from './clip-to-zone';
import { buildFeatureIndex, type FeatureIndex } from './feature-index';
import { geodesicLength } from './geodesic-length';
import { INSIDE, OUTSIDE, prepareZone, type PreparedZone } from './prepared-zone';
import { filterByZone } from './zone-filter';

// Points and lines against 三区三线 control polygons. A point is "inside" a control layer or not; a line
// has a length inside it (metres, ellipsoidal), counted once where control polygons overlap each other.

type Areal = Polygon | MultiPolygon;
export type PointLine = Point | LineString | MultiPoint | MultiLineString;

/** Control polygons of one layer with their index. */
export interface IndexedControls {
  features: Feature<Areal>[];
  index: FeatureIndex;
}

export interface PointLineOverlap {
  overlaps: boolean;
  touching: boolean;
  /** Lines: ellipsoidal length (m) inside the layer; points: 0. */
  lengthM: number;
  controlIds: string[];
}

export interface PointLineBoundary {
  status: 'inside' | 'partly' | 'outside';
  /** Lines: ellipsoidal length (m) outside the boundary; points: 0. */
  outsideLengthM: number;
}

/** Lengths this small (m) are rounding noise of the cut, not a part inside or outside. */
const LENGTH_EPS_M = 0.01;

const prepared = new WeakMap<Feature, PreparedZone>();
function preparedOf(f: Feature<Areal>): PreparedZone {
  let z = prepared.get(f);
  if (!z) prepared.set(f, (z = prepareZone(f.geometry)));
  return z;
}

const idOf = (f: Feature, i: number): string => String(f.id ?? f.properties?.id ?? i);
const isPoint = (g: PointLine): g is Point | MultiPoint => g.type === 'Point' || g.type === 'MultiPoint';

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': return g.coordinates.flat();
    default: return [];
  }
}

/** Candidate controls whose bounding box meets the subject's. */
function near(g: Geometry, layer: IndexedControls): number[] {
  const ps = positions(g);
  if (!ps.length) return [];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ps) {
    x0 = Math.min(x0, x!); y0 = Math.min(y0, y!); x1 = Math.max(x1, x!); y1 = Math.max(y1, y!);
  }
  return layer.index.tree.search(x0, y0, x1, y1);
}

function asZone(controls: readonly Feature<Areal>[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: controls.flatMap((c) => (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates)) };
}

/** Ellipsoidal length of the part of a line inside the union of `controls`. */
function lengthInside(g: LineString | MultiLineString, controls: readonly Feature<Areal>[]): number {
  if (!controls.length) return 0;
  const inside = clipToZone({ type: 'Feature', properties: {}, geometry: g }, asZone(controls));
  return inside ? geodesicLength(inside.geometry) : 0;
}

/** Where a point or line lies relative to one control polygon. */
function locate(g: PointLine, control: Feature<Areal>): 'interior' | 'boundary' | 'outside' {
  const z = preparedOf(control);
  if (isPoint(g)) {
    const where = positions(g).map((p) => z.locate(p[0]!, p[1]!));
    return where.includes(INSIDE) ? 'interior' : where.some((w) => w !== OUTSIDE) ? 'boundary' : 'outside';
  }
  if (lengthInside(g, [control]) > LENGTH_EPS_M) return 'interior';
  // No length inside: does the line still meet the boundary (at a vertex or crossing an edge)?
  return filterByZone(buildFeatureIndex([{ type: 'Feature', properties: {}, geometry: g }]), z, 'intersects').length ? 'boundary' : 'outside';
}

/**
 * How a point or line meets one control layer: the controls it lies in and, for lines, the length inside.
 * @example pointLineOverlap(road.geometry, farmland) // { overlaps: true, lengthM: 412.7, controlIds: ['cl-pbf-02'], … }
 */
export function pointLineOverlap(g: PointLine, layer: IndexedControls): PointLineOverlap {
  const ids: string[] = [];
  const hit: Feature<Areal>[] = [];
  let contact = false;
  for (const i of near(g, layer)) {
    const where = locate(g, layer.features[i]!);
    if (where === 'interior') {
      ids.push(idOf(layer.features[i]!, i));
      hit.push(layer.features[i]!);
    } else if (where === 'boundary') contact = true;
  }
  const lengthM = isPoint(g) ? 0 : lengthInside(g, hit);
  return { overlaps: ids.length > 0, touching: !ids.length && contact, lengthM, controlIds: ids };
}

/**
 * A point or line against the urban development boundary: inside (boundary included), partly or outside,
 * and for lines the length outside.
 * @example pointLineBoundary(road.geometry, boundary) // { status: 'partly', outsideLengthM: 1830.2 }
 */
export function pointLineBoundary(g: PointLine, layer: IndexedControls): PointLineBoundary {
  const candidates = near(g, layer).map((i) => layer.features[i]!);
  if (isPoint(g)) {
    const inside = positions(g).map((p) => candidates.some((c) => preparedOf(c).locate(p[0]!, p[1]!) !== OUTSIDE));
    return { status: inside.length && inside.every(Boolean) ? 'inside' : inside.some(Boolean) ? 'partly' : 'outside', outsideLengthM: 0 };
  }
  const total = geodesicLength(g);
  const outside = Math.max(0, total - lengthInside(g, candidates));
  const status = outside <= LENGTH_EPS_M ? 'inside' : total - outside <= LENGTH_EPS_M ? 'outside' : 'partly';
  return { status, outsideLengthM: status === 'inside' ? 0 : outside };
}
