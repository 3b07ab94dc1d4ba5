/**
 * CRS detection and reprojection to WGS84 lon/lat with proj4: CGCS2000 geographic and the CGCS2000
 * Gauss–Krüger zones (EPSG:4491–4554), from EPSG names, .prj WKT, or coordinate magnitudes.
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';
import type { Bbox } from './coords';
import { CGCS2000_EPSG } from './crs-epsg-table';
import { OLD_DATUM_EPSG } from './crs-epsg-old-table';
import { gaussKrugerOf, type GaussKruger } from './datum/gauss-kruger';
import type { DatumShift } from './datum/datum-shift';

export interface ResolvedCrs {
  /** 'EPSG:xxxx' when known, else 'custom'. */
  id: string;
  description: string;
  geographic: boolean;
  /** Maps a source position to WGS84 [lon, lat] (extra ordinates kept). */
  toWgs84: (p: Position) => Position;
  /** 'cgcs2000': CGCS2000 treated as WGS84 (< 0.1 m apart); 'datum-approx': Beijing 54 / Xian 80 without datum shift. */
  note?: 'cgcs2000' | 'datum-approx';
  /** The Gauss–Krüger definition on a Chinese datum (Xian 1980, Beijing 1954, CGCS2000): datum parameters apply to it. */
  gk?: GaussKruger;
  /** The planner's datum parameters, when `toWgs84` uses them. */
  datumShift?: DatumShift;
}

const identity = (p: Position): Position => p;
const WGS84: ResolvedCrs = { id: 'EPSG:4326', description: 'WGS 84 longitude/latitude', geographic: true, toWgs84: identity };

function tmerc(cm: number, x0: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

const EPSG_BY_CODE = new Map([...CGCS2000_EPSG, ...OLD_DATUM_EPSG].map(([code, name, def]) => [code, { name, def }]));

/** What an EPSG name means, in the words a planner checks: the central meridian and whether eastings carry the zone. */
function explain(name: string, def: string): string {
  const cm = /\+lon_0=(\d+)/.exec(def)?.[1];
  const x0 = Number(/\+x_0=(\d+)/.exec(def)?.[1] ?? 0);
  if (!cm) return name;
  return `${name} (CM ${cm}E, ${x0 > 1e6 ? `eastings with zone prefix ${Math.floor(x0 / 1e6)}` : 'no zone prefix'})`;
}

/**
 * proj4 definition and description of the Chinese codes this app knows (CGCS2000 EPSG:4490–4554, the
 * Xian 1980 and Beijing 1954 Gauss–Krüger zones, as PROJ's EPSG database defines them), or undefined.
 * @example chinaEpsg(4508)?.description // 'CGCS2000 / Gauss-Kruger CM 111E (CM 111E, no zone prefix)'
 */
export function chinaEpsg(code: number): { def: string; description: string } | undefined {
  const e = EPSG_BY_CODE.get(code);
  if (!e) return undefined;
  return { def: e.def, description: code === 4490 ? 'CGCS2000 longitude/latitude' : explain(e.name, e.def) };
}

function fromProj4Def(id: string, def: string, description: string): ResolvedCrs {
  const conv = proj4(def, 'EPSG:4326');
  const geographic = /\+proj=longlat/.test(def);
  const gk = gaussKrugerOf(def);
  return {
    id,
    description,
    geographic,
    toWgs84: (p) => {
      const r = conv.forward([p[0]!, p[1]!]);
      return p.length > 2 ? [r[0]!, r[1]!, ...p.slice(2)] : [r[0]!, r[1]!];
    },
    ...(id === 'EPSG:4490' || /\+ellps=GRS80/.test(def) ? { note: 'cgcs2000' as const } : /\+ellps=(IAU76|krass)/.test(def) ? { note: 'datum-approx' as const } : {}),
    ...(gk ? { gk } : {}),
  };
}

/** EPSG code from 'EPSG:4526', 'urn:ogc:def:crs:EPSG::4526', an opengis.net URL or CRS84. */
export function epsgFromName(name: string): number | undefined {
  const s = name.trim();
  if (/(^|[:/])CRS:?84$/i.test(s)) return 4326;
  const m = /EPSG(?::[\d.]*)?[:/](\d{4,5})$/i.exec(s) ?? /^EPSG:{1,2}(\d{4,5})$/i.exec(s) ?? /\/EPSG\/\d+\/(\d{4,5})$/i.exec(s);
  return m ? Number(m[1]) : undefined;
}

export function crsFromEpsg(code: number): ResolvedCrs | undefined {
  if (code === 4326) return WGS84;
  if (code === 3857 || code === 900913) {
    return fromProj4Def('EPSG:3857', proj4.defs('EPSG:3857') ? 'EPSG:3857' : '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs', 'Web Mercator (EPSG:3857)');
  }
  const c = chinaEpsg(code);
  return c ? fromProj4Def(`EPSG:${code}`, c.def, c.description) : undefined;
}

const ESRI_NAMES: [RegExp, (n: number) => number | undefined][] = [
  [/CGCS2000_3_Degree_GK_Zone_(\d+)/i, (z) => (z >= 25 && z <= 45 ? 4513 + z - 25 : undefined)],
  [/CGCS2000_3_Degree_GK_CM_(\d+)E/i, (cm) => (cm >= 75 && cm <= 135 && cm % 3 === 0 ? 4534 + (cm - 75) / 3 : undefined)],
  [/CGCS2000_GK_Zone_(\d+)/i, (z) => (z >= 13 && z <= 23 ? 4491 + z - 13 : undefined)],
  [/CGCS2000_GK_CM_(\d+)E/i, (cm) => (cm >= 75 && cm <= 135 && (cm - 75) % 6 === 0 ? 4502 + (cm - 75) / 6 : undefined)],
  ...oldDatumEsriNames('Xian_1980', { zone3: 2349, cm3: 2370, zone6: 2327, cm6: 2338 }),
  ...oldDatumEsriNames('Beijing_1954', { zone3: 2401, cm3: 2422, zone6: 21413, cm6: 21453 }),
];

/** ESRI's names of the Xian 1980 / Beijing 1954 zones (ArcGIS .prj), to the EPSG codes of src/io/crs-epsg-old-table.ts. */
function oldDatumEsriNames(datum: string, first: { zone3: number; cm3: number; zone6: number; cm6: number }): [RegExp, (n: number) => number | undefined][] {
  const cm3 = (cm: number) => (cm >= 75 && cm <= 135 && cm % 3 === 0 ? first.cm3 + (cm - 75) / 3 : undefined);
  const cm6 = (cm: number) => (cm >= 75 && cm <= 135 && (cm - 75) % 6 === 0 ? first.cm6 + (cm - 75) / 6 : undefined);
  return [
    [new RegExp(`^${datum}_3_Degree_GK_Zone_(\\d+)$`, 'i'), (z) => (z >= 25 && z <= 45 ? first.zone3 + z - 25 : undefined)],
    [new RegExp(`^${datum}_3_Degree_GK_CM_(\\d+)E$`, 'i'), cm3],
    [new RegExp(`^${datum}_GK_Zone_(\\d+)$`, 'i'), (z) => (z >= 13 && z <= 23 ? first.zone6 + z - 13 : undefined)],
    // ESRI's "zone 19N" is zone 19 without the prefix (CM 111E).
    [new RegExp(`^${datum}_GK_Zone_(\\d+)N$`, 'i'), (z) => (z >= 13 && z <= 23 ? cm6(z * 6 - 3) : undefined)],
    [new RegExp(`^${datum}_GK_CM_(\\d+)E$`, 'i'), cm6],
  ];
}

/** What is wrong with the structure of a WKT text (brackets, quotes), or undefined when it is well formed. */
export function wktProblem(s: string): string | undefined {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      if (--depth < 0) return `a closing bracket at character ${i + 1} has no opening one`;
      if (depth === 0 && s.slice(i + 1).trim()) return `text follows the end of the definition at character ${i + 2}`;
    }
  }
  if (quoted) return 'a quoted name is not closed';
  if (depth > 0) return `the text ends with ${depth} bracket${depth > 1 ? 's' : ''} still open (truncated?)`;
  return undefined;
}

/**
 * Reads a .prj (ESRI WKT, OGC WKT1/WKT2, PROJJSON) or any CRS string (EPSG name, proj4 string).
 * Returns an error message instead of throwing when proj4 cannot use it.
 */
export function resolveCrs(text: string): ResolvedCrs | { error: string } {
  const s = text.trim().replace(/^\uFEFF/, '');
  if (!s) return { error: 'empty CRS definition' };
  if (/^[A-Z_]+\s*[[(]/i.test(s)) {
    const problem = wktProblem(s);
    if (problem) return { error: `malformed WKT: ${problem}` };
  }
  const code = epsgFromName(s);
  if (code !== undefined) return crsFromEpsg(code) ?? { error: `EPSG:${code} is not supported` };
  const projcs = /^PROJ(?:CS|CRS)\s*\[\s*"([^"]*)"/i.exec(s)?.[1];
  const name = projcs ?? /^GEOG(?:CS|CRS)\s*\[\s*"([^"]*)"/i.exec(s)?.[1];
  if (projcs) {
    for (const [re, toCode] of ESRI_NAMES) {
      const m = re.exec(projcs);
      const c = m ? toCode(Number(m[1])) : undefined;
      if (c !== undefined) return crsFromEpsg(c)!;
    }
    if (/web_mercator|pseudo[-_ ]mercator/i.test(projcs)) return crsFromEpsg(3857)!;
  } else if (name) {
    if (/China_Geodetic_Coordinate_System_2000|CGCS\s*_?2000/i.test(name)) return crsFromEpsg(4490)!;
    if (/WGS[\s_]*(19)?84/i.test(name) && !/PROJ/i.test(s.slice(0, 8))) return WGS84;
  }
  try {
    const conv = proj4(s, 'EPSG:4326');
    conv.forward([0, 0]);
    const geographic = /^GEOG/i.test(s) || /\+proj=longlat/.test(s);
    const approx = /beijing|xian|krasovsky|IAG_1975|1954|1980/i.test(s);
    const gk = gaussKrugerOf(s);
    return {
      id: 'custom',
      description: name ?? s.slice(0, 80),
      geographic,
      toWgs84: (p) => {
        const r = conv.forward([p[0]!, p[1]!]);
        return p.length > 2 ? [r[0]!, r[1]!, ...p.slice(2)] : [r[0]!, r[1]!];
      },
      ...(approx || (gk && gk.datum !== 'cgcs2000') ? { note: 'datum-approx' as const } : {}),
      ...(gk ? { gk } : {}),
    };
  } catch (e) {
    return { error: `proj4 cannot read this CRS (${(e as Error)?.message ?? String(e)})` };
  }
}

const inChina = (lon: number, lat: number) => lon >= 70 && lon <= 140 && lat >= 0 && lat <= 56;

/**
 * Guesses the CRS from a bounding box of raw coordinates: degrees, CGCS2000 Gauss–Krüger with zone
 * prefix (3° zones 25–45, 6° zones 13–23), Gauss–Krüger without prefix (central meridian
 * `defaultCm`, an assumption the caller must report), or Web Mercator.
 */
export function inferCrs(bbox: Bbox, defaultCm = 114): { crs: ResolvedCrs; reason: string } | undefined {
  const [minX, minY, maxX, maxY] = bbox;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) {
    return { crs: WGS84, reason: 'coordinates are longitude/latitude degrees (WGS84 and CGCS2000 agree within 0.1 m)' };
  }
  const plausible = (c: ResolvedCrs) => {
    const a = c.toWgs84([minX, minY]);
    const b = c.toWgs84([maxX, maxY]);
    return inChina(a[0]!, a[1]!) && inChina(b[0]!, b[1]!);
  };
  const prefix = Math.floor(minX / 1e6);
  if (prefix === Math.floor(maxX / 1e6) && minY >= 2e5 && maxY < 1e7) {
    const code = prefix >= 25 && prefix <= 45 ? 4513 + prefix - 25 : prefix >= 13 && prefix <= 23 ? 4491 + prefix - 13 : undefined;
    const c = code !== undefined ? crsFromEpsg(code) : undefined;
    if (c && plausible(c)) return { crs: c, reason: `eastings start with the zone number ${prefix}` };
  }
  // Without prefix: eastings 500 km ± 400 km, northings of China (≥ 3°N ≈ 330 km).
  if (minX >= 1e5 && maxX <= 9e5 && minY >= 2e5 && maxY < 1e7) {
    const code = defaultCm % 3 === 0 && defaultCm >= 75 && defaultCm <= 135 ? 4534 + (defaultCm - 75) / 3 : undefined;
    const c = code !== undefined ? crsFromEpsg(code)! : fromProj4Def('custom', tmerc(defaultCm, 500000), `CGCS2000 / Gauss-Kruger CM ${defaultCm}E`);
    if (plausible(c)) return { crs: c, reason: `eastings have no zone prefix; central meridian ${defaultCm}E assumed` };
  }
  const merc = crsFromEpsg(3857)!;
  if (minX >= 7e6 && maxX <= 1.6e7 && minY >= 2e5 && maxY <= 8e6 && plausible(merc)) {
    return { crs: merc, reason: 'coordinates fit Web Mercator metres over China' };
  }
  return undefined;
}
