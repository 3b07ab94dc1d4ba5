/**
 * Is a layer GCJ-02 ("Mars coordinates": AMap, DataV, Tencent), though it reads as WGS84 lon/lat? Decided
 * from what the data are, not only from the file name: the field sets those services write, lon/lat in
 * China with no coordinate system declared, and — most telling — agreement with reference places the
 * atlas knows, compared once as read and once converted. Only a hint: the planner decides.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { gcj02ToWgs84 } from './gcj02';
import { bboxOf } from './coords';
import { placeName, representativePoint } from './reference-places';
import type { ReferencePlace } from './types';

export type Gcj02Reason =
  | 'file-name'
  | 'datav-fields'
  | 'amap-fields'
  | 'tencent-fields'
  | 'gcj-columns'
  | 'undeclared-lonlat'
  | 'reference-gcj'
  | 'reference-wgs';

export interface Gcj02Evidence {
  /** 'likely': the data say so; 'possible': in doubt (ask); 'none': nothing points to GCJ-02. */
  level: 'likely' | 'possible' | 'none';
  reasons: Gcj02Reason[];
  /** English sentence per reason, for the issue list. */
  text: string[];
  /** Reference agreement, when names matched: mean distances in metres as read and once converted. */
  reference?: { matched: number; asRead: number; converted: number; example: string };
}

export interface Gcj02Context {
  fileName: string;
  /** The file declared its coordinate system (.prj, GeoJSON `crs`); GeoJSON without one means WGS84 by its spec. */
  declared: boolean;
  /** Whether "no declaration" is normal for the format (GeoJSON, KML) rather than a gap (a .shp without .prj, CSV). */
  formatImpliesWgs84: boolean;
  /** Names of the coordinate columns (CSV). */
  coordinateFields?: string[];
  references?: readonly ReferencePlace[];
}

const has = (p: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(p, k);
const count = (p: Record<string, unknown>, keys: string[]) => keys.filter((k) => has(p, k)).length;

/** Field sets of GCJ-02 services, tried on one feature's properties. */
function fieldSet(p: Record<string, unknown>): Gcj02Reason | undefined {
  const lower: Record<string, unknown> = {};
  for (const k of Object.keys(p)) lower[k.toLowerCase()] = true;
  if (has(lower, 'adcode') && count(lower, ['center', 'centroid', 'acroutes', 'childrennum', 'subfeatureindex', 'parent']) >= 1) return 'datav-fields';
  // AMap district search (name, adcode, citycode, level, center) and geocoder (formatted_address, adcode, location).
  if (has(lower, 'adcode') && (count(lower, ['citycode', 'centerlat', 'centerlng', 'level', 'location']) >= 2 || has(lower, 'formatted_address'))) return 'amap-fields';
  // AMap POI search.
  if (count(lower, ['typecode', 'pname', 'cityname', 'adname', 'pcode', 'business_area', 'gridcode', 'biz_type']) >= 3) return 'amap-fields';
  // Tencent place search.
  if (has(lower, 'ad_info') || (count(lower, ['title', 'address', 'category', 'tel']) >= 3 && has(lower, 'location'))) return 'tencent-fields';
  return undefined;
}

const inChina = (p: Position) => p[0]! >= 72.004 && p[0]! <= 137.8347 && p[1]! >= 0.8293 && p[1]! <= 55.8271;

/** Metres between two lon/lat points (spherical; ample for telling 0 from 600 m). */
export function metresBetween(a: Position, b: Position): number {
  const r = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * r;
  const dLon = (b[0]! - a[0]!) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * r) * Math.cos(b[1]! * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

function referenceAgreement(features: readonly Feature<Geometry | null>[], refs: readonly ReferencePlace[]): Gcj02Evidence['reference'] {
  const byName = new Map(refs.map((r) => [r.name, r]));
  let n = 0;
  let asRead = 0;
  let converted = 0;
  let example = '';
  for (const f of features) {
    const name = placeName(f.properties);
    const ref = name ? byName.get(name) : undefined;
    const at = ref && f.geometry ? representativePoint(f.geometry) : undefined;
    if (!ref || !at) continue;
    asRead += metresBetween(at, [ref.lon, ref.lat]);
    converted += metresBetween(gcj02ToWgs84(at), [ref.lon, ref.lat]);
    example ||= name!;
    if (++n >= 200) break;
  }
  return n ? { matched: n, asRead: asRead / n, converted: converted / n, example } : undefined;
}

/**
 * Weighs what points to GCJ-02 in a layer read as lon/lat.
 * @example assessGcj02(datavFeatures, { fileName: '410000.json', declared: false, formatImpliesWgs84: true }).level // 'likely'
 */
export function assessGcj02(features: readonly Feature<Geometry | null>[], ctx: Gcj02Context): Gcj02Evidence {
  const none: Gcj02Evidence = { level: 'none', reasons: [], text: [] };
  const bbox = bboxOf(features.slice(0, 2000).map((f) => f.geometry));
  if (!bbox || !inChina([bbox[0], bbox[1]]) || !inChina([bbox[2], bbox[3]])) return none; // GCJ-02 exists only in China
  const reasons: Gcj02Reason[] = [];
  const text: string[] = [];
  const name = ctx.fileName.toLowerCase();
  const saysWgs = /wgs-?84/.test(name);
  if (!saysWgs && /(gcj|amap|gaode|高德|datav|geoatlas|火星|腾讯|tencent)/.test(name)) {
    reasons.push('file-name');
    text.push('the file name mentions AMap/DataV/GCJ-02');
  }
  const sample = features.slice(0, 50);
  const sets = sample.map((f) => fieldSet((f.properties ?? {}) as Record<string, unknown>));
  for (const kind of ['datav-fields', 'amap-fields', 'tencent-fields'] as const) {
    if (!saysWgs && sample.length && sets.filter((s) => s === kind).length >= Math.ceil(sample.length / 2)) {
      reasons.push(kind);
      text.push(
        kind === 'datav-fields'
          ? 'the attributes are those of DataV.GeoAtlas (adcode with center/centroid/parent)'
          : kind === 'amap-fields'
            ? 'the attributes are those AMap writes (adcode with citycode/center/level, or POI type codes)'
            : 'the attributes are those of Tencent map search (ad_info, location)',
      );
    }
  }
  if ((ctx.coordinateFields ?? []).some((c) => /gcj|mars|火星|amap|gaode/i.test(c))) {
    reasons.push('gcj-columns');
    text.push('the coordinate columns are named GCJ-02');
  }
  const strong = reasons.length > 0;
  if (!ctx.declared && !ctx.formatImpliesWgs84 && !saysWgs) {
    reasons.push('undeclared-lonlat');
    text.push('the longitudes/latitudes lie in China and no coordinate system is declared (exports from web maps are GCJ-02)');
  }
  const reference = ctx.references?.length ? referenceAgreement(features, ctx.references) : undefined;
  let level: Gcj02Evidence['level'] = strong ? 'likely' : reasons.length ? 'possible' : 'none';
  if (reference) {
    const gap = reference.asRead - reference.converted;
    const m = (v: number) => `${Math.round(v)} m`;
    if (gap > 250) {
      reasons.push('reference-gcj');
      text.push(`${reference.matched} feature(s) named like the atlas's places (e.g. ${reference.example}) sit ${m(reference.asRead)} from them as read and ${m(reference.converted)} once converted from GCJ-02`);
      level = 'likely';
    } else if (gap < -250) {
      reasons.push('reference-wgs');
      text.push(`${reference.matched} feature(s) named like the atlas's places (e.g. ${reference.example}) sit ${m(reference.asRead)} from them as read but ${m(reference.converted)} once converted, so they are probably WGS84 already`);
      level = level === 'likely' ? 'possible' : 'none';
    }
  }
  return { level, reasons: level === 'none' ? [] : reasons, text: level === 'none' ? [] : text, ...(reference ? { reference } : {}) };
}

