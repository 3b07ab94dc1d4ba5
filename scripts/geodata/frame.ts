/**
 * The hand-drawn frame of the schematic map: zone outline, township borders and rivers.
 * Placed around the public reference points in the shared facts (Sujiazuo ~113.14,35.12;
 * Yangmiao ~113.17,35.16; Ningguo ~113.27,35.14; Wenchang ~113.32,35.165; HPU 113.26,35.19),
 * NOT traced from any map service. Townships are assembled from shared chains so they tile
 * the zone exactly (every common border uses the very same vertices).
 */
import type { LonLat, Ring } from './geo';

/** Zone outline, counter-clockwise from the south-west. Named vertices are township junctions. */
const Z = {
  sw: [113.13, 35.114] as LonLat,
  s1: [113.142, 35.103] as LonLat,
  s2: [113.163, 35.106] as LonLat,
  s3: [113.186, 35.111] as LonLat,
  jSujNing: [113.207, 35.117] as LonLat, // Sujiazuo | Ningguo meet the south edge
  s5: [113.228, 35.115] as LonLat,
  s6: [113.25, 35.117] as LonLat,
  s7: [113.272, 35.116] as LonLat,
  s8: [113.296, 35.121] as LonLat,
  jNingWen: [113.318, 35.123] as LonLat, // Ningguo | Wenchang
  s10: [113.338, 35.13] as LonLat,
  e1: [113.351, 35.143] as LonLat,
  e2: [113.348, 35.161] as LonLat,
  e3: [113.351, 35.177] as LonLat,
  e4: [113.349, 35.194] as LonLat,
  e5: [113.348, 35.205] as LonLat,
  n1: [113.334, 35.2125] as LonLat,
  n2: [113.318, 35.2125] as LonLat,
  n3: [113.296, 35.22] as LonLat,
  jWenchWenyuan: [113.276, 35.212] as LonLat, // Wenchang | Wenyuan
  n5: [113.258, 35.207] as LonLat,
  n6: [113.24, 35.199] as LonLat, // stays south of the city government (113.242, 35.216)
  jWenyuanYang: [113.222, 35.192] as LonLat, // Wenyuan | Yangmiao
  n8: [113.203, 35.179] as LonLat,
  n9: [113.184, 35.18] as LonLat,
  n10: [113.162, 35.177] as LonLat,
  n11: [113.142, 35.176] as LonLat,
  nw: [113.134, 35.169] as LonLat,
  w1: [113.133, 35.158] as LonLat,
  jYangSuj: [113.126, 35.141] as LonLat, // Yangmiao | Sujiazuo meet the west edge
  w3: [113.131, 35.127] as LonLat,
};

/** Zone ring in order (not closed). */
export const ZONE_RING: Ring = Object.values(Z);

/** Interior junctions where three units meet. */
const T1: LonLat = [113.205, 35.145]; // Sujiazuo, Yangmiao, Ningguo
const T2: LonLat = [113.226, 35.152]; // Yangmiao, Wenyuan, Ningguo
const T3: LonLat = [113.284, 35.153]; // Wenyuan, Wenchang, Ningguo

/** Internal borders, each drawn once and reused (reversed) by the unit on the other side. */
const B = {
  yangSuj: [Z.jYangSuj, [113.137, 35.142], [113.156, 35.14], [113.178, 35.142], [113.195, 35.146], T1] as Ring,
  sujNing: [T1, [113.207, 35.136], [113.203, 35.123], Z.jSujNing] as Ring,
  yangNing: [T1, [113.216, 35.15], T2] as Ring,
  wenyuanYang: [Z.jWenyuanYang, [113.226, 35.18], [113.224, 35.168], T2] as Ring,
  wenyuanNing: [T2, [113.245, 35.156], [113.265, 35.155], T3] as Ring,
  wenchWenyuan: [Z.jWenchWenyuan, [113.279, 35.198], [113.275, 35.185], [113.281, 35.17], T3] as Ring,
  wenchNing: [T3, [113.293, 35.143], [113.301, 35.132], Z.jNingWen] as Ring,
};

const rev = (r: Ring): Ring => [...r].reverse();
/** Zone boundary from vertex a to vertex b, walking counter-clockwise (both ends included). */
function along(a: LonLat, b: LonLat): Ring {
  const i = ZONE_RING.indexOf(a);
  const j = ZONE_RING.indexOf(b);
  const out: Ring = [];
  for (let k = i; ; k = (k + 1) % ZONE_RING.length) {
    out.push(ZONE_RING[k]!);
    if (k === j) return out;
  }
}
/** Concatenates chains that share their end points. */
const join = (...chains: Ring[]): Ring => chains.flatMap((c, i) => (i === 0 ? c : c.slice(1)));

export interface UnitFrame {
  id: string;
  name_zh: string;
  name_en: string;
  kind: 'township' | 'town' | 'subdistrict';
  ring: Ring;
}

export const UNITS: UnitFrame[] = [
  { id: 'tw-sujiazuo', name_zh: '苏家作乡', name_en: 'Sujiazuo Township', kind: 'township', ring: join(along(Z.jYangSuj, Z.jSujNing), rev(B.sujNing), rev(B.yangSuj)) },
  { id: 'tw-yangmiao', name_zh: '阳庙镇', name_en: 'Yangmiao Town', kind: 'town', ring: join(along(Z.jWenyuanYang, Z.jYangSuj), B.yangSuj, B.yangNing, rev(B.wenyuanYang)) },
  { id: 'tw-ningguo', name_zh: '宁郭镇', name_en: 'Ningguo Town', kind: 'town', ring: join(along(Z.jSujNing, Z.jNingWen), rev(B.wenchNing), rev(B.wenyuanNing), rev(B.yangNing), B.sujNing) },
  { id: 'tw-wenchang', name_zh: '文昌街道', name_en: 'Wenchang Subdistrict', kind: 'subdistrict', ring: join(along(Z.jNingWen, Z.jWenchWenyuan), B.wenchWenyuan, B.wenchNing) },
  { id: 'tw-wenyuan', name_zh: '文苑街道', name_en: 'Wenyuan Subdistrict', kind: 'subdistrict', ring: join(along(Z.jWenchWenyuan, Z.jWenyuanYang), B.wenyuanYang, B.wenyuanNing, rev(B.wenchWenyuan)) },
];

/** Rivers, west → east (the Xinhe runs north-west → south-east into the Dasha). */
export const DASHA: Ring = [
  [113.11, 35.147], [113.13, 35.1495], [113.15, 35.1485], [113.172, 35.151], [113.195, 35.1545], [113.222, 35.158],
  [113.245, 35.161], [113.268, 35.16], [113.29, 35.158], [113.312, 35.156], [113.335, 35.151], [113.35, 35.148], [113.368, 35.146],
];
export const JIANGGOU: Ring = [
  [113.15, 35.128], [113.175, 35.131], [113.2, 35.133], [113.225, 35.137], [113.25, 35.139], [113.272, 35.142],
  [113.292, 35.1445], [113.315, 35.146], [113.335, 35.151],
];
export const LI_SECTION: Ring = [[113.232, 35.186], [113.24, 35.181], [113.247, 35.176], [113.252, 35.17], [113.256, 35.164], [113.2585, 35.1606]];
export const XINHE: Ring = [[113.268, 35.216], [113.277, 35.204], [113.287, 35.193], [113.296, 35.182], [113.303, 35.171], [113.308, 35.162], [113.312, 35.156]];

/** Half-width (degrees of latitude, ≈420 m) of the ecological red line drawn along the Dasha River. */
export const RED_LINE_HALF_WIDTH = 0.0038;
