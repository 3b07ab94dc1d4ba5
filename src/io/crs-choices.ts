/**
 * The source coordinate systems a planner can force on re-import. Built from the EPSG table (PROJ's own
 * parameters), so a label can never name another zone than the code it carries; the zones that cover
 * Henan (110.3°E–116.7°E: 3° CM 111/114/117E, 6° CM 111/117E) come first.
 */
import { CGCS2000_EPSG } from './crs-epsg-table';

export interface ForcedCrsChoice {
  /** Value passed as `ImportOptions.crs`. */
  value: string;
  label: { zh: string; en: string };
  /** Central meridian in °E for Gauss–Krüger entries. */
  centralMeridian?: number;
  /** Zone number carried as the easting prefix, when the CRS has one. */
  zonePrefix?: number;
  /** One of the zones that cover Henan, listed first. */
  henan: boolean;
}

/** Central meridians of the Gauss–Krüger zones that cover Henan (Jiaozuo first: 3° CM 114E, 6° CM 111E). */
const HENAN_CM = [114, 111, 117];

function gk(code: number, name: string, def: string): ForcedCrsChoice {
  const cm = Number(/\+lon_0=(\d+)/.exec(def)![1]);
  const x0 = Number(/\+x_0=(\d+)/.exec(def)![1]);
  const three = /3-degree/.test(name);
  const zone = x0 > 1e6 ? Math.floor(x0 / 1e6) : undefined;
  const epsg = `EPSG:${code}`;
  const zh = `CGCS2000 ${three ? '3°' : '6°'}带 ${zone !== undefined ? `${zone} 带（带号前缀）` : '无带号'} · 中央经线 ${cm}°E (${epsg})`;
  const en = `CGCS2000 ${three ? '3°' : '6°'} GK ${zone !== undefined ? `zone ${zone} (zone prefix)` : 'no zone prefix'} · CM ${cm}°E (${epsg})`;
  return {
    value: epsg,
    label: { zh, en },
    centralMeridian: cm,
    ...(zone !== undefined ? { zonePrefix: zone } : {}),
    henan: HENAN_CM.includes(cm),
  };
}

function build(): ForcedCrsChoice[] {
  const zones = CGCS2000_EPSG.filter(([code]) => code !== 4490).map(([code, name, def]) => gk(code, name, def));
  const rank = (c: ForcedCrsChoice) => [
    c.henan ? 0 : 1,
    HENAN_CM.indexOf(c.centralMeridian!) === -1 ? 9 : HENAN_CM.indexOf(c.centralMeridian!),
    /3°/.test(c.label.en) ? 0 : 1,
    c.zonePrefix !== undefined ? 0 : 1,
  ];
  const henan = zones
    .filter((c) => c.henan)
    .sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return 0;
    });
  return [
    { value: 'EPSG:4326', label: { zh: 'WGS84 经纬度 (EPSG:4326)', en: 'WGS84 longitude/latitude (EPSG:4326)' }, henan: true },
    { value: 'EPSG:4490', label: { zh: 'CGCS2000 经纬度 (EPSG:4490)', en: 'CGCS2000 longitude/latitude (EPSG:4490)' }, henan: true },
    ...henan,
    { value: 'EPSG:3857', label: { zh: 'Web 墨卡托 (EPSG:3857)', en: 'Web Mercator (EPSG:3857)' }, henan: false },
    ...zones.filter((c) => !c.henan),
  ];
}

/**
 * Every forced-CRS entry, Henan's first.
 * @example FORCED_CRS_CHOICES.find((c) => c.value === 'EPSG:4508')?.label.en // 'CGCS2000 6° GK no zone prefix · CM 111°E (EPSG:4508)'
 */
export const FORCED_CRS_CHOICES: readonly ForcedCrsChoice[] = build();
