/**
 * Land survey classes that the 2023 用地用海 codes do not spell the same way: the 三调 工作分类 classes
 * 201–205 (城市, 建制镇, 村庄, 采矿用地, 风景名胜及特殊用地, with the A variants for 独立工业用地) and the 二调
 * classes of GB/T 21010-2007 (three-digit codes 011–127 and names such as 有林地). Each maps to the 2023
 * class of nearest meaning; `approx` marks a mapping that is only close (城市 and 建制镇 are built-up
 * areas of any use, drawn as 07 居住用地; 村庄 as 0703 农村宅基地; 有林地 as 0301 乔木林地).
 */
type Entry = readonly [name: string, ydyh: string, approx?: 1];
const A = 1 as const;

/** 三调 城镇村及工矿用地 (20X) and 二调 (GB/T 21010-2007) codes → name and 2023 code. */
export const SURVEY_CODES: Readonly<Record<string, Entry>> = Object.freeze({
  '201': ['城市', '07', A], '201A': ['城市独立工业用地', '1001', A],
  '202': ['建制镇', '07', A], '202A': ['建制镇独立工业用地', '1001', A],
  '203': ['村庄', '0703', A], '203A': ['村庄独立工业用地', '1001', A],
  '204': ['采矿用地', '1002'], '205': ['风景名胜及特殊用地', '15', A],
  '011': ['水田', '0101'], '012': ['水浇地', '0102'], '013': ['旱地', '0103'],
  '021': ['果园', '0201'], '022': ['茶园', '0202'], '023': ['其他园地', '0205'],
  '031': ['有林地', '0301', A], '032': ['灌木林地', '0303'], '033': ['其他林地', '0304'],
  '041': ['天然牧草地', '0401'], '042': ['人工牧草地', '0402'], '043': ['其他草地', '0403'],
  '101': ['铁路用地', '1201'], '102': ['公路用地', '1202'], '104': ['农村道路', '0601'], '105': ['机场用地', '1203'],
  '106': ['港口码头用地', '1204'], '107': ['管道运输用地', '1205'],
  '111': ['河流水面', '1701'], '112': ['湖泊水面', '1702'], '113': ['水库水面', '1703'], '114': ['坑塘水面', '1704'],
  '115': ['沿海滩涂', '0505'], '116': ['内陆滩涂', '0506'], '117': ['沟渠', '1705'], '118': ['水工建筑用地', '1312'],
  '119': ['冰川及永久积雪', '1706'],
  '122': ['设施农用地', '06'], '123': ['田坎', '23', A], '124': ['盐碱地', '23'], '125': ['沼泽地', '0504'],
  '126': ['沙地', '23'], '127': ['裸地', '23'],
});

/** Survey names that no 2023 class carries, → 2023 code (and whether that is only close). */
export const SURVEY_NAMES: Readonly<Record<string, Entry>> = Object.freeze(
  Object.fromEntries(Object.values(SURVEY_CODES).map(([name, code, approx]) => [name, [name, code, approx] as Entry])),
);

/** 三调 DLBM codes whose 2023 class is only close in meaning (a lumped survey class). */
export const APPROX_DLBM: ReadonlySet<string> = new Set(['05', '05H1', '06', '08', '08H2', '09', '10', '11', '12', '1201', '1203', '1204', '1205', '1206', '1207']);

/**
 * The survey entry for a code as written (string or number), checked against the name when one is given:
 * a three-digit number may also be a 三调 code that lost its leading zero, which the name then tells.
 * @example surveyCode('203', '村庄') // ['村庄', '0703', 1]
 */
export function surveyCode(code: unknown, name?: unknown): Entry | undefined {
  const c = typeof code === 'number' && Number.isInteger(code) ? String(code).padStart(3, '0') : typeof code === 'string' ? code.normalize('NFKC').trim().toUpperCase() : '';
  const e = SURVEY_CODES[c];
  if (!e) return undefined;
  if (typeof name === 'string' && name.trim() && !name.includes(e[0]) && !e[0].includes(name.trim())) return undefined;
  return e;
}
