import { formatCount } from '../domain/format';
import { enOne } from './plural-forms';
import { translate, type Lang } from './translate';
import type { MessageKey } from './zh';

const rules: Partial<Record<Lang, Intl.PluralRules>> = {};

/**
 * A message about `n` things in the grammatical number `n` needs: English "1 feature selected" but
 * "2 features selected" (Intl.PluralRules decides; singular forms in plural-forms.ts). `{n}` is
 * filled with `n`, grouped by thousands, unless `params` gives it.
 * @example plural('en', 'selection.count', 1) // "1 feature selected"; plural('zh', 'selection.count', 1) // "已选 1 个要素"
 */
export function plural(lang: Lang, key: MessageKey, n: number, params: Record<string, string | number> = {}): string {
  const rule = (rules[lang] ??= new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en-US'));
  const one = lang === 'en' && rule.select(n) === 'one' ? enOne[key] : undefined;
  const all: Record<string, string | number> = { n: formatCount(n, lang), ...params };
  if (one === undefined) return translate(lang, key, all);
  return one.replace(/\{(\w+)\}/g, (whole, name: string) => (name in all ? String(all[name]) : whole));
}
