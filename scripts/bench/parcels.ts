/**
 * A synthetic parcel layer for the benchmarks: many small polygons over the demonstration zone, the same
 * bytes for the same seed. Pure (no file access); scripts/gen-parcels.ts writes it, scripts/bench.ts and
 * tests/unit/bench/gen-parcels.test.ts call it directly.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { INSIDE, OUTSIDE, prepareZone, type PreparedZone } from '../../src/analysis/prepared-zone';
import type { ProjectCategory } from '../../src/domain/schema';
import { mulberry32, randomInt, uniform, weightedPick } from './prng';

export interface ParcelProps {
  /** `P000001`, `P000002`, … in feature order (unique; also the feature's top-level id) */
  id: string;
  name_zh: string;
  name_en: string;
  category: ProjectCategory;
  investment_cny: number;
  status: ParcelStatus;
  /** the township whose polygon holds the parcel's centre; null when none does */
  township_id: string | null;
  /** ISO date, 2015-01-01 … 2027-12-28 */
  start_date: string;
  schematic: true;
}

export type ParcelStatus = 'planned' | 'approved' | 'under_construction' | 'completed';
export type Parcel = Feature<Polygon, ParcelProps>;

export interface Township {
  id: string;
  name_zh: string;
  name_en: string;
  geometry: Polygon | MultiPolygon;
}

export interface ParcelOptions {
  count: number;
  seed?: number;
  /** parcels are placed with every vertex inside this polygon */
  zone: Polygon | MultiPolygon;
  townships: readonly Township[];
}

/** Smallest and largest parcel size: the largest distance between two of its vertices (m, geodesic). */
export const MIN_ACROSS_M = 30;
export const MAX_ACROSS_M = 300;
export const MIN_VERTICES = 5;
export const MAX_VERTICES = 12;
/** Decimals kept in coordinates: 1e-7° ≈ 1 cm, as surveyed parcel data usually carry. */
export const COORD_DECIMALS = 7;

const CATEGORIES: readonly (readonly [ProjectCategory, number])[] = [
  ['industrial', 30],
  ['real_estate', 30],
  ['service', 18],
  ['social', 10],
  ['infrastructure', 12],
];
const CATEGORY_NAMES: Record<ProjectCategory, [zh: string, en: string]> = {
  industrial: ['工业', 'industrial'],
  real_estate: ['居住', 'residential'],
  service: ['商业服务', 'commercial service'],
  social: ['公共服务', 'public service'],
  infrastructure: ['基础设施', 'infrastructure'],
};
const STATUSES: readonly (readonly [ParcelStatus, number])[] = [
  ['planned', 35],
  ['approved', 20],
  ['under_construction', 25],
  ['completed', 20],
];

/**
 * Parcels over the zone: star-shaped polygons (5–12 vertices at increasing angles around a centre, so
 * never self-intersecting), 30–300 m across (log-uniform, most of them small), counter-clockwise (RFC 7946),
 * every vertex inside the zone. Parcels may overlap one another (200 000 of them cover several times the
 * zone's area); ids follow feature order. Deterministic: same options, same output.
 *
 * @example
 * const parcels = generateParcels({ count: 2000, seed: 42, zone: zone.geometry, townships });
 * parcels.features[0].properties.id // 'P000001'
 */
export function generateParcels(opts: ParcelOptions): FeatureCollection<Polygon, ParcelProps> {
  const rand = mulberry32(opts.seed ?? 42);
  const zone = prepareZone(opts.zone);
  const towns = opts.townships.map((t) => ({ ...t, prepared: prepareZone(t.geometry) }));
  const serial = new Map<string, number>();
  const features: Parcel[] = [];
  const width = Math.max(6, String(opts.count).length);
  while (features.length < opts.count) {
    const ring = parcelRing(rand, zone);
    if (!ring) continue;
    const [cx, cy] = ring.centre;
    const town = towns.find((t) => t.prepared.locate(cx, cy) !== OUTSIDE);
    const category = weightedPick(rand, CATEGORIES);
    const [catZh, catEn] = CATEGORY_NAMES[category];
    const key = `${town?.id ?? '-'}/${category}`;
    const n = (serial.get(key) ?? 0) + 1;
    serial.set(key, n);
    const id = `P${String(features.length + 1).padStart(width, '0')}`;
    const props: ParcelProps = {
      id,
      name_zh: `${town?.name_zh ?? '示范区'}${catZh}地块${n}号`,
      name_en: `${town?.name_en ?? 'Demonstration Zone'} ${catEn} parcel ${n}`,
      category,
      // 1 million to 2 billion CNY, log-uniform, whole ten-thousands (万元)
      investment_cny: Math.round(10 ** uniform(rand, 6, 9.3) / 1e4) * 1e4,
      status: weightedPick(rand, STATUSES),
      township_id: town?.id ?? null,
      start_date: isoDate(randomInt(rand, 2015, 2027), randomInt(rand, 1, 12), randomInt(rand, 1, 28)),
      schematic: true,
    };
    features.push({ type: 'Feature', id, geometry: { type: 'Polygon', coordinates: [ring.coords] }, properties: props });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Writes the collection as GeoJSON text, one feature per line (diff- and grep-friendly, still one JSON
 * document).
 */
export function parcelsToGeoJsonText(fc: FeatureCollection<Polygon, ParcelProps>): string {
  return [...parcelsGeoJsonChunks(fc)].join('');
}

/**
 * The same text in pieces of about 1 MB, for files past V8's longest string (2²⁹ − 24 characters; 1 000 000
 * parcels are 580 MB).
 */
export function* parcelsGeoJsonChunks(fc: FeatureCollection<Polygon, ParcelProps>): Generator<string> {
  let chunk = '{"type":"FeatureCollection","features":[\n';
  for (let i = 0; i < fc.features.length; i++) {
    chunk += (i ? ',\n' : '') + JSON.stringify(fc.features[i]);
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}\n]}\n`;
}

/** Reads zone and townships from geodata/*.geojson texts. */
export function zoneAndTownships(zoneText: string, townshipsText: string): { zone: Polygon | MultiPolygon; townships: Township[] } {
  const zoneFc = JSON.parse(zoneText) as FeatureCollection<Polygon | MultiPolygon>;
  const townFc = JSON.parse(townshipsText) as FeatureCollection<Polygon | MultiPolygon, { id: string; name_zh: string; name_en: string }>;
  const zone = zoneFc.features[0]!.geometry;
  const townships = townFc.features.map((f) => ({ id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en, geometry: f.geometry }));
  return { zone, townships };
}

// WGS84, for metres per degree at the parcel's centre (exact local scales of the ellipsoid).
const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const DEG = Math.PI / 180;

/** One closed CCW ring, or null when the drawn parcel does not lie inside the zone (the caller redraws). */
function parcelRing(rand: () => number, zone: PreparedZone): { centre: [number, number]; coords: number[][] } | null {
  const cx = uniform(rand, zone.minX, zone.maxX);
  const cy = uniform(rand, zone.minY, zone.maxY);
  const n = randomInt(rand, MIN_VERTICES, MAX_VERTICES);
  // target size, log-uniform, a hair inside the limits so rounding never crosses them
  const across = Math.exp(uniform(rand, Math.log(MIN_ACROSS_M + 0.5), Math.log(MAX_ACROSS_M - 1)));
  const rotation = rand() * 2 * Math.PI;
  const elongation = uniform(rand, 1, 2.5); // some parcels are long strips
  const s = Math.sin(cy * DEG);
  const w2 = 1 - E2 * s * s;
  const kx = ((A * Math.cos(cy * DEG)) / Math.sqrt(w2)) * DEG; // m per degree of longitude
  const ky = ((A * (1 - E2)) / (w2 * Math.sqrt(w2))) * DEG; // m per degree of latitude
  // vertices in local metres: strictly increasing angles, radii 0.55–1 of unit, stretched along x
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const angle = ((i + 0.1 + 0.8 * rand()) / n) * 2 * Math.PI;
    const r = uniform(rand, 0.55, 1);
    const x = r * Math.cos(angle) * elongation;
    const y = r * Math.sin(angle);
    pts.push([x * Math.cos(rotation) - y * Math.sin(rotation), x * Math.sin(rotation) + y * Math.cos(rotation)]);
  }
  let diameter = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) diameter = Math.max(diameter, Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1]));
  }
  const scale = across / diameter;
  const k = 10 ** COORD_DECIMALS;
  const coords = pts.map(([x, y]) => [Math.round((cx + (x * scale) / kx) * k) / k, Math.round((cy + (y * scale) / ky) * k) / k]);
  for (const [x, y] of coords) if (zone.locate(x!, y!) !== INSIDE) return null;
  coords.push([...coords[0]!]);
  return { centre: [cx, cy], coords };
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
