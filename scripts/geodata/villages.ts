/**
 * Beautiful-villages layer (美丽乡村). The report gives no village list or count, so the 60 villages are
 * our choice: names are invented but follow local naming patterns, except 苏家作, 寨卜昌 and 辛庄, which
 * the report names. Exactly 70 % reach the livable standard and 30 % the beautiful one, as targeted.
 * Villages sit in the three townships and Wenchang subdistrict (the units the report asks to plan
 * villages for), outside the development boundary, the red line and the farmland polygons.
 */
import type { Point, Polygon } from 'geojson';
import { rng, round6, turf, type LonLat } from './geo';

type Std = 'L' | 'B';
interface VillageSeed {
  zh: string;
  en: string;
  std: Std;
  at?: LonLat;
  park_zh?: string;
  park_en?: string;
  note_zh?: string;
  note_en?: string;
}

const V = (zh: string, en: string, std: Std, extra: Partial<VillageSeed> = {}): VillageSeed => ({ zh, en, std, ...extra });

export const VILLAGE_SEEDS: Record<string, VillageSeed[]> = {
  'tw-sujiazuo': [
    V('苏家作村', 'Sujiazuo Village', 'B', { at: [113.1415, 35.13], park_zh: '苏家作老农民合作社', park_en: 'Sujiazuo "Lao Nongmin" (Old Farmers) cooperative', note_zh: '报道点名的农业园区所在村。', note_en: 'Home of an agricultural park the report names.' }),
    V('寨卜昌村', 'Zhaibuchang Village', 'B', { at: [113.1865, 35.1235], note_zh: '周易怀商小镇依托村。', note_en: 'The village the Zhouyi Huaishang town is based on.' }),
    V('西王封村', 'Xiwangfeng Village', 'L', { at: [113.1473, 35.1126], note_zh: '位于永久基本农田的“洞”内（村庄宅基地不划入农田）。', note_en: 'Sits in the hole of a permanent-farmland polygon (homesteads are kept out of the farmland).' }),
    V('东王封村', 'Dongwangfeng Village', 'L'), V('前杨庄村', 'Qianyangzhuang Village', 'B'), V('后杨庄村', 'Houyangzhuang Village', 'L'),
    V('北孔村', 'Beikong Village', 'L'), V('南孔村', 'Nankong Village', 'L'), V('郭庄村', 'Guozhuang Village', 'B'),
    V('刘营村', 'Liuying Village', 'L'), V('马寨村', 'Mazhai Village', 'L'), V('韩庄村', 'Hanzhuang Village', 'L'),
    V('张堤村', 'Zhangdi Village', 'B'), V('小徐村', 'Xiaoxu Village', 'L'), V('田坡村', 'Tianpo Village', 'L'),
    V('赵屯村', 'Zhaotun Village', 'L'), V('沙河店村', 'Shahedian Village', 'L'), V('李桥村', 'Liqiao Village', 'L'),
  ],
  'tw-yangmiao': [
    V('阳庙村', 'Yangmiao Village', 'B'), V('东阳村', 'Dongyang Village', 'L'), V('西阳村', 'Xiyang Village', 'L'),
    V('古州村', 'Guzhou Village', 'B'), V('程庄村', 'Chengzhuang Village', 'L'), V('大陈村', 'Dachen Village', 'L'),
    V('小陈村', 'Xiaochen Village', 'L'), V('王窑村', 'Wangyao Village', 'B'), V('孟庄村', 'Mengzhuang Village', 'L'),
    V('白庄村', 'Baizhuang Village', 'L'), V('双楼村', 'Shuanglou Village', 'L'), V('柳林村', 'Liulin Village', 'B'),
    V('宋营村', 'Songying Village', 'L'), V('西韩村', 'Xihan Village', 'L'), V('东韩村', 'Donghan Village', 'L'),
    V('高村', 'Gaocun Village', 'B'), V('石桥村', 'Shiqiao Village', 'L'),
  ],
  'tw-ningguo': [
    V('宁郭村', 'Ningguo Village', 'B'), V('南杨村', 'Nanyang Village', 'L'), V('北杨村', 'Beiyang Village', 'L'),
    V('大位村', 'Dawei Village', 'B'), V('小位村', 'Xiaowei Village', 'L'), V('周庄村', 'Zhouzhuang Village', 'L'),
    V('花园村', 'Huayuan Village', 'B'), V('于庄村', 'Yuzhuang Village', 'L'), V('蒋沟村', 'Jianggou Village', 'L'),
    V('杜村', 'Ducun Village', 'B'), V('吴庄村', 'Wuzhuang Village', 'L'), V('东孟村', 'Dongmeng Village', 'L'),
    V('西孟村', 'Ximeng Village', 'B'), V('范庄村', 'Fanzhuang Village', 'L'), V('黄屯村', 'Huangtun Village', 'L'),
  ],
  'tw-wenchang': [
    V('辛庄村', 'Xinzhuang Village', 'B', { at: [113.3285, 35.1395], park_zh: '辛庄葡萄采摘基地', park_en: 'Xinzhuang grape-picking base', note_zh: '葡萄小镇依托的采摘基地所在村。', note_en: 'Home of the grape-picking base the Grape Town is based on.' }),
    V('文昌村', 'Wenchang Village', 'L'), V('丰收村', 'Fengshou Village', 'B'), V('李万村', 'Liwan Village', 'L'),
    V('聂村', 'Niecun Village', 'L', { at: [113.3473, 35.167], note_zh: '紧邻蒙牛产业集群的村庄。', note_en: 'A village next to the Mengniu dairy cluster.' }), V('何庄村', 'Hezhuang Village', 'L'), V('牛庄村', 'Niuzhuang Village', 'B'),
    V('许河村', 'Xuhe Village', 'L'), V('唐庄村', 'Tangzhuang Village', 'L'), V('东于村', 'Dongyu Village', 'L', { at: [113.3473, 35.192] }),
  ],
};

export interface PlacedVillage extends VillageSeed {
  township_id: string;
  point: Point;
}

export interface VillageConstraints {
  townships: Map<string, Polygon>;
  /** Areas a village must stay out of (central area, development boundary, red line, farmland, …). */
  keepOut: Polygon[];
  /** Lines a village keeps 150 m from (rivers, sewers). */
  lines: LonLat[][];
  /** Points a village keeps 300 m from (projects, works). */
  points: LonLat[];
}

const MIN_SPACING_KM = 0.75;

/** Places the villages with a seeded generator (same result every run); fixed ones keep their spot. */
export function placeVillages(c: VillageConstraints): PlacedVillage[] {
  const rand = rng(20170707);
  const placed: PlacedVillage[] = [];
  const all = Object.entries(VILLAGE_SEEDS).flatMap(([tw, seeds]) => seeds.map((s) => ({ tw, s })));
  const dist = (a: LonLat, b: LonLat) => turf.distance(a, b, { units: 'kilometers' });
  const fixed = all.filter((v) => v.s.at).map((v) => v.s.at!);
  // Boundaries as plain line strings (every ring, holes included) so distances are cheap to test.
  const rings = (g: Polygon) => g.coordinates.map((r) => turf.lineString(r));
  const keepOutEdges = c.keepOut.flatMap(rings);
  const lines = c.lines.map((l) => turf.lineString(l));
  const near = (p: LonLat, ls: GeoJSON.Feature<GeoJSON.LineString>[], km: number) => ls.some((l) => turf.pointToLineDistance(p, l, { units: 'kilometers' }) < km);
  for (const { tw, s } of all) {
    const poly = c.townships.get(tw)!;
    const border = rings(poly);
    let at = s.at;
    if (!at) {
      const [x0, y0, x1, y1] = turf.bbox(poly);
      for (let tries = 0; tries < 20000 && !at; tries++) {
        const p: LonLat = [round6(x0 + rand() * (x1 - x0)), round6(y0 + rand() * (y1 - y0))];
        if (!turf.booleanPointInPolygon(p, poly) || near(p, border, 0.25)) continue;
        if (c.keepOut.some((k) => turf.booleanPointInPolygon(p, k)) || near(p, keepOutEdges, 0.15) || near(p, lines, 0.15)) continue;
        if (c.points.some((q) => dist(p, q) < 0.3)) continue;
        if ([...fixed, ...placed.map((v) => v.point.coordinates as LonLat)].some((q) => dist(p, q) < MIN_SPACING_KM)) continue;
        at = p;
      }
      if (!at) throw new Error(`no room for village ${s.zh} in ${tw}`);
    }
    placed.push({ ...s, township_id: tw, point: { type: 'Point', coordinates: [round6(at[0]), round6(at[1])] } });
  }
  return placed;
}
