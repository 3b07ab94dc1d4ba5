import { CSS_DPI, MM_PER_INCH } from './paper';

// Map scale on paper for MapLibre's Web Mercator (512-pixel tiles), on the WGS84 ellipsoid. Web Mercator
// puts longitude on x (x = R·λ), so one CSS pixel spans 2π·N(φ)·cos φ / (512·2^z) metres east–west, with
// N the prime-vertical radius: that is the ground an east–west line on the page measures at latitude φ.
// (North–south the radius of curvature is M(φ) instead: 0.44 % shorter at 35°N, 0.6 % at 18°N.)

const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const TILE = 512;
/** Paper metres per CSS pixel (1/96 inch). */
const PAPER_M_PER_CSS_PX = MM_PER_INCH / CSS_DPI / 1000;

/** Prime-vertical radius of curvature N(φ), metres. */
export function primeVerticalRadius(latDeg: number): number {
  const s = Math.sin((latDeg * Math.PI) / 180);
  return A / Math.sqrt(1 - E2 * s * s);
}

/** Ground metres (east–west, ellipsoidal) one CSS pixel of the map spans at `latDeg`, at `zoom`. */
export function groundMetresPerCssPx(zoom: number, latDeg: number): number {
  return (2 * Math.PI * primeVerticalRadius(latDeg) * Math.cos((latDeg * Math.PI) / 180)) / (TILE * 2 ** zoom);
}

/** Scale denominator (1:N) of the map at `zoom`, measured east–west at `latDeg`. */
export function scaleAtZoom(zoom: number, latDeg: number): number {
  return groundMetresPerCssPx(zoom, latDeg) / PAPER_M_PER_CSS_PX;
}

/** The zoom at which the printed map is at 1:`scale` at `latDeg`. */
export function zoomForScale(scale: number, latDeg: number): number {
  return Math.log2((2 * Math.PI * primeVerticalRadius(latDeg) * Math.cos((latDeg * Math.PI) / 180)) / (TILE * PAPER_M_PER_CSS_PX * scale));
}

export const FIXED_SCALES = [2000, 5000, 10000, 25000, 50000] as const;

/** Scales a planner can type: 1:100 to 1:10 000 000. */
export function scaleProblem(scale: number): 'notNumber' | 'outOfRange' | null {
  if (!Number.isFinite(scale)) return 'notNumber';
  return scale < 100 || scale > 1e7 ? 'outOfRange' : null;
}

export interface ScaleBar {
  /** Ground length the bar stands for (m): 1, 2 or 5 × 10ⁿ. */
  metres: number;
  /** Its length on paper (mm). */
  mm: number;
  /** Parts the bar is divided in (alternating black and white). */
  segments: number;
}

/** The longest round length (1, 2, 5 × 10ⁿ m) whose bar fits in `maxMm` on paper at 1:`scale`. */
export function scaleBar(scale: number, maxMm: number): ScaleBar {
  const maxMetres = (maxMm / 1000) * scale;
  const p = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((k) => k * p <= maxMetres) ?? 1;
  const metres = step * p;
  return { metres, mm: (metres / scale) * 1000, segments: step === 2 ? 4 : step === 5 ? 5 : 4 };
}

/** Nice scale denominators for the "1:N" text: rounded to 3 significant figures above 1:1000. */
export function roundScale(scale: number): number {
  if (scale < 1000) return Math.round(scale);
  const p = 10 ** (Math.floor(Math.log10(scale)) - 2);
  return Math.round(scale / p) * p;
}
