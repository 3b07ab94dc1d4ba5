/**
 * Local datum parameters a planner is given for old Chinese data (Xian 1980, Beijing 1954) or for a
 * local realisation of CGCS2000: a 7-parameter Bursa–Wolf set or a 4-parameter planar set (四参数).
 * Plain data, so they cross the worker boundary and stay with the layer.
 */

/** Bursa–Wolf rotation convention: Position Vector (EPSG 9606, PROJ `+towgs84`) or Coordinate Frame (EPSG 9607). */
export type RotationConvention = 'position-vector' | 'coordinate-frame';

export interface Helmert7 {
  kind: 'helmert7';
  /** Translations in metres (geocentric X, Y, Z). */
  dx: number;
  dy: number;
  dz: number;
  /** Rotations in arc-seconds, in the stated convention. */
  rx: number;
  ry: number;
  rz: number;
  /** Scale difference in parts per million. */
  ppm: number;
  convention: RotationConvention;
}

/**
 * Planar similarity in the Gauss–Krüger plane, with X north and Y east (as Chinese survey coordinates
 * are written), eastings without the zone prefix:
 * X' = ΔX + (1 + ppm·10⁻⁶)(X cos θ − Y sin θ), Y' = ΔY + (1 + ppm·10⁻⁶)(X sin θ + Y cos θ).
 * X', Y' are CGCS2000 Gauss–Krüger coordinates of the same zone.
 */
export interface Planar4 {
  kind: 'planar4';
  /** Shift of X (north), metres. */
  dx: number;
  /** Shift of Y (east), metres. */
  dy: number;
  /** Rotation θ in arc-seconds. */
  rotation: number;
  ppm: number;
}

export type DatumShift = Helmert7 | Planar4;

export const HELMERT7_FIELDS = ['dx', 'dy', 'dz', 'rx', 'ry', 'rz', 'ppm'] as const;
export const PLANAR4_FIELDS = ['dx', 'dy', 'rotation', 'ppm'] as const;
export type DatumField = (typeof HELMERT7_FIELDS)[number] | (typeof PLANAR4_FIELDS)[number];

/**
 * The seven values of PROJ's `+towgs84` (Position Vector: metres, arc-seconds, ppm). A Coordinate
 * Frame set has the signs of its rotations flipped; nothing else differs.
 * @example towgs84({ kind: 'helmert7', dx: 1, dy: 2, dz: 3, rx: 0.5, ry: 0, rz: -1, ppm: 2, convention: 'coordinate-frame' }) // [1, 2, 3, -0.5, -0, 1, 2]
 */
export function towgs84(p: Helmert7): [number, number, number, number, number, number, number] {
  const sign = p.convention === 'coordinate-frame' ? -1 : 1;
  return [p.dx, p.dy, p.dz, sign * p.rx, sign * p.ry, sign * p.rz, p.ppm];
}

/** `+towgs84=…` as PROJ and proj4 read it. */
export function towgs84Text(p: Helmert7): string {
  return `+towgs84=${towgs84(p)
    .map((v) => String(v === 0 ? 0 : v))
    .join(',')}`;
}

/**
 * Applies a 4-parameter set to one point of the plane (north, east without zone prefix).
 * @example planar4Apply({ kind: 'planar4', dx: 10, dy: -5, rotation: 0, ppm: 0 }, 3.9e6, 4.3e5) // [3900010, 429995]
 */
export function planar4Apply(p: Planar4, north: number, east: number): [number, number] {
  const s = 1 + p.ppm * 1e-6;
  const t = (p.rotation / 3600) * (Math.PI / 180);
  const c = Math.cos(t);
  const sn = Math.sin(t);
  return [p.dx + s * (north * c - east * sn), p.dy + s * (north * sn + east * c)];
}

/** One line that says exactly what was used, for the import report and the layer (English; the UI has its own). */
export function describeDatumShift(p: DatumShift): string {
  if (p.kind === 'helmert7') {
    const conv = p.convention === 'coordinate-frame' ? 'Coordinate Frame, EPSG 9607' : 'Position Vector, EPSG 9606';
    return `7-parameter (${conv}): ΔX ${p.dx} m, ΔY ${p.dy} m, ΔZ ${p.dz} m, rX ${p.rx}″, rY ${p.ry}″, rZ ${p.rz}″, scale ${p.ppm} ppm`;
  }
  return `4-parameter planar: ΔX (north) ${p.dx} m, ΔY (east) ${p.dy} m, rotation ${p.rotation}″, scale ${p.ppm} ppm`;
}
