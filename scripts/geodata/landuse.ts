/**
 * Land use of the central urban area and its fringe, current (现状) and planned (规划), coded with the
 * 2023 national classification 《国土空间调查、规划、用途管制用地用海分类指南》.
 *
 * Both versions share one gently wiggled grid: column lines run north–south (four of them are the main
 * roads), row lines follow the Dasha River, the top row follows the zone's northern edge. Cells of one
 * row with the same code merge into one polygon. Because every polygon is built from the same grid
 * nodes, the polygons of a version tile the common extent exactly (no gaps, no slivers).
 */
import type { Polygon } from 'geojson';
import { jitter, latAt, northEdgeAt, polygon, type LonLat, type Ring } from './geo';
import { DASHA, ZONE_RING } from './frame';

/** Column lines (west → east), ≈1 km apart. */
const LONS = [113.214, 113.225, 113.236, 113.247, 113.258, 113.269, 113.28, 113.291, 113.302, 113.313, 113.324, 113.334, 113.344];
/** Row lines 0–4 are offsets from the river (° lat); 5–9 are fractions of the room up to the zone edge. */
const RIVER_OFFSETS = [-0.012, -0.006, -0.0022, 0.0022, 0.0045];
const UPPER_FRACTIONS = [0.16, 0.36, 0.56, 0.78, 1];
const TOP_MARGIN = 0.0025;

/** Grid node (i = column line, k = row line). Interior lines wiggle by up to ~60 m for a hand-drawn look. */
export function node(i: number, k: number): LonLat {
  const interiorCol = i > 0 && i < LONS.length - 1;
  const lon = LONS[i]! + (interiorCol ? 0.0006 * jitter(i, 0, 1) : 0);
  const river = latAt(DASHA, lon);
  let lat: number;
  if (k < RIVER_OFFSETS.length) lat = river + RIVER_OFFSETS[k]!;
  else {
    const base = river + RIVER_OFFSETS[RIVER_OFFSETS.length - 1]!;
    const top = northEdgeAt(ZONE_RING, lon) - TOP_MARGIN;
    lat = base + UPPER_FRACTIONS[k - RIVER_OFFSETS.length]! * (top - base);
  }
  const wiggleRow = k === 0 || (k >= 5 && k <= 8);
  return [lon, lat + (wiggleRow ? 0.0005 * jitter(i, k, 2) : 0)];
}

export const LAND_CLASSES: Record<string, { code: string; zh: string; en: string }> = {
  P1: { code: '0101', zh: '水田', en: 'Paddy field' },
  DR: { code: '0103', zh: '旱地', en: 'Dry farmland' },
  FO: { code: '0301', zh: '乔木林地', en: 'Arbor forest land' },
  RU: { code: '0701', zh: '城镇住宅用地', en: 'Urban residential land' },
  RH: { code: '0703', zh: '农村宅基地', en: 'Rural homestead land' },
  GV: { code: '0801', zh: '机关团体用地', en: 'Government and organisation land' },
  ED: { code: '0804', zh: '教育用地', en: 'Education land' },
  HO: { code: '0806', zh: '医疗卫生用地', en: 'Medical and health land' },
  CM: { code: '0901', zh: '商业用地', en: 'Commercial land' },
  IN: { code: '1001', zh: '工业用地', en: 'Industrial land' },
  LG: { code: '1101', zh: '物流仓储用地', en: 'Logistics and warehousing land' },
  RD: { code: '1207', zh: '城镇村道路用地', en: 'Urban and rural road land' },
  UT: { code: '13', zh: '公用设施用地', en: 'Public utility land' },
  PK: { code: '1401', zh: '公园绿地', en: 'Park green space' },
  PG: { code: '1402', zh: '防护绿地', en: 'Protective green space' },
  RS: { code: '16', zh: '留白用地', en: 'Reserved land (留白)' },
  WA: { code: '17', zh: '陆地水域', en: 'Land water area' },
};

/**
 * Cell codes, north row first, columns west → east ('..' = outside the mapped extent).
 * Industry east, farmland west; urban villages (0703) become housing (0701) in the plan; the Dasha
 * River (17) with a green belt either side; the PPP and resettlement parcels sit on 0701 in the plan.
 */
const CURRENT = [
  'DR RH ED RU ED RU RH RH RU IN DR DR',
  'DR RH RU RU ED RU RH RH RU IN IN DR',
  'DR DR GV RU ED RU RU RH RU RH IN IN',
  'DR RH RH HO RH RH RU RH RU RH IN DR',
  'DR DR RU RH RH RH DR RH RH DR IN DR',
  'P1 DR FO DR DR FO DR DR DR DR DR DR',
  'WA WA WA WA WA WA WA WA WA WA WA WA',
  'DR FO FO DR DR FO DR DR DR DR P1 FO',
  '.. P1 DR RH DR P1 DR UT RH DR DR ..',
];
const PLANNED = [
  'DR RU ED ED ED RU RU RU CM IN IN LG',
  'DR RU RU ED ED RU CM RU CM IN IN IN',
  'DR RU GV RU ED GV CM CM RU LG IN IN',
  'DR RU RU HO RU RU CM CM RU RU IN IN',
  'DR RS RU RU RU RU RU RU RU RD IN UT',
  'PG PK PK PK PK PK PK PK PK PG PG PG',
  'WA WA WA WA WA WA WA WA WA WA WA WA',
  'PG PG FO PG PG PK PG PG PG PG PG FO',
  '.. P1 FO RH DR P1 DR UT RH DR DR ..',
];

export type Version = 'current' | 'planned';
const ROWS = CURRENT.length;
const COLS = LONS.length - 1;

/** Code grid [row from south][column]; cells holding a village become rural homesteads (not water or utilities). */
export function codeGrid(version: Version, villageCells: Set<string>): (string | null)[][] {
  const src = version === 'current' ? CURRENT : PLANNED;
  const grid: (string | null)[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const cells = src[ROWS - 1 - r]!.split(' ');
    if (cells.length !== COLS) throw new Error(`land-use row ${r} has ${cells.length} cells`);
    grid.push(cells.map((c, col) => (c === '..' ? null : villageCells.has(`${r},${col}`) && c !== 'WA' && c !== 'UT' ? 'RH' : c)));
  }
  return grid;
}

/** The polygon of one grid cell (used to find which cell holds a point). */
export function cellPolygon(r: number, c: number): Polygon {
  return runPolygon(r, c, c);
}

function runPolygon(r: number, c0: number, c1: number): Polygon {
  const ring: Ring = [];
  for (let i = c0; i <= c1 + 1; i++) ring.push(node(i, r)); // south edge, west → east
  for (let i = c1 + 1; i >= c0; i--) ring.push(node(i, r + 1)); // north edge, east → west
  return polygon(ring);
}

export interface LandUseCell {
  code: string;
  geometry: Polygon;
}

/** Merges same-code runs within each row; returns polygons north row first, west → east. */
export function landUsePolygons(version: Version, villageCells: Set<string>): LandUseCell[] {
  const grid = codeGrid(version, villageCells);
  const out: LandUseCell[] = [];
  for (let r = ROWS - 1; r >= 0; r--) {
    const row = grid[r]!;
    for (let c = 0; c < COLS; ) {
      const code = row[c];
      let e = c;
      while (e + 1 < COLS && row[e + 1] === code) e++;
      if (code) out.push({ code, geometry: runPolygon(r, c, e) });
      c = e + 1;
    }
  }
  return out;
}

export const GRID = { rows: ROWS, cols: COLS };

/** Main roads drawn on grid lines so block edges and roads agree. */
export function columnLine(i: number, kFrom: number, kTo: number): LonLat[] {
  const out: LonLat[] = [];
  for (let k = kFrom; k <= kTo; k++) out.push(node(i, k));
  return out;
}
export function rowLine(k: number, iFrom: number, iTo: number): LonLat[] {
  const out: LonLat[] = [];
  for (let i = iFrom; i <= iTo; i++) out.push(node(i, k));
  return out;
}
