/**
 * Field names that hold codes and identifiers (行政区划代码, 地类编码, 标识码, 地块编号 …): their values are
 * labels, not quantities, so they are never summed, grouped with thousands separators or turned into numbers.
 */
const KNOWN = new Set(['adcode', 'citycode', 'xzqdm', 'xzqhdm', 'dlbm', 'ydyhfldm', 'ydyhflbm', 'bsm', 'dkbh', 'ysdm', 'zddm', 'bdcdyh', 'tbbh', 'tbybh', 'qsdwdm', 'zldwdm', 'kzbh', 'yddm', 'gbcode', 'postcode', 'zipcode']);
const PATTERN = /(^|[_\s-])(id|code|dm|bm|bh)$|(^|[a-z])(Id|Code)$|编码|代码|编号|代号|标识码|邮编|电话|区划码/;

/**
 * @example isCodeField('XZQDM') // true
 * @example isCodeField('人口') // false
 */
export function isCodeField(name: string): boolean {
  const n = name.trim();
  return KNOWN.has(n.toLowerCase()) || PATTERN.test(n);
}
