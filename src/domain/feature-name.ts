// Which attribute names a feature. Bundled layers carry name_zh / name_en; planners' files carry one of
// the usual name fields of Chinese GIS data (名称, XMMC 项目名称, DKMC 地块名称, MC, NAME, …).

/** Name fields in order of preference, after the name_zh / name_en pair. */
export const NAME_FIELDS: readonly string[] = [
  '名称', 'name', 'NAME', 'Name', 'XMMC', '项目名称', 'DKMC', '地块名称', 'MC', 'mc', '名字', 'NAME_CH',
  // 行政区 / 坐落单位 / 权属单位 names of 三调 and cadastral layers, before generic and plot-number fields
  'XZQMC', 'ZLDWMC', 'QSDWMC', '村名', 'NAME_CHN',
  'title', 'label', 'DKBH', '地块编号',
];

/** A layer's name: the name_zh / name_en pair, or one field for both languages. */
export type NameField = { kind: 'pair' } | { kind: 'field'; field: string };

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;

/**
 * The field that names the features of a layer: the name_zh / name_en pair when any feature has one,
 * else the first of {@link NAME_FIELDS} that some feature fills; null when none does.
 * @example detectNameField([{ properties: { XMMC: '滨河花园' } }]) // { kind: 'field', field: 'XMMC' }
 */
export function detectNameField(features: readonly { properties?: Record<string, unknown> | null }[]): NameField | null {
  const has = (k: string) => features.some((f) => f.properties && Object.prototype.hasOwnProperty.call(f.properties, k) && text(f.properties[k]) !== null);
  if (has('name_zh') || has('name_en')) return { kind: 'pair' };
  const field = NAME_FIELDS.find(has);
  return field ? { kind: 'field', field } : null;
}

/**
 * A feature's name in both languages by `field`; `fallback` (its id) where the feature has none.
 * @example featureNames({ name_zh: '国安', name_en: 'Guoan' }, { kind: 'pair' }, 'kp-1') // { zh: '国安', en: 'Guoan' }
 */
export function featureNames(props: Record<string, unknown> | null | undefined, field: NameField | null, fallback: string): { zh: string; en: string } {
  const p = props ?? {};
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(p, k) ? text(p[k]) : null);
  if (field?.kind === 'pair') {
    const zh = own('name_zh') ?? own('name_en');
    const en = own('name_en') ?? own('name_zh');
    return { zh: zh ?? fallback, en: en ?? fallback };
  }
  const v = (field && own(field.field)) ?? fallback;
  return { zh: v, en: v };
}
