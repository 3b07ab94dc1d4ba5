import { FIELD_LABELS, shownFieldName, VALUE_LABELS } from '../i18n/fields';
import type { Lang } from '../i18n/translate';
import { isCodeField } from './code-fields';
import { formatDate, formatMoney, formatNumber, isIsoDate } from './format';
import type { Milestone } from './schema';

export interface AttributeRow {
  field: string;
  label: string;
  value: string;
}

/** Fields shown elsewhere in the inspector (title, note, milestone table) or internal to the app. */
const SHOWN_ELSEWHERE = new Set(['name_zh', 'name_en', 'schematic', 'milestones', '__fid']);

function twinOf(field: string): string | null {
  if (field.endsWith('_zh')) return `${field.slice(0, -3)}_en`;
  if (field.endsWith('_en')) return `${field.slice(0, -3)}_zh`;
  return null;
}

function valueLabel(field: string, value: unknown, lang: Lang): string | null {
  const label = VALUE_LABELS[field]?.[String(value)];
  return label ? label[lang] : null;
}

/** One attribute value as the UI shows it (money, dates, coded values, ids resolved to names). */
export function formatValue(field: string, value: unknown, lang: Lang, resolveId: (id: string) => string | null): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (field === 'output_cny_per_year') return `${formatMoney(value, lang)}${lang === 'zh' ? '/年' : ' a year'}`;
    if (field.endsWith('_cny')) return formatMoney(value, lang);
    if (field.endsWith('_km2')) return `${formatNumber(value, lang, { minDecimals: 0, maxDecimals: 6 })} ${lang === 'zh' ? '平方公里' : 'km²'}`;
    if (field.endsWith('_year') || field === 'target_year' || isCodeField(field)) return String(value);
    // A value from the data, to the precision it has (up to 6 decimals), grouped, never "-0".
    return formatNumber(value, lang, { minDecimals: 0, maxDecimals: 6 });
  }
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'string' ? valueLabel(field, v, lang) ?? v : JSON.stringify(v))).join(lang === 'zh' ? '、' : ', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  const s = String(value);
  if (field.endsWith('_id')) return resolveId(s) ?? s;
  if (isIsoDate(s)) return formatDate(s, lang);
  return valueLabel(field, s, lang) ?? s;
}

/**
 * Readable attribute rows for the inspector: labels in the UI language, money in 亿元/万元 or CNY millions,
 * dates spelled out, codes translated. Of paired `_zh`/`_en` fields only the UI language's one is shown.
 * @example describeAttributes({ investment_cny: 510000000 }, 'zh', () => null) // [{ label: '总投资', value: '5.1 亿元' }]
 */
export function describeAttributes(
  props: Record<string, unknown>,
  lang: Lang,
  resolveId: (id: string) => string | null,
): AttributeRow[] {
  const rows: AttributeRow[] = [];
  for (const [field, value] of Object.entries(props)) {
    if (SHOWN_ELSEWHERE.has(field)) continue;
    const twin = twinOf(field);
    const own = lang === 'zh' ? '_zh' : '_en';
    if (twin && !field.endsWith(own) && twin in props) continue;
    const label = FIELD_LABELS[field]?.[lang] ?? shownFieldName(field);
    rows.push({ field, label: twin && twin in props ? label.replace(/（英文）$| \(Chinese\)$/, '') : label, value: formatValue(field, value, lang, resolveId) });
  }
  return rows;
}

export interface MilestoneRow {
  label: string;
  due: string;
  note: string | null;
}

export function isMilestoneList(v: unknown): v is Milestone[] {
  return Array.isArray(v) && v.every((m) => typeof m === 'object' && m !== null && typeof (m as Milestone).due === 'string');
}

export function describeMilestones(milestones: Milestone[], lang: Lang): MilestoneRow[] {
  return milestones.map((m) => ({
    label: lang === 'zh' ? m.label_zh : m.label_en,
    due: formatDate(m.due, lang),
    note: (lang === 'zh' ? m.note_zh : m.note_en) ?? null,
  }));
}
