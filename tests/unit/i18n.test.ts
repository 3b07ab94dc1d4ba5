import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { FIELD_LABELS, VALUE_LABELS } from '../../src/i18n/fields';
import { pickLanguage, translate } from '../../src/i18n/translate';

describe('dictionaries', () => {
  it('are gathered from message modules that never define the same key twice', () => {
    const modules = Object.values(import.meta.glob<{ zh: Record<string, string> }>('../../src/i18n/messages/*.ts', { eager: true }));
    const keys = modules.flatMap((m) => Object.keys(m.zh));
    expect(keys.length).toBe(new Set(keys).size);
    expect(keys.length).toBe(Object.keys(zh).length);
  });
  it('define the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en[key]), key).toEqual(names(zh[key]));
    }
  });
  it('label every field and coded value in both languages', () => {
    const labels = [...Object.values(FIELD_LABELS), ...Object.values(VALUE_LABELS).flatMap((v) => Object.values(v))];
    for (const l of labels) {
      expect(l.zh.trim()).not.toBe('');
      expect(l.en.trim()).not.toBe('');
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'layers.toggle', { layer: 'Rivers' })).toBe('Show Rivers');
    expect(translate('zh', 'layers.toggle', { layer: '河流' })).toBe('显示 河流');
  });
});

describe('pickLanguage', () => {
  it('prefers ?lang=, then the browser, then Chinese', () => {
    expect(pickLanguage('?lang=en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('?lang=zh', ['en-US'])).toBe('zh');
    expect(pickLanguage('?lang=fr', ['en-GB', 'zh'])).toBe('en');
    expect(pickLanguage('', ['de-DE', 'zh-TW'])).toBe('zh');
    expect(pickLanguage('', ['de-DE'])).toBe('zh');
  });
});
