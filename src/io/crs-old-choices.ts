/**
 * The Xian 1980 and Beijing 1954 Gauss–Krüger zones a planner can choose as the source CRS (for data
 * that do not declare theirs, such as CSV or CAD coordinates), from PROJ's EPSG table. The zones that
 * cover Henan come first, as in the CGCS2000 list.
 */
import { OLD_DATUM_EPSG } from './crs-epsg-old-table';
import type { ForcedCrsChoice } from './crs-choices';

export interface OldDatumChoice extends ForcedCrsChoice {
  datum: 'xian1980' | 'beijing1954';
}

const HENAN_CM = [114, 111, 117];

function choice(code: number, name: string, def: string): OldDatumChoice {
  const cm = Number(/\+lon_0=(\d+)/.exec(def)![1]);
  const x0 = Number(/\+x_0=(\d+)/.exec(def)![1]);
  const three = /3-degree/.test(name);
  const zone = x0 > 1e6 ? Math.floor(x0 / 1e6) : undefined;
  const xian = /^Xian/.test(name);
  const epsg = `EPSG:${code}`;
  const zh = `${xian ? '西安 1980' : '北京 1954'} ${three ? '3°' : '6°'}带 ${zone !== undefined ? `${zone} 带（带号前缀）` : '无带号'} · 中央经线 ${cm}°E (${epsg})`;
  const en = `${xian ? 'Xian 1980' : 'Beijing 1954'} ${three ? '3°' : '6°'} GK ${zone !== undefined ? `zone ${zone} (zone prefix)` : 'no zone prefix'} · CM ${cm}°E (${epsg})`;
  return { value: epsg, label: { zh, en }, centralMeridian: cm, ...(zone !== undefined ? { zonePrefix: zone } : {}), henan: HENAN_CM.includes(cm), datum: xian ? 'xian1980' : 'beijing1954' };
}

const rank = (c: OldDatumChoice) => (c.henan ? HENAN_CM.indexOf(c.centralMeridian!) : 9) * 4 + (/3°/.test(c.label.en) ? 0 : 2) + (c.zonePrefix !== undefined ? 0 : 1);

/**
 * @example OLD_DATUM_CHOICES.find((c) => c.value === 'EPSG:2362')?.label.en // 'Xian 1980 3° GK zone 38 (zone prefix) · CM 114°E (EPSG:2362)'
 */
export const OLD_DATUM_CHOICES: readonly OldDatumChoice[] = OLD_DATUM_EPSG.map(([code, name, def]) => choice(code, name, def)).sort((a, b) => rank(a) - rank(b) || a.centralMeridian! - b.centralMeridian!);
