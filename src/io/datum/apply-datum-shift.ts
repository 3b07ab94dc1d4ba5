/**
 * Reprojection with the planner's datum parameters: on the page by proj4 (a 7-parameter set as
 * `+towgs84`, a 4-parameter set on the plane before the inverse projection), and for GDAL as the
 * `-s_srs` / `-ct` it passes to PROJ, so both readers place the same point at the same spot.
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { planar4Apply, towgs84Text, type DatumShift, type Planar4 } from './datum-shift';
import { gaussKrugerProj4, zonePrefixOffset, type GaussKruger } from './gauss-kruger';

/**
 * Maps source plane coordinates [east, north] to WGS 84 [lon, lat] with the shift. CGCS2000 is the
 * target of both kinds (a 4-parameter set gives CGCS2000 plane coordinates); it is used as WGS 84
 * as everywhere in the atlas (< 0.1 m apart).
 * @example datumShiftTransform(gk, { kind: 'planar4', dx: 0, dy: 0, rotation: 0, ppm: 5 })([38431683, 3894820])
 */
export function datumShiftTransform(gk: GaussKruger, shift: DatumShift): (p: Position) => Position {
  const keep = (p: Position, r: number[]): Position => (p.length > 2 ? [r[0]!, r[1]!, ...p.slice(2)] : [r[0]!, r[1]!]);
  if (shift.kind === 'helmert7') {
    const conv = proj4(gaussKrugerProj4(gk, towgs84Text(shift)), 'EPSG:4326');
    return (p) => keep(p, conv.forward([p[0]!, p[1]!]));
  }
  const prefix = zonePrefixOffset(gk);
  const target = proj4(gaussKrugerProj4({ ...gk, datum: 'cgcs2000', x0: gk.x0 - prefix }), 'EPSG:4326');
  return (p) => {
    const [n, e] = planar4Apply(shift, p[1]!, p[0]! - prefix);
    return keep(p, target.forward([e, n]));
  };
}

/** The PROJ pipeline of a 4-parameter set (PROJ's axis order: east, north in; lon, lat degrees out). */
export function planar4Pipeline(gk: GaussKruger, shift: Planar4): string {
  const prefix = zonePrefixOffset(gk);
  const s = 1 + shift.ppm * 1e-6;
  const t = (shift.rotation / 3600) * (Math.PI / 180);
  const c = s * Math.cos(t);
  const sn = s * Math.sin(t);
  // u = E − prefix; u' = ΔY + s(N sin θ + u cos θ); N' = ΔX + s(N cos θ − u sin θ), written on E and N.
  const affine = `+proj=affine +xoff=${shift.dy - c * prefix} +yoff=${shift.dx + sn * prefix} +s11=${c} +s12=${sn} +s21=${-sn} +s22=${c}`;
  const inverse = gaussKrugerProj4({ ...gk, datum: 'cgcs2000', x0: gk.x0 - prefix }).replace(/\s*\+units=m \+no_defs$/, '');
  return `+proj=pipeline +step ${affine} +step +inv ${inverse} +step +proj=unitconvert +xy_in=rad +xy_out=deg`;
}

/** What GDAL's ogr2ogr gets for the shift: `-s_srs` with `+towgs84`, or `-ct` with the planar pipeline. */
export function gdalDatumArgs(gk: GaussKruger, shift: DatumShift): { sourceSrs: string; coordinateOperation?: string } {
  if (shift.kind === 'helmert7') return { sourceSrs: gaussKrugerProj4(gk, towgs84Text(shift)) };
  return { sourceSrs: gaussKrugerProj4(gk), coordinateOperation: planar4Pipeline(gk, shift) };
}
