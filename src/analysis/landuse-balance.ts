import { intersectAreal } from './polygon-ops';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { compareCodes, detectLandUseFields, landUseClass, type LandUseFields, type RGB } from '../domain/landuse-palette';
import { neutralizeCell } from '../io/export/csv';
import { buildFeatureIndex, type FeatureIndex } from './feature-index';
import { geodesicArea } from './geodesic-area';
import { prepareZone } from './prepared-zone';
import { AREA_UNIT_M2 } from './units';
import { filterByZone } from './zone-filter';

export interface BalanceOptions {
  /** Where the class is stored; default: detected from the first feature's properties (YDYHFLDM/YDYHFLMC, else DLBM/DLMC). */
  fields?: LandUseFields;
  /** A prebuilt index of `features` (buildFeatureIndex), reused when a zone is given. */
  index?: FeatureIndex;
}

/** One row of a land-use balance table (用地平衡表). */
/** The land-use class a table row stands for. */
export interface ClassKey {
  /** Class code; null for the row of unrecognised classes. */
  code: string | null;
  level: 1 | 2 | null;
  parent: string | null;
  name_zh: string;
  name_en: string;
  rgb: RGB | null;
}

export interface BalanceRow extends ClassKey {
  /** Ellipsoidal (WGS84) area in m², of the parts inside the zone when one is given; and in ha and 亩. */
  areaM2: number;
  areaHa: number;
  areaMu: number;
  /** Share of the total area in percent, unrounded. */
  shareRaw: number;
  /** Share in percent rounded to 2 decimals by largest remainder (see {@link landUseBalance}). */
  share: number;
  /** Ids (`feature.id`, else `properties.id`, else the position) and positions of the features in the row. */
  featureIds: string[];
  featureIndices: number[];
  /** The unrecognised code/name pairs (only in the row with `code` null). */
  unknown?: { code: string; name: string; count: number; areaM2: number }[];
}

export interface LandUseBalance {
  /** Each first-level row followed by its second-level rows, in code order; the unrecognised row last. */
  rows: BalanceRow[];
  totalM2: number;
  totalHa: number;
  totalMu: number;
  /** Positions of features that were not counted: no (Multi)Polygon geometry. */
  skipped: number[];
}

/**
 * Land-use balance: area per first- and second-level class of the 2023 classification, in m², ha and 亩,
 * with shares. With a zone, only the part of each polygon inside it counts: candidates come from the feature
 * index, polygons wholly within the zone are measured as they are, the others are clipped (intersectAreal).
 *
 * Shares: first-level rows plus the unrecognised row add up to exactly 100.00 (largest-remainder rounding
 * of hundredths of a percent). The second-level rows of a class share out their parent's rounded share the
 * same way, together with the area coded only at first level (which has no row), so they add up to the
 * parent's share when every feature of the class has a second-level code.
 *
 * @example
 * const b = landUseBalance(landuseCurrent.features, centralUrbanArea.geometry);
 * b.rows.find((r) => r.code === '07') // { areaHa: 2419.2…, share: 78.04, featureIds: ['lu-cur-…', …], … }
 */
export function landUseBalance(
  features: readonly Feature[],
  zone?: Polygon | MultiPolygon | null,
  opts: BalanceOptions = {},
): LandUseBalance {
  const fields = opts.fields ?? detectLandUseFields(Object.keys(features.find((f) => f.properties)?.properties ?? {})) ??
    { codeField: 'YDYHFLDM', nameField: 'YDYHFLMC', scheme: 'ydyh' as const };
  const areas = measure(features, zone ?? null, opts.index);
  const skipped = features.flatMap((f, i) => (isAreal(f.geometry) ? [] : [i]));
  const rows = new Map<string, BalanceRow>();
  const unknownPairs = new Map<string, { code: string; name: string; count: number; areaM2: number }>();
  const direct = new Map<string, number>(); // area coded only at first level, per class
  let total = 0;
  for (const [i, areaM2] of areas) {
    const f = features[i]!;
    const code = fields.codeField ? f.properties?.[fields.codeField] : undefined;
    const name = fields.nameField ? f.properties?.[fields.nameField] : undefined;
    const cls = landUseClass(code, name, fields.scheme);
    const id = String(f.id ?? f.properties?.id ?? i);
    total += areaM2;
    if (!cls) {
      add(rows, null, null, null, '未识别用地', 'Unrecognised class', null, areaM2, id, i);
      const pair = { code: code == null ? '' : String(code), name: name == null ? '' : String(name) };
      const key = JSON.stringify(pair);
      const u = unknownPairs.get(key) ?? unknownPairs.set(key, { ...pair, count: 0, areaM2: 0 }).get(key)!;
      u.count++;
      u.areaM2 += areaM2;
      continue;
    }
    const top = cls.level === 1 ? cls : landUseClass(cls.parent)!;
    add(rows, top.code, 1, null, top.name_zh, top.name_en, top.rgb, areaM2, id, i);
    if (cls.level === 2) add(rows, cls.code, 2, cls.parent, cls.name_zh, cls.name_en, cls.rgb, areaM2, id, i);
    else direct.set(cls.code, (direct.get(cls.code) ?? 0) + areaM2);
  }
  const list = [...rows.values()].sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : compareCodes(a.code, b.code)));
  for (const r of list) r.shareRaw = total > 0 ? (r.areaM2 / total) * 100 : 0;
  roundShares(list, direct, total);
  const unknown = rows.get('');
  if (unknown) unknown.unknown = [...unknownPairs.values()].sort((a, b) => compareCodes(a.code, b.code));
  return { rows: list, totalM2: total, totalHa: total / AREA_UNIT_M2.ha, totalMu: total / AREA_UNIT_M2.mu, skipped };
}

function isAreal(g: Geometry | null): g is Polygon | MultiPolygon {
  return g?.type === 'Polygon' || g?.type === 'MultiPolygon';
}

/** Feature position → area (m²) inside the zone, for features with a positive area there. */
function measure(features: readonly Feature[], zone: Polygon | MultiPolygon | null, index?: FeatureIndex): Map<number, number> {
  const out = new Map<number, number>();
  const prepared = zone && prepareZone(zone);
  const idx = prepared && (index ?? buildFeatureIndex(features as Feature<Geometry | null>[]));
  const within = new Set(idx ? filterByZone(idx, prepared, 'within') : []);
  for (const i of idx ? filterByZone(idx, prepared, 'intersects') : features.keys()) {
    const g = features[i]!.geometry;
    if (!isAreal(g)) continue;
    const piece = !zone || within.has(i) ? g : intersectAreal(g, zone);
    const a = piece ? geodesicArea(piece) : 0;
    if (a > 0) out.set(i, a);
  }
  return out;
}

function add(
  rows: Map<string, BalanceRow>, code: string | null, level: 1 | 2 | null, parent: string | null,
  name_zh: string, name_en: string, rgb: RGB | null, areaM2: number, id: string, i: number,
): void {
  const key = code ?? '';
  let r = rows.get(key);
  if (!r) {
    r = { code, level, parent, name_zh, name_en, rgb, areaM2: 0, areaHa: 0, areaMu: 0, shareRaw: 0, share: 0, featureIds: [], featureIndices: [] };
    rows.set(key, r);
  }
  r.areaM2 += areaM2;
  r.areaHa = r.areaM2 / AREA_UNIT_M2.ha;
  r.areaMu = r.areaM2 / AREA_UNIT_M2.mu;
  r.featureIds.push(id);
  r.featureIndices.push(i);
}

/** Sets `share` on every row: see {@link landUseBalance}. */
function roundShares(rows: BalanceRow[], direct: ReadonlyMap<string, number>, total: number): void {
  if (total <= 0) return;
  const tops = rows.filter((r) => r.level !== 2);
  const topUnits = largestRemainder(tops.map((r) => (r.areaM2 / total) * 10000), 10000);
  tops.forEach((r, k) => {
    r.share = topUnits[k]! / 100;
    const children = rows.filter((c) => c.parent === r.code && r.code !== null);
    if (!children.length) return;
    const quotas = [...children, { areaM2: direct.get(r.code!) ?? 0 }].map((c) => (c.areaM2 / total) * 10000);
    const units = largestRemainder(quotas, topUnits[k]!);
    children.forEach((c, j) => (c.share = units[j]! / 100));
  });
}

/**
 * Integers that add up to `target`, each the floor or ceiling of its quota (Hamilton's method): floors
 * first, then one more to the largest fractional parts (ties: earlier first). Quotas should add up to
 * about `target`.
 * @example largestRemainder([33.3333, 33.3333, 33.3334], 100) // [33, 33, 34]
 */
export function largestRemainder(quotas: readonly number[], target: number): number[] {
  const floors = quotas.map((q) => Math.floor(q + 1e-9));
  let left = target - floors.reduce((s, v) => s + v, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - floors[i]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0 && order.length; k = (k + 1) % order.length, left--) floors[order[k]!.i]!++;
  for (let k = order.length - 1; left < 0 && k >= 0; k--) if (floors[order[k]!.i]! > 0) floors[order[k]!.i]!--, left++;
  return floors;
}

/** Areas and shares of one class on one side of a comparison. */
export interface BalanceSide {
  areaM2: number;
  areaHa: number;
  areaMu: number;
  share: number;
  shareRaw: number;
  featureIds: string[];
}

/** One class in 现状 (current) and 规划 (planned), and the change from current to planned. */
export interface ComparisonRow extends ClassKey {
  current: BalanceSide;
  planned: BalanceSide;
  /** planned − current; `sharePoints` from the rounded shares (as displayed), `sharePointsRaw` from raw ones. */
  change: { areaM2: number; areaHa: number; areaMu: number; sharePoints: number; sharePointsRaw: number };
  /** The unrecognised code/name pairs of either side (only in the row with `code` null). */
  unknown?: { code: string; name: string }[];
}

const EMPTY: BalanceSide = Object.freeze({ areaM2: 0, areaHa: 0, areaMu: 0, share: 0, shareRaw: 0, featureIds: [] as string[] });

/**
 * 现状/规划 side by side: one row per class present in either balance, in the balances' row order
 * (first level, its second level, …; unrecognised last); a class absent on one side counts 0 there.
 * @example
 * compareBalance(landUseBalance(current), landUseBalance(planned)).find((r) => r.code === '0703')?.change.areaHa // < 0
 */
export function compareBalance(current: LandUseBalance, planned: LandUseBalance): ComparisonRow[] {
  const keys = new Map<string, BalanceRow>();
  for (const r of [...current.rows, ...planned.rows]) if (!keys.has(r.code ?? '')) keys.set(r.code ?? '', r);
  const pairs = [current, planned].flatMap((b) => b.rows.find((x) => x.code === null)?.unknown ?? []);
  const unknown = [...new Map(pairs.map(({ code, name }) => [JSON.stringify([code, name]), { code, name }])).values()];
  const side = (b: LandUseBalance, key: string): BalanceSide => {
    const r = b.rows.find((x) => (x.code ?? '') === key);
    return r ? { areaM2: r.areaM2, areaHa: r.areaHa, areaMu: r.areaMu, share: r.share, shareRaw: r.shareRaw, featureIds: r.featureIds } : EMPTY;
  };
  return [...keys]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compareCodes(a, b)))
    .map(([key, r]) => {
      const c = side(current, key);
      const p = side(planned, key);
      const dM2 = p.areaM2 - c.areaM2;
      return {
        code: r.code, level: r.level, parent: r.parent, name_zh: r.name_zh, name_en: r.name_en, rgb: r.rgb,
        current: c, planned: p,
        change: {
          areaM2: dM2, areaHa: dM2 / AREA_UNIT_M2.ha, areaMu: dM2 / AREA_UNIT_M2.mu,
          sharePoints: Math.round((p.share - c.share) * 100) / 100, sharePointsRaw: p.shareRaw - c.shareRaw,
        },
        ...(r.code === null ? { unknown } : {}),
      };
    });
}

const H = {
  level: ['级别', 'Level'], code: ['用地代码', 'Code'], name: ['用地名称', 'Class'], m2: ['面积（平方米）', 'Area (m²)'],
  ha: ['面积（公顷）', 'Area (ha)'], mu: ['面积（亩）', 'Area (mu)'], share: ['占比（%）', 'Share (%)'], n: ['图斑数', 'Features'],
  cur: ['现状', 'Current'], pln: ['规划', 'Planned'], chg: ['变化', 'Change'], pts: ['占比变化（百分点）', 'Share change (points)'],
  total: ['合计', 'Total'],
} as const;

/**
 * A balance or comparison table as CSV (comma, CRLF, RFC 4180 quoting, no byte-order mark: add one for
 * Excel), with a total line. Headers are bilingual, `lang` first ("面积（公顷） / Area (ha)"); class names
 * are in `lang`. Every number is written with exactly 2 decimals (areas in m², ha and 亩; shares in % are
 * the largest-remainder shares, so first-level shares add up to 100.00). Text cells are formula-safe.
 * @example balanceToCsv(landUseBalance(features).rows, 'en') // "Level / 级别,Code / 用地代码,…\r\n1,01,Cultivated land,…"
 */
export function balanceToCsv(rows: readonly BalanceRow[] | readonly ComparisonRow[], lang: 'zh' | 'en'): string {
  const l = lang === 'zh' ? 0 : 1;
  const both = (zh: string, en: string) => (l ? `${en} / ${zh}` : `${zh} / ${en}`);
  const head = (h: readonly [string, string], side?: readonly [string, string]) =>
    side ? both(`${side[0]}${h[0]}`, `${side[1]} ${h[1].charAt(0).toLowerCase()}${h[1].slice(1)}`) : both(h[0], h[1]);
  const n = (v: number) => {
    const s = v.toFixed(2);
    return s === '-0.00' ? '0.00' : s;
  };
  const label = (r: BalanceRow | ComparisonRow) => {
    const name = l ? r.name_en : r.name_zh;
    const u = 'unknown' in r && r.unknown ? r.unknown.map((p) => `${p.code} ${p.name}`.trim()).join('; ') : '';
    return u ? `${name}: ${u}` : name;
  };
  const lead = (r: BalanceRow | ComparisonRow) => [r.level === null ? '' : String(r.level), r.code ?? '', label(r)];
  const units = (m2: readonly number[]) => [...m2.map(n), ...m2.map((v) => n(v / AREA_UNIT_M2.ha)), ...m2.map((v) => n(v / AREA_UNIT_M2.mu))];
  const tops = (rows as readonly (BalanceRow | ComparisonRow)[]).filter((r) => r.level !== 2);
  let header: string[];
  let body: string[][];
  if (!(rows.length > 0 && 'change' in rows[0]!)) {
    header = [head(H.level), head(H.code), head(H.name), head(H.m2), head(H.ha), head(H.mu), head(H.share), head(H.n)];
    body = (rows as readonly BalanceRow[]).map((r) => [...lead(r), ...units([r.areaM2]), n(r.share), String(r.featureIds.length)]);
    const m2 = (tops as BalanceRow[]).reduce((s, r) => s + r.areaM2, 0);
    const count = (tops as BalanceRow[]).reduce((s, r) => s + r.featureIds.length, 0);
    body.push(['', '', H.total[l], ...units([m2]), n(m2 > 0 ? 100 : 0), String(count)]);
  } else {
    const sides = [H.cur, H.pln, H.chg] as const;
    header = [head(H.level), head(H.code), head(H.name), ...[H.m2, H.ha, H.mu].flatMap((u) => sides.map((s) => head(u, s))),
      head(H.share, H.cur), head(H.share, H.pln), head(H.pts)];
    body = (rows as readonly ComparisonRow[]).map((r) => [...lead(r), ...units([r.current.areaM2, r.planned.areaM2, r.change.areaM2]),
      n(r.current.share), n(r.planned.share), n(r.change.sharePoints)]);
    const c = (tops as ComparisonRow[]).reduce((s, r) => s + r.current.areaM2, 0);
    const p = (tops as ComparisonRow[]).reduce((s, r) => s + r.planned.areaM2, 0);
    body.push(['', '', H.total[l], ...units([c, p, p - c]), n(c > 0 ? 100 : 0), n(p > 0 ? 100 : 0), n(0)]);
  }
  return [header, ...body].map((cells) => cells.map((c) => quote(neutralizeCell(c))).join(',')).join('\r\n');
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
