/**
 * Field names that hold a feature's name in the files Chinese planners exchange, best first: the atlas's
 * own, then 名称 and its pinyin abbreviations (MC 名称, XMMC 项目名称, DKMC 地块名称, ZLDWMC 坐落单位名称,
 * QSDWMC 权属单位名称, XZQMC 行政区名称), then English ones, then plot numbers (DKBH 地块编号).
 */
const NAME_FIELDS = [
  'name_zh',
  '名称',
  'name',
  'XMMC',
  'MC',
  'DKMC',
  'XZQMC',
  'ZLDWMC',
  'QSDWMC',
  '项目名称',
  '地块名称',
  '村名',
  'title',
  'NAME_CHN',
  'name_en',
  'label',
  'DKBH',
  '地块编号',
];

/**
 * The field to label an imported layer with: the first known name field present (case-insensitive for
 * Latin names), else a field whose name contains 名称 / 名 / "name"; `null` when none looks like a name.
 * Ids and codes are never chosen by the fallback.
 * @example pickLabelField(['FID', 'XZQDM', 'XMMC', 'MJ']) // 'XMMC'
 */
export function pickLabelField(fields: Iterable<string>): string | null {
  const list = [...fields];
  const byLower = new Map(list.map((f) => [f.toLowerCase(), f]));
  for (const want of NAME_FIELDS) {
    const hit = byLower.get(want.toLowerCase());
    if (hit) return hit;
  }
  return list.find((f) => /名称|名$/.test(f)) ?? list.find((f) => /name/i.test(f)) ?? null;
}
