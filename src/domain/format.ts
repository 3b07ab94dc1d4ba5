import type { Lang } from '../i18n/translate';

const YI = 1e8;
const WAN = 1e4;

function trimNumber(v: number, lang: Lang, maxFractionDigits: number): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: maxFractionDigits }).format(v);
}

/**
 * Money the way each audience reads it: 亿元 / 万元 in Chinese, CNY millions in English.
 * @example formatMoney(510_000_000, 'zh') // "5.1 亿元"; formatMoney(510_000_000, 'en') // "CNY 510 million"
 */
export function formatMoney(cny: number, lang: Lang): string {
  if (!Number.isFinite(cny)) return String(cny);
  const abs = Math.abs(cny);
  if (lang === 'zh') {
    if (abs >= YI) return `${trimNumber(cny / YI, lang, 4)} 亿元`;
    if (abs >= WAN) return `${trimNumber(cny / WAN, lang, 2)} 万元`;
    return `${trimNumber(cny, lang, 2)} 元`;
  }
  if (abs >= 1e6) return `CNY ${trimNumber(cny / 1e6, lang, 2)} million`;
  return `CNY ${trimNumber(cny, lang, 2)}`;
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

export function formatCount(n: number, lang: Lang): string {
  return trimNumber(n, lang, 0);
}

export function isIsoDate(v: unknown): v is string {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
}
