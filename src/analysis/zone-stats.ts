import { intersectAreal } from './polygon-ops';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { neutralizeCell } from '../io/export/csv';
import { buildFeatureIndex, type FeatureIndex } from './feature-index';
import { geodesicArea } from './geodesic-area';
import { prepareZone } from './prepared-zone';
import { filterByZone } from './zone-filter';

/** A statistics zone: a township, a drawn area, any (Multi)Polygon with names. */
export interface StatsZone {
  id: string;
  name_zh: string;
  name_en: string;
  geometry: Polygon | MultiPolygon;
}

/** A layer to count: its id and its features (ids from `feature.id`, else `properties.id`). */
export interface StatsLayer {
  layerId: string;
  features: readonly Feature[];
}

export interface ZoneStatsOptions {
  /** Calendar year for {@link ZoneStatsRow.investmentThisYearCny}; default 2017 (the report's year). */
  year?: number;
}

/** The figures of one zone. Every figure can be traced to the features behind it through `featureIds`. */
export interface ZoneStatsRow {
  zoneId: string;
  name_zh: string;
  name_en: string;
  /** The year used for `investmentThisYearCny`. */
  year: number;
  /** Ellipsoidal (WGS84) area of the zone, m². */
  zoneAreaM2: number;
  /** Per layer: features intersecting the zone (boundary contact counts). */
  counts: Record<string, number>;
  /** Ellipsoidal area (m²) of the parts of `ppp-parcels` polygons inside the zone. */
  parcelAreaM2: number;
  /**
   * Sum of `investment_cny` of the `key-projects` intersecting the zone that state one; null (unknown,
   * not 0) when there are such projects but none of them states one; 0 when there are none.
   */
  investmentCny: number | null;
  /**
   * Sum of `investment_cny` of the zone's key projects whose `start_date` lies in `year`. The report gives
   * no per-project planned amounts for 2017, so this is the total investment of projects starting that
   * year, not the money to be spent in it. Null (as above) when none of those projects states an investment.
   */
  investmentThisYearCny: number | null;
  /** Villages in the zone by standard; `livableShare` = livable / (livable + beautiful), 0–1, null without villages. */
  villages: { livable: number; beautiful: number; livableShare: number | null };
  /** Per layer: ids of the features counted in `counts`, in layer order. */
  featureIds: Record<string, string[]>;
}

const PARCELS = 'ppp-parcels';
const PROJECTS = 'key-projects';
const VILLAGES = 'villages';

/**
 * One row of statistics per zone: its area, the features of every layer that intersect it, the parcel
 * area inside it, the investment of its key projects and its villages by standard.
 *
 * Membership is "intersects" (zone-filter, planar lon/lat, boundary included): a point counts in the zone
 * containing it; a feature straddling two zones (a parcel, a road, or a point exactly on a shared border)
 * counts, with its full investment, in both, so column totals over zones may exceed the layer totals.
 * Parcel areas are not double counted: only the part inside each zone is measured (parcels wholly within
 * the zone are measured as they are; the others are clipped with turf `intersect` first).
 *
 * @example
 * zoneStatistics(townships.map((t) => ({ id: t.id, ...t.properties, geometry: t.geometry })),
 *   [{ layerId: 'villages', features: villages }, { layerId: 'key-projects', features: projects }]);
 * // [{ zoneId: 'tw-sujiazuo', zoneAreaM2: 25.8e6, counts: { villages: 18, 'key-projects': 0 }, … }, …]
 */
export function zoneStatistics(
  zones: readonly StatsZone[],
  layers: readonly StatsLayer[],
  opts: ZoneStatsOptions = {},
): ZoneStatsRow[] {
  const year = opts.year ?? 2017;
  const indexed = layers.map((l) => ({ ...l, index: buildFeatureIndex(l.features as Feature<Geometry | null>[]) }));
  return zones.map((zone) => zoneRow(zone, indexed, year));
}

function zoneRow(zone: StatsZone, layers: readonly (StatsLayer & { index: FeatureIndex })[], year: number): ZoneStatsRow {
  const prepared = prepareZone(zone.geometry);
  const row: ZoneStatsRow = {
    zoneId: zone.id,
    name_zh: zone.name_zh,
    name_en: zone.name_en,
    year,
    zoneAreaM2: geodesicArea(zone.geometry),
    counts: {},
    parcelAreaM2: 0,
    investmentCny: 0,
    investmentThisYearCny: 0,
    villages: { livable: 0, beautiful: 0, livableShare: null },
    featureIds: {},
  };
  for (const layer of layers) {
    const hits = filterByZone(layer.index, prepared, 'intersects');
    const features = hits.map((i) => layer.features[i]!);
    row.counts[layer.layerId] = hits.length;
    row.featureIds[layer.layerId] = hits.map((i) => featureId(layer.features[i]!, i));
    if (layer.layerId === PARCELS) {
      const within = new Set(filterByZone(layer.index, prepared, 'within'));
      row.parcelAreaM2 += hits.reduce((s, i) => s + areaInside(layer.features[i]!, within.has(i), zone.geometry), 0);
    } else if (layer.layerId === PROJECTS) {
      // No project: nothing invested (0). Projects of which none states an amount: unknown (null).
      const sum = (list: readonly Feature[]) => {
        const stated = list.map(investmentOf).filter((v): v is number => v !== null);
        return list.length && !stated.length ? null : stated.reduce((a, b) => a + b, 0);
      };
      row.investmentCny = sum(features);
      row.investmentThisYearCny = sum(features.filter((f) => startsIn(f, year)));
    } else if (layer.layerId === VILLAGES) {
      for (const f of features) {
        const standard = f.properties?.standard;
        if (standard === 'livable') row.villages.livable++;
        else if (standard === 'beautiful') row.villages.beautiful++;
      }
      const n = row.villages.livable + row.villages.beautiful;
      row.villages.livableShare = n > 0 ? row.villages.livable / n : null;
    }
  }
  return row;
}

/** Ellipsoidal area of the part of a polygon feature inside the zone; clipped only when not wholly within. */
function areaInside(f: Feature, within: boolean, zone: Polygon | MultiPolygon): number {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return 0;
  if (within) return geodesicArea(g);
  const piece = intersectAreal(g, zone);
  return piece ? geodesicArea(piece) : 0;
}

function featureId(f: Feature, i: number): string {
  return String(f.id ?? f.properties?.id ?? i);
}

function investmentOf(f: Feature): number | null {
  const v = f.properties?.investment_cny;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function startsIn(f: Feature, year: number): boolean {
  const d = f.properties?.start_date;
  return typeof d === 'string' && d.startsWith(`${year}-`);
}

/** Column headers of {@link zoneStatsToCsv}, per language. */
const HEADERS = {
  zh: {
    id: '编号', name: '名称', area: '面积（平方米）', count: (t: string) => `${t}（个数）`, parcels: '地块面积（平方米）',
    investment: '重点项目投资（元）', thisYear: (y: number) => `${y}年开工项目投资（元）`,
    livable: '宜居乡村（个）', beautiful: '美好乡村（个）', share: '宜居乡村占比（%）',
  },
  en: {
    id: 'ID', name: 'Name', area: 'Area (m²)', count: (t: string) => `${t} (count)`, parcels: 'Parcel area (m²)',
    investment: 'Key-project investment (CNY)', thisYear: (y: number) => `Investment of projects starting ${y} (CNY)`,
    livable: 'Livable villages', beautiful: 'Beautiful villages', share: 'Livable share (%)',
  },
} as const;

/**
 * The rows as CSV (comma, CRLF, RFC 4180 quoting), headers in `lang`. Numbers are unformatted: areas in m²
 * with 2 decimals, CNY as integers (empty where no project states one: unknown, not 0), the livable share
 * in percent with 2 decimals (empty without villages).
 * A count column per layer in the first row's layer order, titled from `layerTitles` (else the layer id).
 * Text cells starting with = + - @ are neutralised for spreadsheets. No byte-order mark: add one for Excel.
 *
 * @example
 * zoneStatsToCsv(rows, { villages: { zh: '美丽乡村', en: 'Beautiful villages' } }, 'en');
 * // "ID,Name,Area (m²),Beautiful villages (count),…\r\ntw-sujiazuo,Sujiazuo Township,25800000.00,18,…"
 */
export function zoneStatsToCsv(
  rows: readonly ZoneStatsRow[],
  layerTitles: Readonly<Record<string, { zh: string; en: string }>>,
  lang: 'zh' | 'en',
): string {
  const h = HEADERS[lang];
  const layerIds = rows[0] ? Object.keys(rows[0].counts) : Object.keys(layerTitles);
  const year = rows[0]?.year ?? 2017;
  const fields = [
    h.id, h.name, h.area,
    ...layerIds.map((id) => h.count(layerTitles[id]?.[lang] ?? id)),
    h.parcels, h.investment, h.thisYear(year), h.livable, h.beautiful, h.share,
  ].map(neutralizeCell);
  const data = rows.map((r) => [
    neutralizeCell(r.zoneId),
    neutralizeCell(lang === 'zh' ? r.name_zh : r.name_en),
    r.zoneAreaM2.toFixed(2),
    ...layerIds.map((id) => String(r.counts[id] ?? 0)),
    r.parcelAreaM2.toFixed(2),
    r.investmentCny === null ? '' : Math.round(r.investmentCny).toFixed(0),
    r.investmentThisYearCny === null ? '' : Math.round(r.investmentThisYearCny).toFixed(0),
    String(r.villages.livable),
    String(r.villages.beautiful),
    r.villages.livableShare === null ? '' : (r.villages.livableShare * 100).toFixed(2),
  ]);
  return Papa.unparse({ fields, data }, { delimiter: ',', newline: '\r\n' });
}
