import type { Lang } from '../i18n/translate';
import { AREA_UNIT_LABELS, LENGTH_UNIT_LABELS, convertArea, convertLength, type AreaUnit, type LengthUnit } from '../analysis/units';

// Every figure the atlas shows is written here, so one set of rules holds everywhere: exact to the unit
// shown (rounded only where the text says "≈"), thousands grouped (negative numbers too), never "-0",
// and a value the data does not give written as unknown, never as 0.

const YI = 1e8;
const WAN = 1e4;

/** Decimals an area is exact to in each unit: m² to 1, ha and km² to 0.0001, 亩 to 0.01. */
export const AREA_DECIMALS: Readonly<Record<AreaUnit, number>> = { m2: 0, ha: 4, km2: 4, mu: 2 };
/** Decimals a length is exact to in each unit: m to 0.1, km to 0.001. */
export const LENGTH_DECIMALS: Readonly<Record<LengthUnit, number>> = { m: 1, km: 3 };

/** What a missing value is shown as (its words for screen readers and tooltips: {@link notGiven}). */
export const UNKNOWN = '—';

/** "not given" in the UI language, said of a value the data does not state. */
export function notGiven(lang: Lang): string {
  return lang === 'zh' ? '未给出' : 'not given';
}

export interface NumberOptions {
  /** Fewest decimals shown (trailing zeros kept up to here); default `maxDecimals`. */
  minDecimals?: number;
  /** Most decimals shown; default 0. */
  maxDecimals?: number;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const key = `${lang}:${min}:${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A number with grouped thousands and a fixed number of decimals; a value that rounds to zero is "0"
 * (never "-0" or "-0.00"); non-finite values and `null`/`undefined` are {@link UNKNOWN}.
 * @example formatNumber(-1234.5, 'en', { maxDecimals: 2 }) // "-1,234.50"; formatNumber(-0.001, 'zh', { maxDecimals: 2 }) // "0.00"
 */
export function formatNumber(v: number | null | undefined, lang: Lang, { minDecimals, maxDecimals = 0 }: NumberOptions = {}): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return UNKNOWN;
  const max = Math.max(0, Math.min(20, Math.round(maxDecimals)));
  const min = Math.max(0, Math.min(max, Math.round(minDecimals ?? max)));
  // Intl rounds half away from zero: anything under half of the last place shown is zero, shown unsigned.
  const shown = Math.abs(v) < 0.5 * 10 ** -max ? 0 : v;
  return formatter(lang, min, max).format(shown);
}

/** A count: grouped, no decimals. @example formatCount(1234, 'zh') // "1,234" */
export function formatCount(n: number, lang: Lang): string {
  return formatNumber(n, lang);
}

/** A percentage with `decimals` decimals (default 1). @example formatPercent(66.666, 'en') // "66.7 %" */
export function formatPercent(pct: number | null | undefined, lang: Lang, decimals = 1): string {
  const v = formatNumber(pct, lang, { maxDecimals: decimals });
  return v === UNKNOWN ? v : `${v} %`;
}

export interface FigureOptions {
  /**
   * Shown as an approximation: "≈ " and `significantDigits` significant figures (default 3), for figures
   * the UI does not claim exact (a circle's nominal size, a chart's axis).
   */
  approx?: boolean;
  significantDigits?: number;
}

/**
 * An area (given in m²) in `unit`, exact to the unit's place ({@link AREA_DECIMALS}), with the unit in
 * the UI language.
 * @example
 * formatArea(750_392.4, 'm2', 'en') // "750,392 m²"
 * formatArea(182_418.2, 'mu', 'zh') // "273.63 亩"
 * formatArea(31e6, 'km2', 'zh') // "31.0000 平方公里"
 */
export function formatArea(m2: number, unit: AreaUnit, lang: Lang, options: FigureOptions = {}): string {
  return `${figure(convertArea(m2, unit), AREA_DECIMALS[unit], lang, options)} ${AREA_UNIT_LABELS[lang][unit]}`;
}

/**
 * A length (given in metres) in `unit`, exact to the unit's place ({@link LENGTH_DECIMALS}).
 * @example formatLength(9_113.74, 'km', 'en') // "9.114 km"; formatLength(1234.56, 'm', 'zh') // "1,234.6 米"
 */
export function formatLength(m: number, unit: LengthUnit, lang: Lang, options: FigureOptions = {}): string {
  return `${figure(convertLength(m, unit), LENGTH_DECIMALS[unit], lang, options)} ${LENGTH_UNIT_LABELS[lang][unit]}`;
}

function figure(v: number, decimals: number, lang: Lang, { approx = false, significantDigits = 3 }: FigureOptions): string {
  if (!approx || !Number.isFinite(v) || v === 0) return formatNumber(v, lang, { maxDecimals: decimals });
  const digits = Math.max(1, Math.min(21, Math.round(significantDigits)));
  const rounded = Number(v.toPrecision(digits));
  const places = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded))));
  return `≈ ${formatNumber(rounded, lang, { maxDecimals: places })}`;
}

/**
 * Money the way each audience reads it: 亿元 (2 decimals) / 万元 / 元 in Chinese; CNY billion / million
 * in English, to the same precision (CNY 1,000 million is "CNY 1.0 billion"). An amount the data does not
 * give (`null`, `undefined`, NaN) is {@link UNKNOWN}, never "0 元".
 * @example
 * formatMoney(27_565_000_000, 'zh') // "275.65 亿元"
 * formatMoney(27_565_000_000, 'en') // "CNY 27.565 billion"
 * formatMoney(510_000_000, 'en') // "CNY 510 million"
 */
export function formatMoney(cny: number | null | undefined, lang: Lang): string {
  if (cny === null || cny === undefined || !Number.isFinite(cny)) return UNKNOWN;
  const abs = Math.abs(cny);
  if (lang === 'zh') {
    // Where an amount rounds up into the next unit (9,999.999 万元), the larger unit is the one to show.
    if (abs >= YI - 50) return `${formatNumber(cny / YI, lang, { maxDecimals: 2 })} 亿元`;
    if (abs >= WAN - 0.005) return `${formatNumber(cny / WAN, lang, { maxDecimals: 2, minDecimals: 0 })} 万元`;
    return `${formatNumber(cny, lang, { maxDecimals: 2, minDecimals: 0 })} 元`;
  }
  if (abs >= 1e9 - 5e3) return `CNY ${formatNumber(cny / 1e9, lang, { minDecimals: 1, maxDecimals: 3 })} billion`;
  if (abs >= 1e6 - 0.005) return `CNY ${formatNumber(cny / 1e6, lang, { maxDecimals: 2, minDecimals: 0 })} million`;
  return `CNY ${formatNumber(cny, lang, { maxDecimals: 2, minDecimals: 0 })}`;
}

/** ISO date `YYYY-MM-DD` as 2017年7月10日 or 10 Jul 2017; anything else is returned unchanged. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (lang === 'zh') return `${Number(y)}年${Number(mo)}月${Number(d)}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(mo) - 1];
  return `${Number(d)} ${month} ${y}`;
}

export function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}
