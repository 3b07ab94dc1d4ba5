import { VALUE_LABELS } from '../i18n/fields';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';

/** The UI-language label of a coded value; status values get their Chinese twin from the data. */
export function codeLabel(field: string, value: string, lang: Lang, layers?: LayerEntry[]): string {
  const known = VALUE_LABELS[field]?.[value];
  if (known) return known[lang];
  if (field === 'status_en' && lang === 'zh' && layers) {
    for (const l of layers) {
      const f = l.data.features.find((x) => x.properties?.status_en === value);
      if (f && typeof f.properties?.status_zh === 'string') return f.properties.status_zh;
    }
  }
  return value;
}

export function featureName(props: Record<string, unknown> | null | undefined, lang: Lang, fallback: string): string {
  const p = props ?? {};
  const v = p[lang === 'zh' ? 'name_zh' : 'name_en'] ?? p['name_zh'] ?? p['name_en'] ?? p['name'] ?? p['NAME'] ?? p['名称'];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
}
