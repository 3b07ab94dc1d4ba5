import type { Feature, Geometry } from 'geojson';
import { APPROX_DLBM, SURVEY_NAMES, surveyCode } from './landuse-survey';

/**
 * Land-use classes of 《国土空间调查、规划、用途管制用地用海分类指南》 (Ministry of Natural Resources, 2023,
 * 自然资发〔2023〕234号), first and second level, with their display colours.
 *
 * Colour source: 《市级国土空间总体规划制图规范（试行）》 (2021), appendix B 用地用海分类配色. Appendix B
 * lists one colour per class for 39 classes (mostly second-level ones); an entry gets `approx: true` when
 * the appendix gives no colour for that exact class, and then carries its nearest listed class's colour
 * (its first-level class or, for 07/08/10/14, the appendix's representative second-level class). The
 * values the issue quotes are used exactly (01, 03, 09, 13, 17, 0701, 1001, 1401). The appendix's
 * 城镇道路用地 is the 2023 name 1207 城镇村道路用地. 16 留白用地 is white; its outline colour is our choice.
 * Codes not in the 2023 guide (e.g. 0808, 1103) resolve to their first-level class.
 */
export type RGB = readonly [number, number, number];

export interface LandUseClass {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly rgb: RGB;
  readonly level: 1 | 2;
  /** First-level code of a second-level class; null for first-level classes. */
  readonly parent: string | null;
  /** The colour is not listed for this class in appendix B (see above). */
  readonly approx?: true;
  /** Draw an outline in this colour (16 留白用地: white fill). */
  readonly outline?: RGB;
}

/** A scheme of class codes: 2023 用地用海 codes (`YDYHFLDM`) or third land survey codes (三调 `DLBM`). */
export type LandUseScheme = 'ydyh' | 'dlbm';

type Row = [code: string, zh: string, en: string, rgb: RGB, approx?: 1];
const A = 1 as const;
const ROWS: Row[] = [
  ['01', '耕地', 'Cultivated land', [245, 248, 220]],
  ['0101', '水田', 'Paddy field', [245, 248, 220], A], ['0102', '水浇地', 'Irrigated land', [245, 248, 220], A],
  ['0103', '旱地', 'Dry land', [245, 248, 220], A],
  ['02', '园地', 'Garden land', [191, 233, 170]],
  ['0201', '果园', 'Orchard', [191, 233, 170], A], ['0202', '茶园', 'Tea garden', [191, 233, 170], A],
  ['0203', '橡胶园地', 'Rubber plantation', [191, 233, 170], A], ['0204', '油料园地', 'Oil-crop plantation', [191, 233, 170], A],
  ['0205', '其他园地', 'Other garden land', [191, 233, 170], A],
  ['03', '林地', 'Forest land', [104, 177, 103]],
  ['0301', '乔木林地', 'Arbor forest', [104, 177, 103], A], ['0302', '竹林地', 'Bamboo forest', [104, 177, 103], A],
  ['0303', '灌木林地', 'Shrubland', [104, 177, 103], A], ['0304', '其他林地', 'Other forest land', [104, 177, 103], A],
  ['04', '草地', 'Grassland', [205, 245, 122]],
  ['0401', '天然牧草地', 'Natural pasture', [205, 245, 122], A], ['0402', '人工牧草地', 'Artificial pasture', [205, 245, 122], A],
  ['0403', '其他草地', 'Other grassland', [205, 245, 122], A],
  ['05', '湿地', 'Wetland', [101, 205, 170]],
  ['0501', '森林沼泽', 'Forest swamp', [101, 205, 170], A], ['0502', '灌丛沼泽', 'Shrub swamp', [101, 205, 170], A],
  ['0503', '沼泽草地', 'Marsh grassland', [101, 205, 170], A], ['0504', '其他沼泽地', 'Other marsh', [101, 205, 170], A],
  ['0505', '沿海滩涂', 'Coastal tidal flat', [101, 205, 170], A], ['0506', '内陆滩涂', 'Inland flat', [101, 205, 170], A],
  ['0507', '红树林地', 'Mangrove', [101, 205, 170], A],
  ['06', '农业设施建设用地', 'Agricultural facility land', [216, 215, 159]],
  ['0601', '乡村道路用地', 'Rural road land', [216, 215, 159], A],
  ['0602', '种植设施建设用地', 'Crop facility land', [216, 215, 159], A],
  ['0603', '畜禽养殖设施建设用地', 'Livestock facility land', [216, 215, 159], A],
  ['0604', '水产养殖设施建设用地', 'Aquaculture facility land', [216, 215, 159], A],
  ['07', '居住用地', 'Residential land', [255, 255, 45], A],
  ['0701', '城镇住宅用地', 'Urban housing', [255, 255, 45]],
  ['0702', '城镇社区服务设施用地', 'Urban community services', [255, 255, 45], A],
  ['0703', '农村宅基地', 'Rural homesteads', [255, 211, 128]],
  ['0704', '农村社区服务设施用地', 'Rural community services', [255, 255, 45], A],
  ['08', '公共管理与公共服务用地', 'Public administration and services', [255, 0, 255], A],
  ['0801', '机关团体用地', 'Government and organisations', [255, 0, 255]], ['0802', '科研用地', 'Research', [230, 0, 92]],
  ['0803', '文化用地', 'Culture', [255, 127, 0]], ['0804', '教育用地', 'Education', [255, 133, 201]],
  ['0805', '体育用地', 'Sports', [0, 165, 124]], ['0806', '医疗卫生用地', 'Health care', [255, 127, 126]],
  ['0807', '社会福利用地', 'Social welfare', [255, 159, 127]],
  ['09', '商业服务业用地', 'Commercial and business services', [255, 0, 0]],
  ['0901', '商业用地', 'Commerce', [255, 0, 0], A], ['0902', '商务金融用地', 'Business and finance', [255, 0, 0], A],
  ['0903', '娱乐用地', 'Entertainment', [255, 0, 0], A], ['0904', '其他商业服务业用地', 'Other commercial services', [255, 0, 0], A],
  ['10', '工矿用地', 'Industry and mining', [187, 150, 116], A],
  ['1001', '工业用地', 'Industry', [187, 150, 116]], ['1002', '采矿用地', 'Mining', [158, 108, 84]],
  ['1003', '盐田', 'Salt pans', [0, 0, 255]],
  ['11', '仓储用地', 'Warehousing', [135, 97, 211]],
  ['1101', '物流仓储用地', 'Logistics and warehousing', [135, 97, 211], A], ['1102', '储备库用地', 'Reserve depots', [153, 153, 255]],
  ['12', '交通运输用地', 'Transport', [183, 183, 183]],
  ['1201', '铁路用地', 'Railway', [183, 183, 183], A], ['1202', '公路用地', 'Highway', [173, 173, 173]],
  ['1203', '机场用地', 'Airport', [183, 183, 183], A], ['1204', '港口码头用地', 'Port and wharf', [183, 183, 183], A],
  ['1205', '管道运输用地', 'Pipeline transport', [153, 153, 153]], ['1206', '城市轨道交通用地', 'Urban rail transit', [183, 183, 183], A],
  ['1207', '城镇村道路用地', 'Urban and village roads', [163, 163, 163]], ['1208', '交通场站用地', 'Transport stations', [183, 183, 183], A],
  ['13', '公用设施用地', 'Public utilities', [0, 99, 128]],
  ['1301', '供水用地', 'Water supply', [0, 99, 128], A], ['1302', '排水用地', 'Drainage', [0, 99, 128], A],
  ['1303', '供电用地', 'Power supply', [0, 99, 128], A], ['1304', '供燃气用地', 'Gas supply', [0, 99, 128], A],
  ['1305', '供热用地', 'Heat supply', [0, 99, 128], A], ['1306', '通信用地', 'Telecommunications', [0, 99, 128], A],
  ['1307', '邮政用地', 'Postal services', [0, 99, 128], A], ['1308', '广播电视设施用地', 'Radio and TV', [0, 99, 128], A],
  ['1309', '环卫用地', 'Sanitation', [0, 99, 128], A], ['1310', '消防用地', 'Fire services', [0, 99, 128], A],
  ['1311', '干渠', 'Trunk canals', [0, 99, 128], A], ['1312', '水工设施用地', 'Hydraulic structures', [0, 99, 128], A],
  ['1313', '其他公用设施用地', 'Other utilities', [0, 99, 128], A],
  ['14', '绿地与开敞空间用地', 'Green and open space', [0, 255, 0], A],
  ['1401', '公园绿地', 'Parks', [0, 255, 0]], ['1402', '防护绿地', 'Protective green', [20, 141, 74]],
  ['1403', '广场用地', 'Squares', [172, 255, 207]],
  ['15', '特殊用地', 'Special-use land', [133, 145, 86]],
  ['1501', '军事设施用地', 'Military', [133, 145, 86], A], ['1502', '使领馆用地', 'Embassies and consulates', [133, 145, 86], A],
  ['1503', '宗教用地', 'Religious', [133, 145, 86], A], ['1504', '文物古迹用地', 'Heritage sites', [133, 145, 86], A],
  ['1505', '监教场所用地', 'Detention facilities', [133, 145, 86], A], ['1506', '殡葬用地', 'Funeral and burial', [133, 145, 86], A],
  ['1507', '其他特殊用地', 'Other special use', [133, 145, 86], A],
  ['16', '留白用地', 'Reserved land', [255, 255, 255]],
  ['17', '陆地水域', 'Inland water', [51, 142, 192]],
  ['1701', '河流水面', 'River water', [51, 142, 192], A], ['1702', '湖泊水面', 'Lake water', [51, 142, 192], A],
  ['1703', '水库水面', 'Reservoir water', [51, 142, 192], A], ['1704', '坑塘水面', 'Ponds', [51, 142, 192], A],
  ['1705', '沟渠', 'Ditches', [51, 142, 192], A], ['1706', '冰川及常年积雪', 'Glaciers and permanent snow', [51, 142, 192], A],
  ['18', '渔业用海', 'Fishery sea use', [148, 213, 235]],
  ['19', '工矿通信用海', 'Industrial, mining and communication sea use', [86, 166, 211]],
  ['20', '交通运输用海', 'Transport sea use', [108, 139, 209]],
  ['21', '游憩用海', 'Recreational sea use', [26, 170, 230]],
  ['22', '特殊用海', 'Special sea use', [131, 188, 214]],
  ['23', '其他土地', 'Other land', [238, 238, 238]],
  ['24', '其他海域', 'Other sea areas', [214, 234, 243]],
];
const RESERVED_OUTLINE: RGB = [128, 128, 128];

/** Every class, in code order (a first-level class before its second-level classes). Frozen. */
export const LAND_USE_CLASSES: readonly LandUseClass[] = Object.freeze(
  ROWS.map(([code, name_zh, name_en, rgb, approx]) =>
    Object.freeze({
      code, name_zh, name_en, rgb: Object.freeze([...rgb]) as RGB,
      level: code.length === 2 ? 1 : 2, parent: code.length === 2 ? null : code.slice(0, 2),
      ...(approx ? { approx: true } : {}), ...(code === '16' ? { outline: RESERVED_OUTLINE } : {}),
    } as LandUseClass),
  ),
);
const BY_CODE = new Map(LAND_USE_CLASSES.map((c) => [c.code, c]));

/**
 * 三调 (third national land survey, GB/T 21010-2017 with the survey's H/A codes) `DLBM` → 2023 code.
 * Equal where the class is the same (0101–0103, 0201–0203, 0301–0302, 0401, 0701); otherwise by meaning,
 * since many survey codes name other classes in 2023: survey 0303 红树林地 is 2023 0507, survey 0305 灌木林地
 * is 0303, survey 0702 农村宅基地 is 0703 (2023 0702 is urban community services), survey 1001 铁路用地 is
 * 1201 (2023 1001 is industry), survey 1101 河流水面 is 1701. Classes the survey lumps map to a first level.
 */
export const DLBM_TO_YDYH: Readonly<Record<string, string>> = Object.freeze({
  '01': '01', '0101': '0101', '0102': '0102', '0103': '0103',
  '02': '02', '0201': '0201', '0202': '0202', '0203': '0203', '0204': '0205',
  '03': '03', '0301': '0301', '0302': '0302', '0303': '0507', '0304': '0501', '0305': '0303', '0306': '0502', '0307': '0304',
  '04': '04', '0401': '0401', '0402': '0503', '0403': '0402', '0404': '0403',
  '05': '09', '05H1': '09', '0508': '1101',
  '06': '10', '0601': '1001', '0602': '1002', '0603': '1003',
  '07': '07', '0701': '0701', '0702': '0703',
  '08': '08', '08H1': '0801', '08H2': '08', '08H2A': '0804', '0809': '13', '0810': '14', '0810A': '1403',
  '09': '15',
  '10': '12', '1001': '1201', '1002': '1206', '1003': '1202', '1004': '1207', '1005': '1208', '1006': '0601',
  '1007': '1203', '1008': '1204', '1009': '1205',
  '11': '17', '1101': '1701', '1102': '1702', '1103': '1703', '1104': '1704', '1104A': '1704', '1105': '0505',
  '1106': '0506', '1107': '1705', '1107A': '1311', '1108': '0504', '1109': '1312', '1110': '1706',
  '12': '23', '1201': '23', '1202': '06', '1203': '23', '1204': '23', '1205': '23', '1206': '23', '1207': '23',
});

/** Other names (older 2020 trial names, appendix B spellings, 三调 names) → 2023 code. */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  娱乐康体用地: '0903', 城镇道路用地: '1207', 橡胶园: '0203', 盐田用地: '1003', 农村道路: '0601', 设施农用地: '06',
  空闲地: '23', 田坎: '23', 盐碱地: '23', 沙地: '23', 裸土地: '23', 裸岩石砾地: '23', 公园与绿地: '14',
  轨道交通用地: '1206', 交通服务场站用地: '1208', 水工建筑用地: '1312', 冰川及永久积雪: '1706', 沼泽地: '0504',
  养殖坑塘: '1704', 商业服务业设施用地: '09', 机关团体新闻出版用地: '0801', 科教文卫用地: '08', 住宅用地: '07',
  商服用地: '09', 水域及水利设施用地: '17', 公共设施用地: '13',
};

const normalizeName = (s: string): string =>
  s.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').replace(/用地$/, '');
const EXACT_NAMES = new Map<string, LandUseClass>();
const NORMAL_NAMES = new Map<string, LandUseClass>();
for (const c of LAND_USE_CLASSES) EXACT_NAMES.set(c.name_zh, c);
for (const [name, code] of Object.entries(NAME_ALIASES)) if (!EXACT_NAMES.has(name)) EXACT_NAMES.set(name, BY_CODE.get(code)!);
for (const [name, c] of EXACT_NAMES) if (!NORMAL_NAMES.has(normalizeName(name))) NORMAL_NAMES.set(normalizeName(name), c);

/** Cleans a code as read from a file: trims, half-width, restores a leading zero a number column lost (701 → 0701). */
function cleanCode(code: unknown): string {
  if (typeof code === 'number' && Number.isInteger(code) && code >= 0) code = String(code);
  if (typeof code !== 'string') return '';
  const s = code.normalize('NFKC').trim().toUpperCase();
  return /^\d$|^\d{3}$|^\d{5}$/.test(s) ? `0${s}` : s;
}

/**
 * The class of a code and/or name: by second-level code (a third-level code such as 080301 counts as its
 * second level 0803), then by first-level code (the first two digits), then by Chinese name (exact, then
 * normalized: full-width folded, spaces and punctuation dropped, a final 用地 ignored). Returns null when
 * nothing matches: unknown codes are reported, not guessed. With `scheme` 'dlbm' the code is a 三调 code,
 * mapped through {@link DLBM_TO_YDYH}.
 *
 * @example
 * landUseClass('0701')?.rgb          // [255, 255, 45]
 * landUseClass('0199')?.code         // '01' (first-level fallback)
 * landUseClass(undefined, '公园绿地')?.code // '1401'
 * landUseClass('1101', '河流水面', 'dlbm')?.code // '1701'
 * landUseClass('99')                 // null
 */
export function landUseClass(code?: unknown, name?: unknown, scheme: LandUseScheme = 'ydyh'): LandUseClass | null {
  return landUseMatch(code, name, scheme)?.cls ?? null;
}

/** A class matched to a file's code/name, and whether the match is only close in meaning (survey classes). */
export interface LandUseMatch {
  cls: LandUseClass;
  approx: boolean;
}

/** Like {@link landUseClass}, saying also whether the mapping from a 三调/二调 class is approximate. */
export function landUseMatch(code?: unknown, name?: unknown, scheme: LandUseScheme = 'ydyh'): LandUseMatch | null {
  if (scheme === 'dlbm') {
    const survey = surveyCode(code, name);
    if (survey) return { cls: BY_CODE.get(survey[1])!, approx: survey[2] === 1 };
  }
  const c = cleanCode(code);
  const plain = plainClass(c, name, scheme);
  if (plain) return { cls: plain, approx: scheme === 'dlbm' && APPROX_DLBM.has(c) };
  const survey = typeof name === 'string' ? SURVEY_NAMES[name.trim()] : undefined;
  return survey ? { cls: BY_CODE.get(survey[1])!, approx: survey[2] === 1 } : null;
}

function plainClass(c: string, name: unknown, scheme: LandUseScheme): LandUseClass | null {
  if (c) {
    if (scheme === 'dlbm') {
      const mapped = DLBM_TO_YDYH[c] ?? (/^\d{2}/.test(c) ? DLBM_TO_YDYH[c.slice(0, 2)] : undefined);
      if (mapped) return BY_CODE.get(mapped) ?? null;
    } else if (/^\d{2}(\d{2}){0,2}$/.test(c)) {
      const hit = BY_CODE.get(c.slice(0, 4)) ?? BY_CODE.get(c.slice(0, 2));
      if (hit) return hit;
    }
  }
  if (typeof name !== 'string' || !name.trim()) return null;
  return EXACT_NAMES.get(name.trim()) ?? NORMAL_NAMES.get(normalizeName(name)) ?? null;
}

/** Fields that hold land-use classes. */
export interface LandUseFields {
  codeField: string | null;
  nameField: string | null;
  scheme: LandUseScheme;
}

/**
 * Which properties hold the land-use class: `YDYHFLDM`/`YDYHFLMC` (2023 用地用海 codes, preferred) or
 * `DLBM`/`DLMC` (三调 survey), matched case-insensitively and returned as spelled. Null when neither is found.
 * @example detectLandUseFields(['id', 'dlbm', 'dlmc']) // { codeField: 'dlbm', nameField: 'dlmc', scheme: 'dlbm' }
 */
export function detectLandUseFields(keys: Iterable<string>): LandUseFields | null {
  const byUpper = new Map<string, string>();
  for (const k of keys) if (!byUpper.has(k.toUpperCase())) byUpper.set(k.toUpperCase(), k);
  for (const [code, name, scheme] of [['YDYHFLDM', 'YDYHFLMC', 'ydyh'], ['DLBM', 'DLMC', 'dlbm']] as const) {
    const codeField = byUpper.get(code) ?? null;
    const nameField = byUpper.get(name) ?? null;
    if (codeField || nameField) return { codeField, nameField, scheme };
  }
  return null;
}

/** A class present in a layer, with its number of features. */
export type PaletteEntry = LandUseClass & { count: number };

/** The legend of a layer: its classes in code order, and the values that match no class. */
export interface LayerPalette {
  present: PaletteEntry[];
  unknown: { code: string; name: string; count: number }[];
}

/**
 * The classes a layer uses (for its legend) and the code/name pairs no class matches.
 * The scheme follows the code field: 'dlbm' when it is called DLBM, else 'ydyh'.
 * @example
 * paletteFor(landuseCurrent.features).present.map((e) => e.code) // ['0101', '0103', '0301', …]
 */
export function paletteFor(
  features: readonly Feature<Geometry | null>[],
  codeField: string | null = 'YDYHFLDM',
  nameField: string | null = 'YDYHFLMC',
  scheme: LandUseScheme = codeField?.toUpperCase() === 'DLBM' ? 'dlbm' : 'ydyh',
): LayerPalette {
  const counts = new Map<LandUseClass, number>();
  const unknown = new Map<string, { code: string; name: string; count: number }>();
  for (const f of features) {
    const code = codeField ? f.properties?.[codeField] : undefined;
    const name = nameField ? f.properties?.[nameField] : undefined;
    const hit = landUseClass(code, name, scheme);
    if (hit) counts.set(hit, (counts.get(hit) ?? 0) + 1);
    else {
      const u = { code: code == null ? '' : String(code), name: name == null ? '' : String(name), count: 0 };
      const key = JSON.stringify([u.code, u.name]);
      (unknown.get(key) ?? unknown.set(key, u).get(key)!).count++;
    }
  }
  const present = [...counts].map(([c, count]) => ({ ...c, count })).sort((a, b) => compareCodes(a.code, b.code));
  return { present, unknown: [...unknown.values()].sort((a, b) => compareCodes(a.code, b.code) || a.name.localeCompare(b.name)) };
}

/** Code order: 01 < 0101 < 0102 < 02 (plain string order of the digits). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * CSS hex of a colour.
 * @example rgbHex([255, 255, 45]) // '#ffff2d'
 */
export function rgbHex(rgb: RGB): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
