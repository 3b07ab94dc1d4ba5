import { NAME_FIELDS } from './feature-name';

/** The atlas's own name fields around the name fields of planners' files (see `NAME_FIELDS`). */
const LABEL_FIELDS = ['name_zh', ...NAME_FIELDS, 'name_en'];

/**
 * The field to label an imported layer with: the first known name field present (case-insensitive for
 * Latin names), else a field whose name contains 名称 / 名 / "name"; `null` when none looks like a name.
 * Ids and codes are never chosen by the fallback.
 * @example pickLabelField(['FID', 'XZQDM', 'XMMC', 'MJ']) // 'XMMC'
 */
export function pickLabelField(fields: Iterable<string>): string | null {
  const list = [...fields];
  const byLower = new Map(list.map((f) => [f.toLowerCase(), f]));
  for (const want of LABEL_FIELDS) {
    const hit = byLower.get(want.toLowerCase());
    if (hit) return hit;
  }
  return list.find((f) => /名称|名$/.test(f)) ?? list.find((f) => /name/i.test(f)) ?? null;
}
