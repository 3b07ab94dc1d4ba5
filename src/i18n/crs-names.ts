import type { Lang } from './translate';

/**
 * The name of a coordinate system the atlas knows, in the UI language, from its id ("EPSG:4526"); the
 * CGCS2000 Gauss–Krüger codes are worked out from their numbering (as in src/io/crs.ts). Ids it does not
 * know give `fallback` (for a .prj without a code: the name the file gives it).
 * @example crsName('EPSG:4526', 'zh') // "CGCS2000 3度带高斯-克吕格投影（中央经线 114°E，第38带，含带号，EPSG:4526）"
 */
export function crsName(id: string, lang: Lang, fallback = id): string {
  const m = /^EPSG:(\d+)$/i.exec(id.trim());
  const code = m ? Number(m[1]) : NaN;
  const zh = lang === 'zh';
  if (code === 4326) return zh ? 'WGS 84 经纬度（EPSG:4326）' : 'WGS 84 longitude/latitude (EPSG:4326)';
  if (code === 4490) return zh ? 'CGCS2000 经纬度（EPSG:4490）' : 'CGCS2000 longitude/latitude (EPSG:4490)';
  if (code === 3857) return zh ? 'Web 墨卡托（EPSG:3857）' : 'Web Mercator (EPSG:3857)';
  const gk = gaussKruger(code) ?? oldDatumGaussKruger(code);
  if (!gk) return fallback;
  const { width, zone, cm } = gk;
  const datum = 'datum' in gk ? gk.datum : 'CGCS2000';
  if (zh) {
    const zoneText = zone === null ? '不含带号' : `第${zone}带，含带号`;
    const name = datum === 'Xian 1980' ? '西安 1980 ' : datum === 'Beijing 1954' ? '北京 1954 ' : 'CGCS2000 ';
    return `${name}${width}度带高斯-克吕格投影（中央经线 ${cm}°E，${zoneText}，EPSG:${code}）`;
  }
  const zoneText = zone === null ? 'no zone prefix' : `zone ${zone}, zone prefix`;
  return `${datum} / ${width}° Gauss–Krüger (CM ${cm}°E, ${zoneText}, EPSG:${code})`;
}

function gaussKruger(code: number): { width: 3 | 6; zone: number | null; cm: number } | null {
  if (code >= 4491 && code <= 4501) return { width: 6, zone: code - 4491 + 13, cm: (code - 4491 + 13) * 6 - 3 };
  if (code >= 4502 && code <= 4512) return { width: 6, zone: null, cm: 75 + (code - 4502) * 6 };
  if (code >= 4513 && code <= 4533) return { width: 3, zone: code - 4513 + 25, cm: (code - 4513 + 25) * 3 };
  if (code >= 4534 && code <= 4554) return { width: 3, zone: null, cm: 75 + (code - 4534) * 3 };
  return null;
}

/** Xian 1980 (EPSG:2327–2390) and Beijing 1954 (EPSG:2401–2442, 21413–21423, 21453–21463) zones, by their numbering. */
function oldDatumGaussKruger(code: number): { width: 3 | 6; zone: number | null; cm: number; datum: 'Xian 1980' | 'Beijing 1954' } | null {
  const x = 'Xian 1980' as const;
  const b = 'Beijing 1954' as const;
  if (code >= 2327 && code <= 2337) return { width: 6, zone: code - 2327 + 13, cm: (code - 2327 + 13) * 6 - 3, datum: x };
  if (code >= 2338 && code <= 2348) return { width: 6, zone: null, cm: 75 + (code - 2338) * 6, datum: x };
  if (code >= 2349 && code <= 2369) return { width: 3, zone: code - 2349 + 25, cm: (code - 2349 + 25) * 3, datum: x };
  if (code >= 2370 && code <= 2390) return { width: 3, zone: null, cm: 75 + (code - 2370) * 3, datum: x };
  if (code >= 2401 && code <= 2421) return { width: 3, zone: code - 2401 + 25, cm: (code - 2401 + 25) * 3, datum: b };
  if (code >= 2422 && code <= 2442) return { width: 3, zone: null, cm: 75 + (code - 2422) * 3, datum: b };
  if (code >= 21413 && code <= 21423) return { width: 6, zone: code - 21413 + 13, cm: (code - 21413 + 13) * 6 - 3, datum: b };
  if (code >= 21453 && code <= 21463) return { width: 6, zone: null, cm: 75 + (code - 21453) * 6, datum: b };
  return null;
}
