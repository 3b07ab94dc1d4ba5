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
  const gk = gaussKruger(code);
  if (!gk) return fallback;
  const { width, zone, cm } = gk;
  if (zh) {
    const zoneText = zone === null ? '不含带号' : `第${zone}带，含带号`;
    return `CGCS2000 ${width}度带高斯-克吕格投影（中央经线 ${cm}°E，${zoneText}，EPSG:${code}）`;
  }
  const zoneText = zone === null ? 'no zone prefix' : `zone ${zone}, zone prefix`;
  return `CGCS2000 / ${width}° Gauss–Krüger (CM ${cm}°E, ${zoneText}, EPSG:${code})`;
}

function gaussKruger(code: number): { width: 3 | 6; zone: number | null; cm: number } | null {
  if (code >= 4491 && code <= 4501) return { width: 6, zone: code - 4491 + 13, cm: (code - 4491 + 13) * 6 - 3 };
  if (code >= 4502 && code <= 4512) return { width: 6, zone: null, cm: 75 + (code - 4502) * 6 };
  if (code >= 4513 && code <= 4533) return { width: 3, zone: code - 4513 + 25, cm: (code - 4513 + 25) * 3 };
  if (code >= 4534 && code <= 4554) return { width: 3, zone: null, cm: 75 + (code - 4534) * 3 };
  return null;
}
