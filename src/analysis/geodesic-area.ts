import type { Feature, Geometry, Position } from 'geojson';
import { WGS84 } from './wgs84';

/**
 * Area in m² of the geodesic polygon(s) on the WGS84 ellipsoid: outer rings minus holes, whatever the ring
 * orientation. Agrees with GeographicLib's `Geodesic.WGS84.Polygon` to a relative error below 1e-6 on every
 * polygon (see tests/unit/analysis/geodesic-area.test.ts); Points and Lines have area 0.
 *
 * How: a ring whose extent is at most {@link FAST_PATH_MAX_SPAN_DEG} in latitude and longitude is mapped to
 * the authalic sphere (radius R_q, authalic latitude β; the map is equal-area, so a region keeps its area)
 * and measured there with the great-circle formula per edge (spherical excess of the quadrilateral
 * edge–equator, tan(E/2) = tan(Δλ/2)·(sin β1 + sin β2)/(1 + cos β1 cos β2 + sin β1 sin β2); cf. Karney 2013,
 * "Algorithms for geodesics", eq. 60), plus a correction for each edge's bulge: a geodesic does not map
 * exactly onto a great circle (see bendCoefficients). About 1.6× the cost of turf.area, 20× faster than
 * GeographicLib. Larger rings use GeographicLib's PolygonArea directly.
 *
 * @example
 * geodesicArea({ type: 'Polygon', coordinates: [[[113.2, 35.15], [113.3, 35.15], [113.3, 35.21], [113.2, 35.21], [113.2, 35.15]]] });
 * // ≈ 60_633_804.5
 */
export function geodesicArea(geom: Geometry | Feature<Geometry | null> | null | undefined): number {
  if (!geom) return 0;
  switch (geom.type) {
    case 'Feature':
      return geodesicArea(geom.geometry);
    case 'Polygon':
      return polygonArea(geom.coordinates);
    case 'MultiPolygon': {
      let total = 0;
      for (const polygon of geom.coordinates) total += polygonArea(polygon);
      return total;
    }
    case 'GeometryCollection': {
      let total = 0;
      for (const g of geom.geometries) total += geodesicArea(g);
      return total;
    }
    default:
      return 0;
  }
}

/**
 * Signed area (m²) of one ring, counter-clockwise positive. The closing vertex may be repeated or not.
 * @example geodesicRingArea([[113.2, 35.15], [113.3, 35.15], [113.3, 35.21], [113.2, 35.21]]) // ≈ 60_633_804.5
 */
export function geodesicRingArea(ring: readonly Position[]): number {
  let n = ring.length;
  if (n > 1 && samePosition(ring[0]!, ring[n - 1]!)) n--;
  if (n < 3) return 0;
  const fast = authalicRingArea(ring, n);
  return Number.isNaN(fast) ? geographicLibRingArea(ring, n) : fast;
}

/**
 * Largest latitude or longitude extent (degrees) of a ring that takes the authalic fast path; larger rings
 * (and rings beyond ±85°) go to GeographicLib. Measured at this size, 0–85°N, 3–12 vertices, aspect down to
 * 1:100: worst relative error vs GeographicLib 1.6e-7; ≈2 km covers every parcel, block and plot.
 */
export const FAST_PATH_MAX_SPAN_DEG = 0.02;

// WGS84 and its authalic sphere.
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
/** q(90°) / (1 − e²), so that sin β = x·P(x²)/QP_OVER_1ME2 with x = sin φ. */
const QP_OVER_1ME2 = 1 / (1 - E2) + Math.atanh(E) / E;
/** R_q² (m²): the authalic sphere has the ellipsoid's total area 4π R_q². */
const RQ2 = (A * A * (1 - E2) * QP_OVER_1ME2) / 2;
const RQ = Math.sqrt(RQ2);
const DEG = Math.PI / 180;

/**
 * q(φ)/(1−e²) = x/(1−e²x²) + atanh(e x)/e = Σ_k e^{2k} x^{2k+1} (2k+2)/(2k+1), x = sin φ; ratio e²x² ≤ 0.0067.
 * Areas depend on differences of sin β, so the truncation error (≤ e¹⁰x¹¹ ≈ 1e-11, smooth in φ) changes
 * areas by < 1e-10 relative; 5 terms. Coefficients are pre-divided by QP_OVER_1ME2 to give sin β directly.
 */
const SINBETA_COEFFS = Array.from({ length: 5 }, (_, k) => (E2 ** k * (2 * k + 2)) / (2 * k + 1) / QP_OVER_1ME2);
const [C0, C1, C2, C3, C4] = SINBETA_COEFFS as [number, number, number, number, number];

/** sin of the authalic latitude β for geodetic latitude φ (degrees). */
export function sinAuthalicLatitude(latDeg: number): number {
  const x = Math.sin(latDeg * DEG);
  const x2 = x * x;
  return x * (C0 + x2 * (C1 + x2 * (C2 + x2 * (C3 + x2 * C4))));
}

/**
 * Signed area on the authalic sphere plus edge bulges, or NaN when the ring spans more than
 * FAST_PATH_MAX_SPAN_DEG or reaches beyond ±85° (the caller then asks GeographicLib). Edge i runs from
 * vertex i−1 to vertex i; vertex n is vertex 0 again; longitudes are taken relative to vertex 0.
 *
 * Per edge, the spherical excess of the quadrilateral edge–equator is E = 2·atan(tan(h)·S), h = Δλ/2,
 * S = (sin β1 + sin β2)/(2 − 2y), y = sin²(Δβ/2). As |h|, |Δβ| ≤ 1.8e-4 rad these are expanded:
 * E/2 = hS·(1 + h²(1 − S²)/3) + O(h⁵) and 1/(2 − 2y) = (1 + y)/2 + O(y²), dropped terms < 1e-15 of the
 * edge's term. y = Δ(sin β)²·sec²β̄/4 with sec²β̄ linear in sin β about vertex 0 (error < 1e-6 of y).
 */
function authalicRingArea(ring: readonly Position[], n: number): number {
  const first = ring[0]!;
  const lon0 = first[0]!;
  const lat0 = first[1]!;
  const s0 = sinAuthalicLatitude(lat0);
  // sec²β ≈ sec2 + dSec2·(sin β − s0); each carries the factor 1/4 of y.
  const sec2 = 0.25 / (1 - s0 * s0);
  const dSec2 = 8 * s0 * sec2 * sec2;
  let minLon = 0;
  let maxLon = 0;
  let minLat = lat0;
  let maxLat = lat0;
  let lonPrev = 0;
  let latPrev = lat0;
  let sPrev = s0;
  let excess = 0;
  let lon3 = 0; // Σ Δλ³ and Σ Δλ·Δφ² (degrees) for the bulges
  let lonLat2 = 0;
  for (let i = 1; i <= n; i++) {
    let lon = 0;
    let lat = lat0;
    let s = s0;
    if (i < n) {
      const p = ring[i]!;
      lon = p[0]! - lon0;
      lat = p[1]!;
      s = sinAuthalicLatitude(lat);
      if (lon < minLon) minLon = lon;
      else if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      else if (lat > maxLat) maxLat = lat;
    }
    const dLon = lon - lonPrev;
    const dLat = lat - latPrev;
    const ds = s - sPrev;
    const sSum = s + sPrev;
    const y = ds * ds * (sec2 + dSec2 * (sSum * 0.5 - s0));
    const hS = dLon * (DEG / 2) * sSum * 0.5 * (1 + y);
    const h2 = dLon * dLon * (DEG * DEG / 4);
    excess += hS * (1 + (h2 - hS * hS) * (1 / 3));
    lon3 += dLon * dLon * dLon;
    lonLat2 += dLon * dLat * dLat;
    lonPrev = lon;
    latPrev = lat;
    sPrev = s;
  }
  if (maxLon - minLon > FAST_PATH_MAX_SPAN_DEG || maxLat - minLat > FAST_PATH_MAX_SPAN_DEG) return NaN;
  if (minLat < -BEND_MAX_LAT || maxLat > BEND_MAX_LAT) return NaN;
  // excess = Σ E/2 (eastward edges count the area between edge and equator); a CCW ring runs east along
  // its southern side, so negate to make CCW positive like GeographicLib. Then add the edge bulges, with
  // coefficients interpolated from BEND_TABLE at the ring's mid latitude.
  const t = ((minLat + maxLat) * 0.5 + BEND_MAX_LAT) / BEND_STEP_DEG;
  const j = Math.min(Math.floor(t), BEND_ROWS - 2);
  const f = t - j;
  const k1 = BEND_TABLE[2 * j]! * (1 - f) + BEND_TABLE[2 * j + 2]! * f;
  const k2 = BEND_TABLE[2 * j + 1]! * (1 - f) + BEND_TABLE[2 * j + 3]! * f;
  return -2 * excess * RQ2 + k1 * lon3 + k2 * lonLat2;
}

/**
 * The authalic map sends a geodesic to a curve that is not quite a great circle: it has a small geodesic
 * curvature κ' on the sphere (O(e²·tan φ / R)), so the true edge bulges off its great-circle chord by the
 * area κ'L³/12, to the right of travel, which adds to the signed area for either ring orientation.
 * κ' follows from Liouville's formula for geodesic curvature in both metrics with the map's parallel scale
 * k = R_q cos β / (N cos φ) = 1 + ε (meridian scale 1/k). With easting/northing dx, dy of the edge,
 * P = tan φ / N and Q = tan β / (R_q k), to first order in ε:
 *   κ'L³ = dx·[(Qk² − P + 2εP)·dx² + (Qk² − P − 2εP − 2(P − Q))·dy²].
 * Tabulated per degree³ of (Δλ³, Δλ·Δφ²) every BEND_STEP_DEG; linear interpolation is good to ~1e-6 of the
 * bulge, itself at most ~1e-2 of the area of a 7-km sliver.
 */
function bendCoefficients(latDeg: number): [lon3: number, lonLat2: number] {
  const sf = Math.sin(latDeg * DEG);
  const cf = Math.cos(latDeg * DEG);
  const w2 = 1 - E2 * sf * sf;
  const n = A / Math.sqrt(w2);
  const m = (A * (1 - E2)) / (w2 * Math.sqrt(w2));
  const sb = sinAuthalicLatitude(latDeg);
  const cb = Math.sqrt(1 - sb * sb);
  const k = (RQ * cb) / (n * cf);
  const eps = k - 1;
  const p = sf / (cf * n);
  const q = sb / (cb * RQ * k);
  const qk2mp = q * k * k - p;
  const c1 = qk2mp + 2 * eps * p;
  const c2 = qk2mp - 2 * eps * p - 2 * (p - q);
  const ex = n * cf * DEG;
  const ny = m * DEG;
  return [(c1 * ex * ex * ex) / 12, (c2 * ex * ny * ny) / 12];
}

const BEND_MAX_LAT = 85;
const BEND_STEP_DEG = 0.05;
const BEND_ROWS = Math.round((2 * BEND_MAX_LAT) / BEND_STEP_DEG) + 1;
const BEND_TABLE = new Float64Array(2 * BEND_ROWS);
for (let j = 0; j < BEND_ROWS; j++) BEND_TABLE.set(bendCoefficients(-BEND_MAX_LAT + j * BEND_STEP_DEG), 2 * j);

const polygonCalc = WGS84.Polygon(false);

function geographicLibRingArea(ring: readonly Position[], n: number): number {
  polygonCalc.Clear();
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    polygonCalc.AddPoint(p[1]!, p[0]!);
  }
  return polygonCalc.Compute(false, true).area ?? 0;
}

function polygonArea(rings: readonly (readonly Position[])[]): number {
  let total = 0;
  for (let i = 0; i < rings.length; i++) {
    const a = Math.abs(geodesicRingArea(rings[i]!));
    total += i === 0 ? a : -a;
  }
  return total;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
