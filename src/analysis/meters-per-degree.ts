/** WGS84 lengths of one degree, for boxes that surely hold a geodesic distance and for local projections. */

const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const DEG = Math.PI / 180;

/** a(1 − e²): the smallest meridian radius of curvature (at the equator), in m per degree of latitude. */
export const METERS_PER_DEGREE_MIN_MERIDIAN = A * (1 - E2) * DEG;

/** Length of one degree of longitude along the parallel at `latDeg`, in m. */
export function parallelMetersPerDegree(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  return ((A * Math.cos(latDeg * DEG)) / Math.sqrt(1 - E2 * s * s)) * DEG;
}

/** Length of one degree of latitude along the meridian at `latDeg`, in m. */
export function meridianMetersPerDegree(latDeg: number): number {
  const s = Math.sin(latDeg * DEG);
  const w2 = 1 - E2 * s * s;
  return ((A * (1 - E2)) / (w2 * Math.sqrt(w2))) * DEG;
}
