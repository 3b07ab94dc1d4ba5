import { en } from './en';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Looks up a UI string and fills `{name}` placeholders; unknown placeholders stay visible so gaps are noticed. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language from `?lang=`, else the browser's preference, else Chinese (the planners' language). */
export function pickLanguage(search: string, browserLanguages: readonly string[]): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  for (const l of browserLanguages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'zh';
}
