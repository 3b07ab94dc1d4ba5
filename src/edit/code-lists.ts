import { LAND_USE_CLASSES } from '../domain/landuse-palette';
import type { CodeListId } from './field-schema';

/** One class a code field may hold. */
export interface CodeEntry {
  code: string;
  name_zh: string;
  name_en: string;
  level: number;
  /** Code of the class above; null at the first level. */
  parent: string | null;
}

// One source of truth for the 2023 classes: the palette's table, so a code the inspector accepts always
// has a colour on the map.
const YDYH: readonly CodeEntry[] = Object.freeze(
  LAND_USE_CLASSES.map(({ code, name_zh, name_en, level, parent }) => Object.freeze({ code, name_zh, name_en, level, parent })),
);

type Row = readonly [code: string, zh: string, en: string];
type Group = readonly [head: Row, children: readonly Row[]];

/**
 * 第三次全国国土调查 工作分类 (TD/T 1055-2019, 三调工作分类), in the survey's own order. The survey lifts
 * 湿地 to a first-level class 00 but its classes keep the GB/T 21010-2017 codes of the groups they came
 * from (0303 红树林地 is a wetland, not a forest class), so a parent cannot be read off the code's first two
 * digits here, unlike 用地用海. 20X are the survey's 城镇村属性码 for built-up areas; planners receive them
 * in the DLBM column often enough that the inspector must accept them. Here 204/205 carry the 三调 names
 * (盐田及采矿用地, 特殊用地), not the 二调 ones (采矿用地, 风景名胜及特殊用地) still used by landuse-survey.ts.
 */
const DLBM_GROUPS: readonly Group[] = [
  [['00', '湿地', 'Wetland'], [
    ['0303', '红树林地', 'Mangrove forest'], ['0304', '森林沼泽', 'Forest swamp'], ['0306', '灌丛沼泽', 'Shrub swamp'],
    ['0402', '沼泽草地', 'Marsh grassland'], ['0603', '盐田', 'Salt pans'], ['1105', '沿海滩涂', 'Coastal tidal flats'],
    ['1106', '内陆滩涂', 'Inland tidal flats'], ['1108', '沼泽地', 'Marshland'],
  ]],
  [['01', '耕地', 'Cultivated land'], [
    ['0101', '水田', 'Paddy fields'], ['0102', '水浇地', 'Irrigated land'], ['0103', '旱地', 'Dry land'],
  ]],
  [['02', '种植园用地', 'Plantation land'], [
    ['0201', '果园', 'Orchards'], ['0202', '茶园', 'Tea plantations'], ['0203', '橡胶园', 'Rubber plantations'],
    ['0204', '其他园地', 'Other plantations'],
  ]],
  [['03', '林地', 'Forest land'], [
    ['0301', '乔木林地', 'Arbor forest land'], ['0302', '竹林地', 'Bamboo forest land'], ['0305', '灌木林地', 'Shrub forest land'],
    ['0307', '其他林地', 'Other forest land'],
  ]],
  [['04', '草地', 'Grassland'], [
    ['0401', '天然牧草地', 'Natural pasture'], ['0403', '人工牧草地', 'Artificial pasture'], ['0404', '其他草地', 'Other grassland'],
  ]],
  [['05', '商业服务业用地', 'Commercial and service land'], [
    ['05H1', '商业服务业设施用地', 'Commercial and service facilities'], ['0508', '物流仓储用地', 'Logistics and warehousing'],
  ]],
  [['06', '工矿用地', 'Industrial and mining land'], [
    ['0601', '工业用地', 'Industrial land'], ['0602', '采矿用地', 'Mining land'],
  ]],
  [['07', '住宅用地', 'Residential land'], [
    ['0701', '城镇住宅用地', 'Urban residential land'], ['0702', '农村宅基地', 'Rural homesteads'],
  ]],
  [['08', '公共管理与公共服务用地', 'Public administration and public service land'], [
    ['08H1', '机关团体新闻出版用地', 'Government, organisations, press and publishing'],
    ['08H2', '科教文卫用地', 'Science, education, culture and health'], ['0809', '公用设施用地', 'Public utilities'],
    ['0810', '公园与绿地', 'Parks and green space'],
  ]],
  [['09', '特殊用地', 'Special-use land'], []],
  [['10', '交通运输用地', 'Transport land'], [
    ['1001', '铁路用地', 'Railway land'], ['1002', '轨道交通用地', 'Rail transit land'], ['1003', '公路用地', 'Highway land'],
    ['1004', '城镇村道路用地', 'Urban and village roads'], ['1005', '交通服务场站用地', 'Transport service stations'],
    ['1006', '农村道路', 'Rural roads'], ['1007', '机场用地', 'Airport land'], ['1008', '港口码头用地', 'Port and wharf land'],
    ['1009', '管道运输用地', 'Pipeline transport land'],
  ]],
  [['11', '水域及水利设施用地', 'Water and water-conservancy facility land'], [
    ['1101', '河流水面', 'River water surface'], ['1102', '湖泊水面', 'Lake water surface'],
    ['1103', '水库水面', 'Reservoir water surface'], ['1104', '坑塘水面', 'Pond water surface'], ['1107', '沟渠', 'Ditches'],
    ['1109', '水工建筑用地', 'Hydraulic structure land'], ['1110', '冰川及永久积雪', 'Glaciers and permanent snow'],
  ]],
  [['12', '其他土地', 'Other land'], [
    ['1201', '空闲地', 'Vacant land'], ['1202', '设施农用地', 'Agricultural facility land'], ['1203', '田坎', 'Field ridges'],
    ['1204', '盐碱地', 'Saline-alkali land'], ['1205', '沙地', 'Sandy land'], ['1206', '裸土地', 'Bare soil'],
    ['1207', '裸岩石砾地', 'Bare rock and gravel'],
  ]],
  [['20', '城镇村及工矿用地', 'Urban, village, industrial and mining land'], [
    ['201', '城市', 'City'], ['201A', '城市独立工业用地', 'Detached industrial land of a city'],
    ['202', '建制镇', 'Designated town'], ['202A', '建制镇独立工业用地', 'Detached industrial land of a designated town'],
    ['203', '村庄', 'Village'], ['203A', '村庄独立工业用地', 'Detached industrial land of a village'],
    ['204', '盐田及采矿用地', 'Salt pans and mining land'], ['205', '特殊用地', 'Special-use land'],
  ]],
];

const DLBM: readonly CodeEntry[] = Object.freeze(
  DLBM_GROUPS.flatMap(([[code, name_zh, name_en], children]) => [
    Object.freeze({ code, name_zh, name_en, level: 1, parent: null }),
    ...children.map(([c, zh, en]) => Object.freeze({ code: c, name_zh: zh, name_en: en, level: 2, parent: code })),
  ]),
);

const LISTS: Readonly<Record<CodeListId, readonly CodeEntry[]>> = { ydyh: YDYH, dlbm: DLBM };
const INDEX = new Map<CodeListId, Map<string, CodeEntry>>(
  (Object.keys(LISTS) as CodeListId[]).map((id) => [id, new Map(LISTS[id].map((e) => [e.code, e]))]),
);

/** Every class of a list, first level before its second-level classes. Frozen. */
export function codeList(id: CodeListId): readonly CodeEntry[] {
  return LISTS[id];
}

/**
 * Codes as people type them: full-width from a Chinese IME, lower-case 'h'/'a' in 05H1/201A. A missing
 * leading zero (701) is not restored: unlike a numeric file column, a typed code that lost its zero is a
 * typo the person should see.
 */
export function normalizeCode(code: string): string {
  return code.normalize('NFKC').trim().toUpperCase();
}

/** @example findCode('dlbm', '05h1')?.name_zh // '商业服务业设施用地' */
export function findCode(id: CodeListId, code: string): CodeEntry | undefined {
  return INDEX.get(id)?.get(normalizeCode(code));
}

/**
 * Classes for a picker: codes beginning with the query first (a planner who knows the code types it),
 * then names containing it, each group in list order. An empty query lists the start of the list.
 * @example searchCodes('ydyh', '07').map((e) => e.code) // ['07', '0701', '0702', '0703', '0704']
 * @example searchCodes('ydyh', '住宅')[0]?.code // '0701'
 */
export function searchCodes(id: CodeListId, query: string, limit = 50): CodeEntry[] {
  const list = LISTS[id];
  const q = query.normalize('NFKC').trim().toLowerCase();
  if (!q) return list.slice(0, limit);
  const byCode = list.filter((e) => e.code.toLowerCase().startsWith(q));
  const seen = new Set(byCode);
  const byName = list.filter((e) => !seen.has(e) && (e.name_zh.includes(q) || e.name_en.toLowerCase().includes(q)));
  return [...byCode, ...byName].slice(0, Math.max(0, limit));
}
