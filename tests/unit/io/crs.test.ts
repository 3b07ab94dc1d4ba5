import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { chinaEpsg, crsFromEpsg, epsgFromName, inferCrs, resolveCrs, type ResolvedCrs } from '../../../src/io/crs';

const ok = (r: ResolvedCrs | { error: string }): ResolvedCrs => {
  if ('error' in r) throw new Error(r.error);
  return r;
};
/** Metres between two lon/lat points (equirectangular; fine for sub-metre checks). */
const metres = (a: number[], b: number[]) => {
  const k = 111320;
  return Math.hypot((a[0]! - b[0]!) * k * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110574);
};

describe('CGCS2000 Gauss–Krüger', () => {
  it('EPSG:4526 matches the PROJ reference (113.25, 35.18) ↔ (38431683.4810, 3894820.1235) within 0.1 m', () => {
    const def = chinaEpsg(4526)!.def;
    const [e, n] = proj4('+proj=longlat +ellps=GRS80 +no_defs', def).forward([113.25, 35.18]);
    expect(Math.abs(e! - 38431683.481)).toBeLessThan(0.001);
    expect(Math.abs(n! - 3894820.1235)).toBeLessThan(0.001);
    const back = crsFromEpsg(4526)!.toWgs84([38431683.481, 3894820.1235]);
    expect(metres(back, [113.25, 35.18])).toBeLessThan(0.1);
  });

  it('defines the zone families with the right central meridians and false eastings', () => {
    expect(chinaEpsg(4547)!.def).toContain('+lon_0=114 ');
    expect(chinaEpsg(4547)!.def).toContain('+x_0=500000 ');
    expect(chinaEpsg(4546)!.def).toContain('+lon_0=111 ');
    expect(chinaEpsg(4513)!.def).toContain('+x_0=25500000 ');
    expect(chinaEpsg(4533)!.def).toContain('+lon_0=135 ');
    expect(chinaEpsg(4497)!.def).toMatch(/\+lon_0=111 .*\+x_0=19500000 /);
    expect(chinaEpsg(4502)!.def).toContain('+lon_0=75 ');
    expect(chinaEpsg(4512)!.def).toContain('+lon_0=135 ');
    expect(chinaEpsg(4555)).toBeUndefined();
  });

  it('6° zone 19 (EPSG:4497) and CM 114E without prefix (EPSG:4547) agree on one point', () => {
    const wgs = [113.25, 35.18];
    const e4497 = proj4('+proj=longlat +ellps=GRS80 +no_defs', chinaEpsg(4497)!.def).forward(wgs);
    expect(metres(crsFromEpsg(4497)!.toWgs84(e4497), wgs)).toBeLessThan(0.01);
    const e4547 = proj4('+proj=longlat +ellps=GRS80 +no_defs', chinaEpsg(4547)!.def).forward(wgs);
    expect(e4547[0]).toBeCloseTo(431683.481, 2);
  });
  // Independent references from PROJ 9 `cs2cs` (EPSG:4490 → code; lat/lon in, northing/easting out).
  it.each([
    [4526, [113.25, 35.18], [38431683.481, 3894820.1235]],
    [4547, [113.25, 35.18], [431683.481, 3894820.1235]],
    [4497, [113.25, 35.18], [19704965.4287, 3896881.9007]],
    [4546, [113.241823, 35.215892], [704130.5338, 3900848.1069]],
  ])('EPSG:%i inverse matches cs2cs within 0.1 m', (code, lonLat, en) => {
    expect(metres(crsFromEpsg(code)!.toWgs84(en), lonLat)).toBeLessThan(0.1);
  });
});

describe('resolveCrs', () => {
  it('reads EPSG names in their many spellings', () => {
    expect(epsgFromName('EPSG:4526')).toBe(4526);
    expect(epsgFromName('urn:ogc:def:crs:EPSG::4490')).toBe(4490);
    expect(epsgFromName('urn:ogc:def:crs:EPSG:6.6:4547')).toBe(4547);
    expect(epsgFromName('http://www.opengis.net/def/crs/EPSG/0/4326')).toBe(4326);
    expect(epsgFromName('urn:ogc:def:crs:OGC:1.3:CRS84')).toBe(4326);
  });

  it('maps ESRI CGCS2000 names to EPSG codes', () => {
    expect(ok(resolveCrs('PROJCS["CGCS2000_3_Degree_GK_Zone_38",GEOGCS["x"]]')).id).toBe('EPSG:4526');
    expect(ok(resolveCrs('PROJCS["CGCS2000_3_Degree_GK_CM_114E",GEOGCS["x"]]')).id).toBe('EPSG:4547');
    expect(ok(resolveCrs('PROJCS["CGCS2000_GK_Zone_19",GEOGCS["x"]]')).id).toBe('EPSG:4497');
    expect(ok(resolveCrs('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).id).toBe('EPSG:4490');
  });

  it('uses proj4 for other WKT and flags old Chinese datums', () => {
    const xian = 'PROJCS["Xian_1980_3_Degree_GK_CM_114E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const r = ok(resolveCrs(xian));
    expect(r.note).toBe('datum-approx');
    const p = r.toWgs84([431683.481, 3894820.1235]);
    expect(metres(p, [113.25, 35.18])).toBeLessThan(200);
  });

  it('refuses WKT with unbalanced brackets or quotes instead of trusting its name', () => {
    expect(resolveCrs('GEOGCS["GCS_WGS_1984",DATUM[')).toEqual({ error: 'malformed WKT: the text ends with 2 brackets still open (truncated?)' });
    expect(resolveCrs('GEOGCS["GCS_WGS_1984]')).toEqual({ error: 'malformed WKT: a quoted name is not closed' });
    expect(resolveCrs('GEOGCS["x"]]')).toHaveProperty('error');
    expect(ok(resolveCrs('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')).id).toBe('EPSG:4326');
  });

  it('returns an error instead of throwing for text proj4 cannot read', () => {
    expect(resolveCrs('PROJCS["broken",GEOGCS[')).toHaveProperty('error');
    expect(resolveCrs('')).toHaveProperty('error');
    expect(resolveCrs('EPSG:2000')).toHaveProperty('error');
  });
});

describe('inferCrs', () => {
  it('recognises degrees, prefixed 3° and 6° zones, unprefixed eastings and Web Mercator', () => {
    expect(inferCrs([113.1, 35.1, 113.5, 35.3])!.crs.id).toBe('EPSG:4326');
    expect(inferCrs([38420000, 3890000, 38440000, 3900000])!.crs.id).toBe('EPSG:4526');
    expect(inferCrs([19720000, 3890000, 19740000, 3900000])!.crs.id).toBe('EPSG:4497');
    expect(inferCrs([420000, 3890000, 440000, 3900000])!.crs.id).toBe('EPSG:4547');
    expect(inferCrs([420000, 3890000, 440000, 3900000], 111)!.crs.id).toBe('EPSG:4546');
    expect(inferCrs([12600000, 4180000, 12620000, 4200000])!.crs.id).toBe('EPSG:3857');
  });

  it('gives up on numbers that fit nothing', () => {
    expect(inferCrs([-5e9, 0, 5e9, 10])).toBeUndefined();
    expect(inferCrs([113, 35, 114, 95])).toBeUndefined();
  });
});
