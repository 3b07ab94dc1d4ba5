/**
 * The 三区三线 check of a whole big layer where its features are: {@link checkCompliance} for every
 * feature against the same controls as on the page, answered as typed arrays (one entry per feature)
 * and summary totals. It yields between chunks so progress reaches the page and a cancel gets in.
 */
import type { Feature } from 'geojson';
import { checkCompliance, type ComplianceControls, type ComplianceSubject } from '../analysis/compliance';

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

const CHUNK = 500;

/** @example await bigCompliance(held.features, controls, { slivers: 1 }, (done) => report(done)) */
export async function bigCompliance(
  features: readonly Feature[],
  controls: ComplianceControls,
  opts: { slivers: number },
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<BigComplianceAnswer> {
  const n = features.length;
  const a: BigComplianceAnswer = {
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
  for (let start = 0; start < n; start += CHUNK) {
    if (cancelled()) return { ...a, cancelled: true };
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const f = features[i]!;
      if (!f.geometry || !SUPPORTED.has(f.geometry.type)) continue;
      const r = checkCompliance(f as ComplianceSubject, controls, opts);
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
    onProgress(Math.min(n, start + CHUNK), n);
    // Let the page's messages (a cancel, tile requests) in between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return a;
}
