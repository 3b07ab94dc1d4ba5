import * as geographiclib from 'geographiclib-geodesic';

type GeographicLib = typeof geographiclib;

/**
 * GeographicLib's WGS84 geodesic, shared by the analysis operations. The package is a UMD/CommonJS bundle:
 * bundlers (Vite, Vitest) expose its named exports, Node's own ESM loader (tsx scripts) only `default`.
 * @example WGS84.Inverse(35.15, 113.2, 35.21, 113.3).s12 // metres
 */
export const WGS84 = resolve().Geodesic.WGS84;

/** GeographicLib outmask asking Inverse for the distance s12 only. */
export const DISTANCE_ONLY: number = resolve().Geodesic.DISTANCE;

function resolve(): GeographicLib {
  const ns = geographiclib as GeographicLib & { default?: GeographicLib };
  return ns.Geodesic ? ns : (ns.default as GeographicLib);
}
