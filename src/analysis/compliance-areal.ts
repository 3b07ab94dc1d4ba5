import { bboxClip } from '@turf/turf';
import { differenceAreal, intersectAreal, unionAreal } from './polygon-ops';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { buildFeatureIndex, featureBBox, type FeatureIndex } from './feature-index';
import { geodesicArea } from './geodesic-area';
import { prepareZone, type PreparedZone } from './prepared-zone';
import { AREA_UNIT_M2 } from './units';
import { filterByZone, relateFeature } from './zone-filter';
import type { BoundaryResult, OverlapResult } from './compliance';

// Polygons against 三区三线 control polygons: the exact overlap (intersectAreal) and the part outside the
// boundary (differenceAreal), skipping the clip where the subject lies wholly within a control polygon.

type Areal = Polygon | MultiPolygon;

/** Control polygons with an index and their prepared zones, cached per control array (so treat the arrays as immutable). */
export interface Indexed { features: Feature<Areal>[]; index: FeatureIndex; zones: (PreparedZone | undefined)[] }
const cache = new WeakMap<readonly Feature[], Indexed>();

export function indexed(layer: readonly Feature[]): Indexed {
  let hit = cache.get(layer);
  if (!hit) {
    const features = layer.filter((f): f is Feature<Areal> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    hit = { features, index: buildFeatureIndex(features), zones: [] };
    cache.set(layer, hit);
  }
  return hit;
}

const zoneOf = (layer: Indexed, i: number): PreparedZone => (layer.zones[i] ??= prepareZone(layer.features[i]!.geometry));

/** A control polygon (position in {@link Indexed.features}) meeting a subject, and whether the subject lies within it. */
export interface Relation { i: number; within: boolean }

/** The control polygons meeting one subject (packed alone in `subject`), ascending. */
export function relations(subject: FeatureIndex, layer: Indexed): Relation[] {
  const b = featureBBox(subject, 0);
  if (!b) return [];
  const out: Relation[] = [];
  for (const i of layer.index.tree.search(b[0], b[1], b[2], b[3]).sort((x, y) => x - y)) {
    const rel = relateFeature(subject, 0, zoneOf(layer, i));
    if (rel) out.push({ i, within: rel === 'within' });
  }
  return out;
}

/**
 * The same relations for every feature of a big layer at once, from its own index: per control polygon,
 * one 'intersects' and one 'within' pass of {@link filterByZone} (the tests {@link relateFeature} makes for
 * one feature). Features meeting no control polygon are absent.
 */
export function layerRelations(index: FeatureIndex, layer: Indexed): Map<number, Relation[]> {
  const out = new Map<number, Relation[]>();
  layer.features.forEach((_, i) => {
    const zone = zoneOf(layer, i);
    const within = new Set(filterByZone(index, zone, 'within'));
    for (const f of filterByZone(index, zone, 'intersects')) {
      const list = out.get(f) ?? out.set(f, []).get(f)!;
      list.push({ i, within: within.has(f) });
    }
  });
  return out;
}

function bboxOf(g: Areal): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const [x, y] of polygon[0]!) {
      if (x! < b[0]) b[0] = x!;
      if (y! < b[1]) b[1] = y!;
      if (x! > b[2]) b[2] = x!;
      if (y! > b[3]) b[3] = y!;
    }
  }
  return b;
}

const idOf = (f: Feature, i: number): string => String(f.id ?? f.properties?.id ?? i);
export const plain = (geometry: Areal, properties: Record<string, unknown> = {}): Feature<Areal> => ({ type: 'Feature', properties, geometry });

/**
 * The control polygon cut to a box a little larger than the subject's: the clip then sweeps a few edges
 * instead of the whole control ring (turf's exact-arithmetic clipper pays per edge). Whatever the cut adds
 * runs along the box, outside the subject, so the overlap and the difference with the subject stay the same.
 */
function nearSubject(control: Areal, b: readonly [number, number, number, number]): Areal | null {
  const mx = (b[2] - b[0]) * 0.05 + 1e-9;
  const my = (b[3] - b[1]) * 0.05 + 1e-9;
  const cut = bboxClip(plain(control), [b[0] - mx, b[1] - my, b[2] + mx, b[3] + my]).geometry as Areal;
  const polygons: Position[][][] = (cut.type === 'Polygon' ? [cut.coordinates] : cut.coordinates)
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  return polygons.length === 0 ? null : { type: 'MultiPolygon', coordinates: polygons };
}

export function arealOverlap(g: Areal, met: readonly Relation[], layer: Indexed, slivers: number, subjectAreaM2: number): OverlapResult {
  const pieces: Feature<Areal>[] = [];
  let contact = false;
  const box = met.length ? bboxOf(g) : null;
  for (const { i, within } of met) {
    const control = layer.features[i]!;
    // A subject within the control overlaps it whole: no clipping needed.
    const near = within ? null : nearSubject(control.geometry, box!);
    const piece = within ? g : near && intersectAreal(g, near);
    const areaM2 = within ? subjectAreaM2 : piece ? geodesicArea(piece) : 0;
    if (piece && areaM2 >= slivers) pieces.push(plain(piece, { control_id: idOf(control, i), area_m2: areaM2 }));
    else contact = true;
  }
  let areaM2 = pieces.reduce((s, p) => s + (p.properties!.area_m2 as number), 0);
  if (pieces.length > 1) {
    const merged = unionAreal(pieces.map((p) => p.geometry));
    areaM2 = merged ? geodesicArea(merged) : areaM2; // controls may overlap each other
  }
  return {
    overlaps: pieces.length > 0,
    touching: pieces.length === 0 && contact,
    areaM2,
    lengthM: 0,
    areaMu: areaM2 / AREA_UNIT_M2.mu,
    share: subjectAreaM2 > 0 ? (areaM2 / subjectAreaM2) * 100 : 0,
    pieces,
    controlIds: pieces.map((p) => p.properties!.control_id as string),
  };
}

export function arealBoundary(g: Areal, met: readonly Relation[], layer: Indexed, slivers: number, subjectAreaM2: number): BoundaryResult {
  if (met.some((m) => m.within)) return { status: 'inside', outsideAreaM2: 0, outsideMu: 0, outsideLengthM: 0, outsidePieces: [] };
  const box = bboxOf(g);
  const candidates = met.flatMap((m) => {
    const near = nearSubject(layer.features[m.i]!.geometry, box);
    return near ? [near] : [];
  });
  const outside = differenceAreal(g, candidates);
  const outsideM2 = candidates.length === 0 ? subjectAreaM2 : outside ? geodesicArea(outside) : 0;
  const status = outsideM2 < slivers ? 'inside' : subjectAreaM2 - outsideM2 < slivers ? 'outside' : 'partly';
  if (status === 'inside') return { status, outsideAreaM2: 0, outsideMu: 0, outsideLengthM: 0, outsidePieces: [] };
  return { status, outsideAreaM2: outsideM2, outsideMu: outsideM2 / AREA_UNIT_M2.mu, outsideLengthM: 0, outsidePieces: [plain(outside!)] };
}
