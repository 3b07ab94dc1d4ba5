/**
 * Area features: central urban area (sized to the report's 31 km²), functional areas, featured towns
 * and the control lines (三区三线). Outlines are hand-drawn around the reference points.
 */
import type { Polygon } from 'geojson';
import { areaKm2, cleanRing, latAt, polygon, round6, scaleRing, turf, type LonLat, type Ring } from './geo';
import { DASHA, RED_LINE_HALF_WIDTH, ZONE_RING } from './frame';

/** The built-up area the report gives (建成区面积达到31平方公里). */
export const BUILT_UP_KM2 = 31;

/** Rough outline north of the Dasha River; only its shape matters, its size is fixed below. */
const CENTRAL_SKETCH: Ring = [
  [113.234, 35.172], [113.246, 35.1695], [113.258, 35.17], [113.27, 35.1685], [113.283, 35.169], [113.296, 35.1675],
  [113.309, 35.1665], [113.32, 35.168], [113.325, 35.176], [113.322, 35.186], [113.326, 35.197], [113.318, 35.2075],
  [113.305, 35.2105], [113.283, 35.2075], [113.27, 35.205], [113.258, 35.2015], [113.247, 35.197], [113.238, 35.1935],
  [113.231, 35.184],
];

/**
 * Scales the sketch about its centroid until its ellipsoidal (WGS84) area is 31 km², so the app's
 * area tool reports the report's figure. Converges in a few steps; rounding to 6 decimals afterwards
 * moves the area by ~1e-5 relative, far inside the ±0.05 % we aim for.
 */
export function centralAreaPolygon(): Polygon {
  const n = CENTRAL_SKETCH.length;
  const c: LonLat = [CENTRAL_SKETCH.reduce((s, p) => s + p[0], 0) / n, CENTRAL_SKETCH.reduce((s, p) => s + p[1], 0) / n];
  let ring = CENTRAL_SKETCH;
  for (let i = 0; i < 8; i++) {
    const a = areaKm2(polygon(ring));
    if (Math.abs(a / BUILT_UP_KM2 - 1) < 1e-7) break;
    ring = scaleRing(ring, c, Math.sqrt(BUILT_UP_KM2 / a));
  }
  const g = polygon(ring);
  if (Math.abs(areaKm2(g) / BUILT_UP_KM2 - 1) > 5e-4) throw new Error('central area not 31 km² after rounding');
  return g;
}

export const FUNCTIONAL: { id: string; kind: 'industrial_cluster' | 'business_district' | 'agriculture_park'; name_zh: string; name_en: string; ring: Ring; note_zh: string; note_en: string }[] = [
  {
    id: 'fa-industrial-cluster', kind: 'industrial_cluster', name_zh: '产业集聚区', name_en: 'Industrial cluster zone',
    note_zh: '东部工业片区，蒙牛百亿元产业集群与重点工业项目所在地（示意范围）。', note_en: 'Eastern industrial side: Mengniu dairy cluster and the key industrial projects (schematic extent).',
    ring: [[113.317, 35.1625], [113.331, 35.1595], [113.3425, 35.1625], [113.345, 35.176], [113.3425, 35.19], [113.3415, 35.2015], [113.333, 35.206], [113.321, 35.2035], [113.318, 35.19], [113.323, 35.176]],
  },
  {
    id: 'fa-xinhe-business', kind: 'business_district', name_zh: '新河商务区', name_en: 'Xinhe business district',
    note_zh: '沿新河布置的商务区（示意范围）。', note_en: 'Business district along the Xinhe river (schematic extent).',
    ring: [[113.285, 35.1785], [113.297, 35.1765], [113.307, 35.1805], [113.306, 35.1915], [113.296, 35.197], [113.286, 35.1935], [113.2825, 35.186]],
  },
  {
    id: 'fa-urban-agriculture', kind: 'agriculture_park', name_zh: '都市农业园区', name_en: 'Urban agriculture park',
    note_zh: '西部农业片区（示意范围），含苏家作老农民合作社。', note_en: 'Western agricultural side (schematic extent), with the Sujiazuo "Lao Nongmin" cooperative.',
    ring: [[113.135, 35.1285], [113.152, 35.126], [113.17, 35.1275], [113.186, 35.1335], [113.184, 35.1415], [113.165, 35.1435], [113.147, 35.1425], [113.133, 35.138]],
  },
];

export const TOWNS: {
  id: string; town_type: 'science_tech' | 'longfeng' | 'zhouyi_huaishang' | 'huaishang_ancient' | 'grape'; township_id: string;
  name_zh: string; name_en: string; based_on_zh: string; based_on_en: string; target_year?: number;
  status_zh: string; status_en: string; sites_zh: string[]; sites_en: string[]; ring: Ring;
}[] = [
  {
    id: 'ft-science-tech', town_type: 'science_tech', township_id: 'tw-wenyuan', name_zh: '科技小镇', name_en: 'Science & Technology Town',
    based_on_zh: '河南理工大学科技园', based_on_en: 'Henan Polytechnic University science park', target_year: 2018,
    status_zh: '力争2018年基本建成', status_en: 'To be basically complete by 2018', sites_zh: ['河南理工大学科技园'], sites_en: ['Henan Polytechnic University science park'],
    ring: [[113.25, 35.1835], [113.262, 35.182], [113.2715, 35.185], [113.2725, 35.1935], [113.266, 35.1995], [113.2545, 35.1985], [113.2495, 35.1915]],
  },
  {
    id: 'ft-longfeng', town_type: 'longfeng', township_id: 'tw-sujiazuo', name_zh: '龙凤小镇', name_en: 'Longfeng Town',
    based_on_zh: '苏家作乡', based_on_en: 'Sujiazuo Township', status_zh: '已编制建设发展规划', status_en: 'Development plan already drafted', sites_zh: [], sites_en: [],
    ring: [[113.151, 35.1095], [113.162, 35.1085], [113.17, 35.1115], [113.1705, 35.119], [113.161, 35.1215], [113.153, 35.118]],
  },
  {
    id: 'ft-zhouyi-huaishang', town_type: 'zhouyi_huaishang', township_id: 'tw-sujiazuo', name_zh: '周易怀商小镇', name_en: 'Zhouyi Huaishang Town',
    based_on_zh: '寨卜昌村', based_on_en: 'Zhaibuchang Village', status_zh: '谋划中（依托寨卜昌村）', status_en: 'Being planned (based on Zhaibuchang Village)',
    sites_zh: ['寨卜昌村'], sites_en: ['Zhaibuchang Village'],
    ring: [[113.178, 35.118], [113.189, 35.1165], [113.196, 35.121], [113.194, 35.129], [113.184, 35.1305], [113.177, 35.125]],
  },
  {
    id: 'ft-huaishang-ancient', town_type: 'huaishang_ancient', township_id: 'tw-yangmiao', name_zh: '怀商古镇', name_en: 'Huaishang Ancient Town',
    based_on_zh: '东岳泰山庙、火神庙、两程夫子庙、古州博物馆等文化资源及周边水系', based_on_en: 'Dongyue Taishan Temple, Fire God Temple, Two Cheng Masters Temple, Guzhou Museum and nearby waterways',
    status_zh: '谋划中', status_en: 'Being planned',
    sites_zh: ['东岳泰山庙', '火神庙', '两程夫子庙', '古州博物馆', '周边水系'], sites_en: ['Dongyue Taishan Temple', 'Fire God Temple', 'Two Cheng Masters Temple', 'Guzhou Museum', 'Nearby waterways'],
    ring: [[113.16, 35.1585], [113.172, 35.1572], [113.182, 35.1595], [113.1825, 35.168], [113.174, 35.1725], [113.162, 35.1705], [113.1585, 35.1645]],
  },
  {
    id: 'ft-grape', town_type: 'grape', township_id: 'tw-wenchang', name_zh: '葡萄小镇', name_en: 'Grape Town',
    based_on_zh: '辛庄葡萄采摘基地', based_on_en: 'Xinzhuang grape-picking base', status_zh: '谋划中', status_en: 'Being planned',
    sites_zh: ['辛庄葡萄采摘基地'], sites_en: ['Xinzhuang grape-picking base'],
    ring: [[113.316, 35.1315], [113.329, 35.1325], [113.341, 35.1375], [113.3425, 35.1445], [113.331, 35.1465], [113.3185, 35.144], [113.3125, 35.1375]],
  },
];

/** Permanent basic farmland (永久基本农田), agricultural west; holes keep village homesteads out. */
export const FARMLAND: { id: string; name_zh: string; name_en: string; outer: Ring; holes: Ring[] }[] = [
  {
    id: 'cl-pbf-01', name_zh: '永久基本农田（苏家作西南片）', name_en: 'Permanent basic farmland (south-west Sujiazuo)',
    outer: [[113.1345, 35.114], [113.1425, 35.1068], [113.1555, 35.1072], [113.1585, 35.1125], [113.156, 35.1185], [113.145, 35.118], [113.1365, 35.1195]],
    holes: [[[113.1455, 35.1112], [113.1488, 35.111], [113.1492, 35.1138], [113.146, 35.1142]]],
  },
  {
    id: 'cl-pbf-02', name_zh: '永久基本农田（阳庙西片）', name_en: 'Permanent basic farmland (west Yangmiao)',
    outer: [[113.1365, 35.1605], [113.1485, 35.1585], [113.157, 35.162], [113.1555, 35.1715], [113.1455, 35.1735], [113.1375, 35.168]], holes: [],
  },
  {
    id: 'cl-pbf-03', name_zh: '永久基本农田（宁郭南片）', name_en: 'Permanent basic farmland (south Ningguo)',
    outer: [[113.215, 35.122], [113.232, 35.119], [113.252, 35.1215], [113.262, 35.128], [113.246, 35.1325], [113.226, 35.131]], holes: [],
  },
  {
    id: 'cl-pbf-04', name_zh: '永久基本农田（阳庙东片）', name_en: 'Permanent basic farmland (east Yangmiao)',
    outer: [[113.2065, 35.1655], [113.2175, 35.1645], [113.2245, 35.167], [113.2245, 35.1815], [113.215, 35.183], [113.208, 35.176]], holes: [],
  },
];

/** Ecological red line: a strip along the Dasha River inside the zone (lat ± RED_LINE_HALF_WIDTH). */
export function redLinePolygon(): Polygon {
  const lons: number[] = [];
  for (let x = 113.136; x <= 113.3455; x += 0.0095) lons.push(round6(x));
  const south = lons.map((x): LonLat => [x, latAt(DASHA, x) - RED_LINE_HALF_WIDTH]);
  const north = lons.map((x): LonLat => [x, latAt(DASHA, x) + RED_LINE_HALF_WIDTH]).reverse();
  return polygon([...south, ...north]);
}

/**
 * Urban development boundary: the central urban area grown by 350 m plus the industrial cluster grown
 * by 300 m, clipped to the zone and simplified to a modest vertex count. Resettlement parcels at its
 * edge then straddle it, which is what a compliance check should find.
 */
export function developmentBoundary(central: Polygon): Polygon {
  const grown = turf.union(turf.featureCollection([
    turf.buffer(turf.feature(central), 0.35, { units: 'kilometers', steps: 4 })!,
    turf.buffer(turf.polygon([cleanRing(FUNCTIONAL[0]!.ring, true)]), 0.3, { units: 'kilometers', steps: 4 })!,
  ]))!;
  const clipped = turf.intersect(turf.featureCollection([grown, turf.polygon([cleanRing(ZONE_RING, true)])]))!;
  const simple = turf.simplify(clipped, { tolerance: 0.0002, highQuality: true });
  if (simple.geometry.type !== 'Polygon') throw new Error('development boundary is not one polygon');
  return polygon(simple.geometry.coordinates[0]!);
}
