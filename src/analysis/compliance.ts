import { difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { detectLandUseFields, landUseClass } from '../domain/landuse-palette';
import { clipToZone } from './clip-to-zone';
import { buildFeatureIndex, type FeatureIndex } from './feature-index';
import { geodesicArea } from './geodesic-area';
import { geodesicLength } from './geodesic-length';
import { INSIDE, OUTSIDE, prepareZone, type PreparedZone } from './prepared-zone';
import { AREA_UNIT_M2, formatArea } from './units';
import { filterByZone } from './zone-filter';

type Areal = Polygon | MultiPolygon;
export type ComplianceSubject = Feature<Areal | Point | LineString | MultiPoint | MultiLineString>;

/** The control layers of 三区三线, as features (only their (Multi)Polygons count; arrays are indexed once and cached). */
export interface ComplianceControls {
  /** 永久基本农田 */
  farmland: readonly Feature[];
  /** 生态保护红线 */
  redLine: readonly Feature[];
  /** 耕地 of the current land use (codes 0101–0103) */
  cultivated: readonly Feature[];
  /** 城镇开发边界 */
  boundary: readonly Feature[];
}

export interface ComplianceOptions {
  /** Overlaps (and parts outside the boundary) smaller than this many m² count as touching only. Default 1. */
  slivers?: number;
}

/** How a subject meets one protected layer. */
export interface OverlapResult {
  /** Polygons: an overlap of at least `slivers` m²; points and lines: inside the layer's interior. */
  overlaps: boolean;
  /** Meets the layer (shared edge, point on the boundary, overlap below `slivers`) without overlapping. */
  touching: boolean;
  /** Ellipsoidal area of the overlap (union of the pieces, m²), and in 亩; 0 for points and lines. */
  areaM2: number;
  areaMu: number;
  /** areaM2 as a percentage of the subject's area; 0 for points and lines. */
  share: number;
  /** The overlap per control feature, `properties.control_id` naming it (slivers left out). */
  pieces: Feature<Areal>[];
  /** Ids of the control features the subject overlaps (points, lines: lies in). */
  controlIds: string[];
}

export interface BoundaryResult {
  status: 'inside' | 'partly' | 'outside';
  /** Area (m², 亩) of the subject outside the boundary: 0 when inside (parts below `slivers` ignored). */
  outsideAreaM2: number;
  outsideMu: number;
  outsidePieces: Feature<Areal>[];
}

export type ComplianceRule = 'permanent_basic_farmland' | 'ecological_red_line' | 'cultivated_land' | 'urban_development_boundary';

export interface ComplianceResult {
  subjectAreaM2: number;
  farmland: OverlapResult;
  redLine: OverlapResult;
  cultivated: OverlapResult;
  boundary: BoundaryResult;
  verdict: { ok: boolean; rules: ComplianceRule[]; text_zh: string; text_en: string };
}

/**
 * 三区三线 check of one feature: its overlap with permanent basic farmland, the ecological red line and
 * cultivated land, and its position relative to the urban development boundary. Polygons are intersected
 * exactly with the real control polygons (holes and multipolygons included; turf intersect/difference),
 * areas are ellipsoidal (geodesicArea). Overlaps below `slivers` m² are reported as touching. Points and
 * lines report the layers they lie in (point in interior / line running through the interior), areas 0.
 * The verdict fails on any overlap and on any part outside the boundary.
 *
 * @example
 * const r = checkCompliance(parcelD, controlsFromLayers(controlLines, landuseCurrent));
 * r.farmland.areaM2 // ≈ 182_418 (cl-pbf-04); r.boundary.status // 'partly' (≈ 589_119 m² outside)
 * r.verdict.rules // ['permanent_basic_farmland', 'cultivated_land', 'urban_development_boundary']
 */
export function checkCompliance(subject: ComplianceSubject, controls: ComplianceControls, opts: ComplianceOptions = {}): ComplianceResult {
  const slivers = opts.slivers ?? 1;
  const g = subject.geometry;
  const areal = g.type === 'Polygon' || g.type === 'MultiPolygon';
  const subjectAreaM2 = areal ? geodesicArea(g) : 0;
  const zone = areal ? prepareZone(g) : null;
  const overlap = (layer: readonly Feature[]) =>
    zone ? arealOverlap(g as Areal, zone, indexed(layer), slivers, subjectAreaM2) : pointLineOverlap(g, indexed(layer));
  const farmland = overlap(controls.farmland);
  const redLine = overlap(controls.redLine);
  const cultivated = overlap(controls.cultivated);
  const boundary = zone ? arealBoundary(g as Areal, zone, indexed(controls.boundary), slivers, subjectAreaM2) : pointLineBoundary(g, indexed(controls.boundary));
  return { subjectAreaM2, farmland, redLine, cultivated, boundary, verdict: verdict(farmland, redLine, cultivated, boundary, areal) };
}

/** Control polygons with an index, cached per control array (so treat the arrays as immutable). */
interface Indexed { features: Feature<Areal>[]; index: FeatureIndex }
const cache = new WeakMap<readonly Feature[], Indexed>();
const prepared = new WeakMap<Feature, PreparedZone>();

function indexed(layer: readonly Feature[]): Indexed {
  let hit = cache.get(layer);
  if (!hit) {
    const features = layer.filter((f): f is Feature<Areal> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    hit = { features, index: buildFeatureIndex(features) };
    cache.set(layer, hit);
  }
  return hit;
}

function preparedOf(f: Feature<Areal>): PreparedZone {
  let z = prepared.get(f);
  if (!z) prepared.set(f, (z = prepareZone(f.geometry)));
  return z;
}

const idOf = (f: Feature, i: number): string => String(f.id ?? f.properties?.id ?? i);
const plain = (geometry: Areal, properties: Record<string, unknown> = {}): Feature<Areal> => ({ type: 'Feature', properties, geometry });

function arealOverlap(g: Areal, zone: PreparedZone, layer: Indexed, slivers: number, subjectAreaM2: number): OverlapResult {
  const pieces: Feature<Areal>[] = [];
  let contact = false;
  for (const i of filterByZone(layer.index, zone, 'intersects')) {
    const control = layer.features[i]!;
    const piece = intersect(featureCollection<Areal>([plain(g), plain(control.geometry)]));
    const areaM2 = piece ? geodesicArea(piece.geometry) : 0;
    if (piece && areaM2 >= slivers) pieces.push(plain(piece.geometry, { control_id: idOf(control, i), area_m2: areaM2 }));
    else contact = true;
  }
  let areaM2 = pieces.reduce((s, p) => s + (p.properties!.area_m2 as number), 0);
  if (pieces.length > 1) {
    const merged = union(featureCollection(pieces.map((p) => plain(p.geometry))));
    areaM2 = merged ? geodesicArea(merged.geometry) : areaM2; // controls may overlap each other
  }
  return {
    overlaps: pieces.length > 0,
    touching: pieces.length === 0 && contact,
    areaM2,
    areaMu: areaM2 / AREA_UNIT_M2.mu,
    share: subjectAreaM2 > 0 ? (areaM2 / subjectAreaM2) * 100 : 0,
    pieces,
    controlIds: pieces.map((p) => p.properties!.control_id as string),
  };
}

function arealBoundary(g: Areal, zone: PreparedZone, layer: Indexed, slivers: number, subjectAreaM2: number): BoundaryResult {
  const candidates = filterByZone(layer.index, zone, 'intersects').map((i) => plain(layer.features[i]!.geometry));
  const outside = candidates.length ? difference(featureCollection<Areal>([plain(g), ...candidates])) : plain(g);
  const outsideM2 = outside ? geodesicArea(outside.geometry) : 0;
  const status = outsideM2 < slivers ? 'inside' : subjectAreaM2 - outsideM2 < slivers ? 'outside' : 'partly';
  if (status === 'inside') return { status, outsideAreaM2: 0, outsideMu: 0, outsidePieces: [] };
  return { status, outsideAreaM2: outsideM2, outsideMu: outsideM2 / AREA_UNIT_M2.mu, outsidePieces: [plain(outside!.geometry)] };
}

type PointLine = Point | LineString | MultiPoint | MultiLineString;

/** Candidate control positions whose bounding box meets the subject's. */
function near(g: Geometry, layer: Indexed): number[] {
  const xs = positions(g).map((p) => p[0]!);
  const ys = positions(g).map((p) => p[1]!);
  return xs.length ? layer.index.tree.search(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)) : [];
}

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'MultiPoint': case 'LineString': return g.coordinates;
    case 'MultiLineString': return g.coordinates.flat();
    default: return [];
  }
}

/** Where a point or line lies relative to one control polygon. */
function locatePointLine(g: PointLine, control: Feature<Areal>): 'interior' | 'boundary' | 'outside' {
  const z = preparedOf(control);
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const where = positions(g).map((p) => z.locate(p[0]!, p[1]!));
    return where.includes(INSIDE) ? 'interior' : where.some((w) => w !== OUTSIDE) ? 'boundary' : 'outside';
  }
  const inside = clipToZone({ type: 'Feature', properties: {}, geometry: g }, control.geometry);
  if (inside && geodesicLength(inside.geometry) > 0) return 'interior';
  // no length inside: does the line still meet the boundary (at a vertex or crossing an edge)?
  return filterByZone(buildFeatureIndex([{ type: 'Feature', properties: {}, geometry: g }]), z, 'intersects').length ? 'boundary' : 'outside';
}

function pointLineOverlap(g: Geometry, layer: Indexed): OverlapResult {
  const ids: string[] = [];
  let contact = false;
  for (const i of near(g, layer)) {
    const where = locatePointLine(g as PointLine, layer.features[i]!);
    if (where === 'interior') ids.push(idOf(layer.features[i]!, i));
    else if (where === 'boundary') contact = true;
  }
  return { overlaps: ids.length > 0, touching: !ids.length && contact, areaM2: 0, areaMu: 0, share: 0, pieces: [], controlIds: ids };
}

function pointLineBoundary(g: Geometry, layer: Indexed): BoundaryResult {
  const candidates = near(g, layer).map((i) => layer.features[i]!);
  const none: BoundaryResult = { status: 'outside', outsideAreaM2: 0, outsideMu: 0, outsidePieces: [] };
  if (!candidates.length) return none;
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const inside = positions(g).map((p) => candidates.some((c) => preparedOf(c).locate(p[0]!, p[1]!) !== OUTSIDE));
    return { ...none, status: inside.every(Boolean) ? 'inside' : inside.some(Boolean) ? 'partly' : 'outside' };
  }
  const total = geodesicLength(g);
  const zone: MultiPolygon = { type: 'MultiPolygon', coordinates: candidates.flatMap((c) => (c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates)) };
  const clipped = clipToZone({ type: 'Feature', properties: {}, geometry: g }, zone);
  const insideM = clipped ? geodesicLength(clipped.geometry) : 0;
  return { ...none, status: total - insideM <= 0.01 ? 'inside' : insideM <= 0.01 ? 'outside' : 'partly' };
}

const RULE_TEXT: Record<Exclude<ComplianceRule, 'urban_development_boundary'>, [string, string]> = {
  permanent_basic_farmland: ['永久基本农田', 'permanent basic farmland'],
  ecological_red_line: ['生态保护红线', 'the ecological red line'],
  cultivated_land: ['耕地', 'cultivated land'],
};

const OK_TEXT = ['未占用永久基本农田、生态保护红线和耕地，位于城镇开发边界内',
  'Clear of permanent basic farmland, the ecological red line and cultivated land; inside the urban development boundary'] as const;

function verdict(farmland: OverlapResult, redLine: OverlapResult, cultivated: OverlapResult, boundary: BoundaryResult, areal: boolean): ComplianceResult['verdict'] {
  const rules: ComplianceRule[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  const size = (m2: number, lang: 'zh' | 'en') => `${formatArea(m2, 'ha', lang)}${lang === 'zh' ? '（' : ' ('}${formatArea(m2, 'mu', lang)}${lang === 'zh' ? '）' : ')'}`;
  for (const [rule, r] of [['permanent_basic_farmland', farmland], ['ecological_red_line', redLine], ['cultivated_land', cultivated]] as const) {
    if (!r.overlaps) continue;
    rules.push(rule);
    const [nameZh, nameEn] = RULE_TEXT[rule];
    zh.push(areal ? `占用${nameZh} ${size(r.areaM2, 'zh')}` : `位于${nameZh}内`);
    en.push(areal ? `overlaps ${nameEn} by ${size(r.areaM2, 'en')}` : `lies in ${nameEn}`);
  }
  if (boundary.status !== 'inside') {
    rules.push('urban_development_boundary');
    const partly = boundary.status === 'partly';
    const extra = areal && partly;
    const m2 = boundary.outsideAreaM2;
    zh.push(`${partly ? '部分' : ''}位于城镇开发边界外${extra ? `（边界外 ${formatArea(m2, 'ha', 'zh')}，${formatArea(m2, 'mu', 'zh')}）` : ''}`);
    en.push(`${partly ? 'partly ' : ''}outside the urban development boundary${extra ? ` (${formatArea(m2, 'ha', 'en')}, ${formatArea(m2, 'mu', 'en')} outside)` : ''}`);
  }
  if (!rules.length) return { ok: true, rules, text_zh: OK_TEXT[0], text_en: OK_TEXT[1] };
  const first = en.join('; ');
  return { ok: false, rules, text_zh: zh.join('；'), text_en: first.charAt(0).toUpperCase() + first.slice(1) };
}

/** One row of a layer's compliance table. */
export interface ComplianceRow {
  index: number;
  id: string;
  name_zh: string;
  name_en: string;
  /** Null when the feature has no Point, LineString or (Multi)Polygon geometry. */
  result: ComplianceResult | null;
}

/**
 * {@link checkCompliance} for every feature of a layer, as rows for a table (features without a supported
 * geometry get `result: null`). The controls are indexed once for the whole layer.
 * @example checkLayer(parcels.features, controls).filter((r) => r.result && !r.result.verdict.ok).map((r) => r.id)
 */
export function checkLayer(features: readonly Feature[], controls: ComplianceControls, opts: ComplianceOptions = {}): ComplianceRow[] {
  const supported = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
  return features.map((f, index) => ({
    index,
    id: idOf(f, index),
    name_zh: String(f.properties?.name_zh ?? ''),
    name_en: String(f.properties?.name_en ?? ''),
    result: f.geometry && supported.has(f.geometry.type) ? checkCompliance(f as ComplianceSubject, controls, opts) : null,
  }));
}

/**
 * The controls from the bundled layers: control-lines.geojson by `kind`, and cultivated land (耕地, class 01:
 * 0101–0103) from the current land use (fields detected: YDYHFLDM/YDYHFLMC or DLBM/DLMC).
 * @example const controls = controlsFromLayers(layers['control-lines'], layers['landuse-current']);
 */
export function controlsFromLayers(
  controlLines: FeatureCollection | readonly Feature[],
  landuseCurrent: FeatureCollection | readonly Feature[],
): ComplianceControls {
  const lines = 'features' in controlLines ? controlLines.features : controlLines;
  const landuse = 'features' in landuseCurrent ? landuseCurrent.features : landuseCurrent;
  const kind = (k: string) => lines.filter((f) => f.properties?.kind === k);
  const fields = detectLandUseFields(Object.keys(landuse.find((f) => f.properties)?.properties ?? {}));
  const cultivated = fields
    ? landuse.filter((f) => {
        const c = landUseClass(fields.codeField && f.properties?.[fields.codeField], fields.nameField && f.properties?.[fields.nameField], fields.scheme);
        return c !== null && (c.code === '01' || c.parent === '01');
      })
    : [];
  return {
    farmland: kind('permanent_basic_farmland'),
    redLine: kind('ecological_red_line'),
    cultivated,
    boundary: kind('urban_development_boundary'),
  };
}
