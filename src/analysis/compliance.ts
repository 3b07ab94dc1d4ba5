import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import { detectLandUseFields, landUseClass } from '../domain/landuse-palette';
import { buildFeatureIndex, type FeatureIndex } from './feature-index';
import { arealBoundary, arealOverlap, indexed, relations, type Relation } from './compliance-areal';
import { geodesicArea } from './geodesic-area';
import { geodesicLength } from './geodesic-length';
import { pointLineBoundary, pointLineOverlap, type PointLine } from './compliance-linear';
import { AREA_UNIT_M2 } from './units';
import { formatArea, formatLength } from '../domain/format';
import { detectNameField, featureNames } from '../domain/feature-name';

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
  /** Lines: ellipsoidal length (m) inside the layer, counted once where its polygons overlap; else 0. */
  lengthM: number;
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
  /** Lines: ellipsoidal length (m) outside the boundary; else 0. */
  outsideLengthM: number;
  outsidePieces: Feature<Areal>[];
}

export type ComplianceRule = 'permanent_basic_farmland' | 'ecological_red_line' | 'cultivated_land' | 'urban_development_boundary';

export interface ComplianceResult {
  /** What the figures measure: areas (polygons), lengths (lines) or position only (points). */
  subjectKind: 'area' | 'line' | 'point';
  subjectAreaM2: number;
  /** Lines: ellipsoidal length (m); else 0. */
  subjectLengthM: number;
  farmland: OverlapResult;
  redLine: OverlapResult;
  cultivated: OverlapResult;
  boundary: BoundaryResult;
  verdict: { ok: boolean; rules: ComplianceRule[]; text_zh: string; text_en: string };
}

/**
 * 三区三线 check of one feature: its overlap with permanent basic farmland, the ecological red line and
 * cultivated land, and its position relative to the urban development boundary. Polygons are intersected
 * exactly with the real control polygons (holes and multipolygons included; polygon-ops: polygon-clipping),
 * areas are ellipsoidal (geodesicArea). Overlaps below `slivers` m² are reported as touching. Points
 * report the layers they lie in; lines the layers they run through and the ellipsoidal length inside each
 * and outside the boundary (compliance-linear); their areas are 0.
 * The verdict fails on any overlap and on any part outside the boundary.
 *
 * @example
 * const r = checkCompliance(parcelD, controlsFromLayers(controlLines, landuseCurrent));
 * r.farmland.areaM2 // ≈ 182_418 (cl-pbf-04); r.boundary.status // 'partly' (≈ 589_119 m² outside)
 * r.verdict.rules // ['permanent_basic_farmland', 'cultivated_land', 'urban_development_boundary']
 */
export function checkCompliance(subject: ComplianceSubject, controls: ComplianceControls, opts: ComplianceOptions = {}, met?: ControlRelations): ComplianceResult {
  const slivers = opts.slivers ?? 1;
  const g = subject.geometry;
  const areal = g.type === 'Polygon' || g.type === 'MultiPolygon';
  const subjectAreaM2 = areal ? geodesicArea(g) : 0;
  const kind = areal ? 'area' : g.type === 'LineString' || g.type === 'MultiLineString' ? 'line' : 'point';
  // The subject packed once, unless a whole layer's relations were worked out beforehand (compliance-areal).
  const c: Subject = { g, areal, met, packed: areal && !met ? buildFeatureIndex([subject]) : null, slivers, subjectAreaM2 };
  const farmland = overlapOf(c, controls.farmland, 'farmland');
  const redLine = overlapOf(c, controls.redLine, 'redLine');
  const cultivated = overlapOf(c, controls.cultivated, 'cultivated');
  const boundary: BoundaryResult = areal
    ? arealBoundary(g as Areal, relatedOf(c, controls.boundary, 'boundary'), indexed(controls.boundary), slivers, subjectAreaM2)
    : { ...pointLineBoundary(g as PointLine, indexed(controls.boundary)), outsideAreaM2: 0, outsideMu: 0, outsidePieces: [] };
  const subjectLengthM = kind === 'line' ? geodesicLength(g) : 0;
  return { subjectKind: kind, subjectAreaM2, subjectLengthM, farmland, redLine, cultivated, boundary, verdict: verdict(farmland, redLine, cultivated, boundary, kind) };
}

// Module-level helpers rather than closures: a big layer's check calls them hundreds of thousands of times.
interface Subject { g: ComplianceSubject['geometry']; areal: boolean; met: ControlRelations | undefined; packed: FeatureIndex | null; slivers: number; subjectAreaM2: number }

function relatedOf(c: Subject, layer: readonly Feature[], k: keyof ControlRelations): readonly Relation[] {
  return c.met ? c.met[k] : relations(c.packed!, indexed(layer));
}

function overlapOf(c: Subject, layer: readonly Feature[], k: keyof ControlRelations): OverlapResult {
  if (c.areal) return arealOverlap(c.g as Areal, relatedOf(c, layer, k), indexed(layer), c.slivers, c.subjectAreaM2);
  const r = pointLineOverlap(c.g as PointLine, indexed(layer));
  return { ...r, areaM2: 0, areaMu: 0, share: 0, pieces: [] };
}

/** For a (Multi)Polygon subject: the control polygons of each layer it meets (see layerRelations). */
export type ControlRelations = Record<'farmland' | 'redLine' | 'cultivated' | 'boundary', readonly Relation[]>;

const idOf = (f: Feature, i: number): string => String(f.id ?? f.properties?.id ?? i);

const RULE_TEXT: Record<Exclude<ComplianceRule, 'urban_development_boundary'>, [string, string]> = {
  permanent_basic_farmland: ['永久基本农田', 'permanent basic farmland'],
  ecological_red_line: ['生态保护红线', 'the ecological red line'],
  cultivated_land: ['耕地', 'cultivated land'],
};

const OK_TEXT = ['未占用永久基本农田、生态保护红线和耕地，位于城镇开发边界内',
  'Clear of permanent basic farmland, the ecological red line and cultivated land; inside the urban development boundary'] as const;

/** The verdict's sentences are written when first read: a whole big layer's check reads only `ok`. */
class Verdict {
  #texts: readonly [string, string] | undefined;
  constructor(
    readonly ok: boolean,
    readonly rules: ComplianceRule[],
    private readonly parts: Parameters<typeof verdictTexts>,
  ) {}
  #text(): readonly [string, string] {
    return (this.#texts ??= this.ok ? OK_TEXT : verdictTexts(...this.parts));
  }
  get text_zh(): string {
    return this.#text()[0];
  }
  get text_en(): string {
    return this.#text()[1];
  }
}

function verdict(farmland: OverlapResult, redLine: OverlapResult, cultivated: OverlapResult, boundary: BoundaryResult, kind: ComplianceResult['subjectKind']): ComplianceResult['verdict'] {
  const rules: ComplianceRule[] = [];
  if (farmland.overlaps) rules.push('permanent_basic_farmland');
  if (redLine.overlaps) rules.push('ecological_red_line');
  if (cultivated.overlaps) rules.push('cultivated_land');
  if (boundary.status !== 'inside') rules.push('urban_development_boundary');
  return new Verdict(rules.length === 0, rules, [farmland, redLine, cultivated, boundary, kind]);
}

function verdictTexts(farmland: OverlapResult, redLine: OverlapResult, cultivated: OverlapResult, boundary: BoundaryResult, kind: ComplianceResult['subjectKind']): [string, string] {
  const zh: string[] = [];
  const en: string[] = [];
  const size = (m2: number, lang: 'zh' | 'en') => `${formatArea(m2, 'ha', lang)}${lang === 'zh' ? '（' : ' ('}${formatArea(m2, 'mu', lang)}${lang === 'zh' ? '）' : ')'}`;
  for (const [rule, r] of [['permanent_basic_farmland', farmland], ['ecological_red_line', redLine], ['cultivated_land', cultivated]] as const) {
    if (!r.overlaps) continue;
    const [nameZh, nameEn] = RULE_TEXT[rule];
    if (kind === 'area') {
      zh.push(`占用${nameZh} ${size(r.areaM2, 'zh')}`);
      en.push(`overlaps ${nameEn} by ${size(r.areaM2, 'en')}`);
    } else if (kind === 'line') {
      zh.push(`穿越${nameZh} ${formatLength(r.lengthM, 'm', 'zh')}`);
      en.push(`runs through ${nameEn} for ${formatLength(r.lengthM, 'm', 'en')}`);
    } else {
      zh.push(`位于${nameZh}内`);
      en.push(`lies in ${nameEn}`);
    }
  }
  if (boundary.status !== 'inside') {
    const partly = boundary.status === 'partly';
    const m2 = boundary.outsideAreaM2;
    const m = boundary.outsideLengthM;
    const extraZh = !partly ? '' : kind === 'area' ? `（边界外 ${formatArea(m2, 'ha', 'zh')}，${formatArea(m2, 'mu', 'zh')}）` : kind === 'line' ? `（边界外 ${formatLength(m, 'm', 'zh')}）` : '';
    const extraEn = !partly ? '' : kind === 'area' ? ` (${formatArea(m2, 'ha', 'en')}, ${formatArea(m2, 'mu', 'en')} outside)` : kind === 'line' ? ` (${formatLength(m, 'm', 'en')} outside)` : '';
    zh.push(`${partly ? '部分' : ''}位于城镇开发边界外${extraZh}`);
    en.push(`${partly ? 'partly ' : ''}outside the urban development boundary${extraEn}`);
  }
  const first = en.join('; ');
  return [zh.join('；'), first.charAt(0).toUpperCase() + first.slice(1)];
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
 * geometry get `result: null`), named by the layer's name field (name_zh / name_en, or 名称, XMMC, NAME, … for
 * imported layers; the id where a feature has none). The controls are indexed once for the whole layer.
 * @example checkLayer(parcels.features, controls).filter((r) => r.result && !r.result.verdict.ok).map((r) => r.id)
 */
export function checkLayer(features: readonly Feature[], controls: ComplianceControls, opts: ComplianceOptions = {}): ComplianceRow[] {
  const supported = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
  const nameField = detectNameField(features);
  return features.map((f, index) => {
    const id = idOf(f, index);
    const names = featureNames(f.properties, nameField, id);
    return {
      index,
      id,
      name_zh: names.zh,
      name_en: names.en,
      result: f.geometry && supported.has(f.geometry.type) ? checkCompliance(f as ComplianceSubject, controls, opts) : null,
    };
  });
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
