import { useCallback } from 'react';
import { useAtlas } from '../state/store';
import { featureById } from '../state/selectors';
import { useLang } from './use-t';

/**
 * Names for ids that data refer to (a parcel's `township_id`): the township's name in the UI language,
 * or null when the id names no township.
 */
export function useResolveId(): (id: string) => string | null {
  const lang = useLang();
  const townships = useAtlas((s) => s.layers['townships']);
  return useCallback(
    (id: string) => {
      const f = townships ? featureById(townships, id) : undefined;
      return f ? String(f.properties?.[lang === 'zh' ? 'name_zh' : 'name_en'] ?? id) : null;
    },
    [townships, lang],
  );
}
