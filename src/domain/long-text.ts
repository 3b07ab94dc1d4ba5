/**
 * Long attribute values: how much of them to lay out at once. A property can hold megabytes (a WKT or
 * base64 blob); the page shows a prefix and lets the planner ask for more or copy all of it.
 */
export const SHOWN_CHARS = 2000;
export const TABLE_CHARS = 200;
export const MORE_CHARS = 20000;

/**
 * The first `n` characters, not cutting a surrogate pair in two.
 * @example clip('焦作市', 2) // '焦作'
 */
export function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * A length a planner reads, in characters.
 * @example textSize(2_000_000) // '2.0 million characters'
 * @example textSize(2_000_000, 'zh') // '200.0 万个字符'
 */
export function textSize(chars: number, lang: 'zh' | 'en' = 'en'): string {
  if (lang === 'zh') return chars < 10000 ? `${chars} 个字符` : `${(chars / 1e4).toFixed(1)} 万个字符`;
  if (chars < 10000) return `${chars} characters`;
  return chars < 1e6 ? `${Math.round(chars / 1000)} thousand characters` : `${(chars / 1e6).toFixed(1)} million characters`;
}
