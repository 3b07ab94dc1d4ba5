import { useCallback } from 'react';
import type { MessageKey } from '../i18n/zh';
import { translate, type Lang } from '../i18n/translate';
import { useAtlas } from '../state/store';

export function useLang(): Lang {
  return useAtlas((s) => s.lang);
}

export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const lang = useLang();
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
