/**
 * The reprojection with a planner's datum parameters against PROJ (tests/fixtures/datum/reference.json):
 * 7 parameters as `cs2cs +towgs84` (Position Vector) and as a `cct` Coordinate Frame Helmert pipeline,
 * 4 parameters as a `cct` 2D Helmert (+theta) on the unprefixed plane, then the inverse CGCS2000 projection.
 */
import { describe, expect, it } from 'vitest';
import { datumShiftTransform, planar4Pipeline } from '../../../../src/io/datum/apply-datum-shift';
import { planar4Apply, towgs84 } from '../../../../src/io/datum/datum-shift';
import { gaussKrugerOf } from '../../../../src/io/datum/gauss-kruger';
import { crsFromEpsg, resolveCrs } from '../../../../src/io/crs';
import { FOUR, REF, SEVEN_CF, SEVEN_PV, expectAll, metresApart } from './reference';

const prj =
  'PROJCS["Xian_1980_3_Degree_GK_Zone_38",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",38500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('Gauss–Krüger definitions on the Chinese datums', () => {
  it('reads the ESRI .prj, the EPSG table and the proj4 string alike', () => {
    const fromPrj = resolveCrs(prj);
    expect('error' in fromPrj).toBe(false);
    const a = (fromPrj as { gk?: unknown }).gk;
    expect(a).toEqual({ datum: 'xian1980', lon0: 114, lat0: 0, k0: 1, x0: 38500000, y0: 0, a: 6378140, rf: 298.257 });
    expect(crsFromEpsg(2362)?.gk).toEqual(a);
    expect(gaussKrugerOf(REF.crs)).toEqual(a);
    expect(crsFromEpsg(21419)?.gk?.datum).toBe('beijing1954');
    expect(crsFromEpsg(2383)?.note).toBe('datum-approx');
    expect(crsFromEpsg(4526)?.gk?.datum).toBe('cgcs2000');
    expect(crsFromEpsg(4326)?.gk).toBeUndefined();
  });
});

describe('7-parameter (Bursa–Wolf)', () => {
  const gk = gaussKrugerOf(REF.crs)!;

  it('Position Vector matches cs2cs +towgs84 within 1 mm', () => {
    const t = datumShiftTransform(gk, SEVEN_PV);
    expectAll(REF.points.map((p) => t(p)), REF.helmert7.positionVector);
  });

  it('Coordinate Frame (EPSG 9607) matches PROJ helmert convention=coordinate_frame within 1 mm', () => {
    const t = datumShiftTransform(gk, SEVEN_CF);
    expectAll(REF.points.map((p) => t(p)), REF.helmert7.coordinateFrame);
    expect(towgs84(SEVEN_CF).slice(3, 6)).toEqual([-SEVEN_PV.rx, -SEVEN_PV.ry, -SEVEN_PV.rz]);
  });

  it('the two conventions are far apart here, so a wrong switch cannot pass', () => {
    expect(metresApart(REF.helmert7.positionVector[0]!, REF.helmert7.coordinateFrame[0]!)).toBeGreaterThan(100);
  });

  it('without parameters Xian 1980 is only re-projected (as cs2cs with the ellipsoid alone)', () => {
    const crs = resolveCrs(prj) as { toWgs84: (p: number[]) => number[] };
    expectAll(REF.points.map((p) => crs.toWgs84(p)), REF.noShift);
  });
});

describe('4-parameter (planar, 四参数)', () => {
  const gk = gaussKrugerOf(REF.crs)!;

  it('matches PROJ 2D Helmert on the unprefixed plane and the inverse CGCS2000 projection within 1 mm', () => {
    const t = datumShiftTransform(gk, FOUR);
    expectAll(REF.points.map((p) => t(p)), REF.planar4.wgs84);
  });

  it('gives the same positions for eastings without the zone prefix (CM 114E)', () => {
    const t = datumShiftTransform(crsFromEpsg(2383)!.gk!, FOUR);
    expectAll(REF.points.map(([e, n]) => t([e - 38e6, n])), REF.planar4.wgs84);
  });

  it('X is north and Y east; a positive rotation turns north towards east', () => {
    expect(planar4Apply({ kind: 'planar4', dx: 1, dy: 2, rotation: 0, ppm: 0 }, 100, 200)).toEqual([101, 202]);
    const [n, e] = planar4Apply({ kind: 'planar4', dx: 0, dy: 0, rotation: 3600 * 90, ppm: 0 }, 1, 0);
    expect(n).toBeCloseTo(0, 12);
    expect(e).toBeCloseTo(1, 12);
  });

  it('the GDAL pipeline states the same affine step', () => {
    const p = planar4Pipeline(gk, FOUR);
    expect(p).toMatch(/^\+proj=pipeline \+step \+proj=affine .* \+step \+inv \+proj=tmerc .*\+x_0=500000 .*\+ellps=GRS80 \+step \+proj=unitconvert \+xy_in=rad \+xy_out=deg$/);
  });
});
