/**
 * The 三区三线 check of a whole big layer where its features are: {@link checkCompliance} for every
 * feature against the same controls as on the page, answered as typed arrays (one entry per feature)
 * and summary totals. It yields between chunks so progress reaches the page and a cancel gets in.
 */
import type { Feature } from 'geojson';
import { checkCompliance, type ComplianceControls, type ComplianceSubject, type ControlRelations } from '../analysis/compliance';
import { indexed, layerRelations, type Relation } from '../analysis/compliance-areal';
import type { FeatureIndex } from '../analysis/feature-index';

const SUPPORTED = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);
/** Boundary position per feature: inside, partly outside, outside, or not checked (no geometry). */
export const BOUNDARY_CODES = ['inside', 'partly', 'outside'] as const;
export const NOT_CHECKED = 255;

export interface BigComplianceAnswer {
  /** Per feature, m²: overlap with permanent basic farmland, the ecological red line, cultivated land; area outside the boundary. */
  farmlandM2: Float64Array;
  redLineM2: Float64Array;
  cultivatedM2: Float64Array;
  outsideM2: Float64Array;
  /** Per feature: index into BOUNDARY_CODES, or NOT_CHECKED. */
  boundary: Uint8Array;
  /** Per feature: 1 complies, 0 does not, NOT_CHECKED. */
  ok: Uint8Array;
  /** Features that do not comply, and the totals over the layer (m²). */
  failing: number;
  totals: { farmlandM2: number; redLineM2: number; cultivatedM2: number; outsideM2: number };
  cancelled: boolean;
}

/** Longest stretch of work between two yields to the page's messages (ms). */
const SLICE_MS = 40;

function emptyAnswer(n: number): BigComplianceAnswer {
  return {
    farmlandM2: new Float64Array(n),
    redLineM2: new Float64Array(n),
    cultivatedM2: new Float64Array(n),
    outsideM2: new Float64Array(n),
    boundary: new Uint8Array(n).fill(NOT_CHECKED),
    ok: new Uint8Array(n).fill(NOT_CHECKED),
    failing: 0,
    totals: { farmlandM2: 0, redLineM2: 0, cultivatedM2: 0, outsideM2: 0 },
    cancelled: false,
  };
}

type LayerRelations = Record<keyof ControlRelations, Map<number, Relation[]>>;
const NONE: readonly Relation[] = [];

/** Which control polygons each feature meets, from the big layer's own index (one pass per control polygon). */
function relate(index: FeatureIndex, controls: ComplianceControls): LayerRelations {
  const of = (layer: readonly Feature[]) => layerRelations(index, indexed(layer));
  return { farmland: of(controls.farmland), redLine: of(controls.redLine), cultivated: of(controls.cultivated), boundary: of(controls.boundary) };
}

/** Checks features [start, end) into `a`; returns end. */
function checkRange(a: BigComplianceAnswer, features: readonly Feature[], rel: LayerRelations, controls: ComplianceControls, opts: { slivers: number }, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const f = features[i]!;
    if (!f.geometry || !SUPPORTED.has(f.geometry.type)) continue;
    const areal = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
    const met: ControlRelations | undefined = areal
      ? { farmland: rel.farmland.get(i) ?? NONE, redLine: rel.redLine.get(i) ?? NONE, cultivated: rel.cultivated.get(i) ?? NONE, boundary: rel.boundary.get(i) ?? NONE }
      : undefined;
    const r = checkCompliance(f as ComplianceSubject, controls, opts, met);
    a.farmlandM2[i] = r.farmland.areaM2;
    a.redLineM2[i] = r.redLine.areaM2;
    a.cultivatedM2[i] = r.cultivated.areaM2;
    a.outsideM2[i] = r.boundary.outsideAreaM2;
    a.boundary[i] = BOUNDARY_CODES.indexOf(r.boundary.status);
    a.ok[i] = r.verdict.ok ? 1 : 0;
    if (!r.verdict.ok) a.failing++;
    a.totals.farmlandM2 += r.farmland.areaM2;
    a.totals.redLineM2 += r.redLine.areaM2;
    a.totals.cultivatedM2 += r.cultivated.areaM2;
    a.totals.outsideM2 += r.boundary.outsideAreaM2;
  }
  return end;
}

/** The same check in one go, without yielding (benchmarks; tests). */
export function bigComplianceSync(features: readonly Feature[], index: FeatureIndex, controls: ComplianceControls, opts: { slivers: number }): BigComplianceAnswer {
  const a = emptyAnswer(features.length);
  checkRange(a, features, relate(index, controls), controls, opts, 0, features.length);
  return a;
}

/** @example await bigCompliance(held.features, held.index, controls, { slivers: 1 }, (done) => report(done), () => false) */
export async function bigCompliance(
  features: readonly Feature[],
  index: FeatureIndex,
  controls: ComplianceControls,
  opts: { slivers: number },
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<BigComplianceAnswer> {
  const n = features.length;
  const a = emptyAnswer(n);
  const rel = relate(index, controls);
  let done = 0;
  while (done < n) {
    if (cancelled()) return { ...a, cancelled: true };
    // Work in slices of about SLICE_MS, not a fixed count: a yield costs the clamped timer delay (up to
    // 4 ms in a browser), which a fixed small chunk would pay hundreds of times on a big layer.
    const sliceEnd = performance.now() + SLICE_MS;
    do done = checkRange(a, features, rel, controls, opts, done, Math.min(n, done + 16));
    while (done < n && performance.now() < sliceEnd);
    onProgress(done, n);
    // Let the page's messages (a cancel, tile requests) in between slices.
    if (done < n) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return a;
}
