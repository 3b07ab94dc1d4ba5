/**
 * GeoJSON writer: an RFC 7946 FeatureCollection (no `crs` member, right-hand winding), properties
 * exactly as loaded, coordinates at full precision unless `precision` is given.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { mapPositions } from '../coords';
import { rewindGeometry } from '../winding';
import { hasKeys } from '../object-keys';

export interface GeoJsonExportOptions {
  /** Decimals kept in coordinates (e.g. 7 ≈ 1 cm); full precision when omitted. */
  precision?: number;
  /** Extra properties per feature (e.g. area from the analysis layer); they win over same-named ones. */
  derive?: (f: Feature) => Record<string, unknown>;
  /** Indent with two spaces (default true). */
  pretty?: boolean;
}

function roundTo(p: number): (v: number) => number {
  const k = 10 ** p;
  return (v) => Math.round(v * k) / k;
}


const KEYS_WITH_ID = ['type', 'id', 'geometry', 'properties'];
const KEYS_WITHOUT_ID = ['type', 'geometry', 'properties'];

/**
 * True when `f` already is the feature prepareFeatures would build from it (same members, same order,
 * same values), so writing `f` itself gives the same text: a plain object, type "Feature", a geometry
 * that is an object or null, properties present, and nothing else.
 */
function isPrepared(f: Feature<Geometry | null>, geometry: Geometry | null): boolean {
  return (
    f.type === 'Feature' &&
    f.geometry === geometry &&
    f.properties !== undefined &&
    Object.getPrototypeOf(f) === Object.prototype &&
    hasKeys(f, f.id === undefined ? KEYS_WITHOUT_ID : KEYS_WITH_ID)
  );
}

/**
 * Features ready for writing: rewound, optionally rounded, derived fields merged; inputs untouched.
 * A feature that needs none of this is passed through as it is (it is never modified).
 */
export function prepareFeatures(features: readonly Feature<Geometry | null>[], options: GeoJsonExportOptions = {}): Feature<Geometry | null>[] {
  const round = options.precision === undefined ? undefined : roundTo(options.precision);
  const derive = options.derive;
  const out: Feature<Geometry | null>[] = new Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    let geometry = f.geometry ? rewindGeometry(f.geometry, true) : null;
    if (geometry && round) geometry = mapPositions(geometry, (p) => p.map(round));
    const derived = derive?.(f as Feature);
    if (!derived && isPrepared(f, geometry)) {
      out[i] = f;
      continue;
    }
    const properties = (derived ? { ...(f.properties ?? {}), ...derived } : f.properties) ?? null;
    out[i] = f.id === undefined ? { type: 'Feature', geometry, properties } : { type: 'Feature', id: f.id, geometry, properties };
  }
  return out;
}

/** Writes features (or a collection) as GeoJSON text. */
export function exportGeoJson(
  input: readonly Feature<Geometry | null>[] | FeatureCollection<Geometry | null>,
  options: GeoJsonExportOptions = {},
): string {
  const features = Array.isArray(input) ? input : (input as FeatureCollection<Geometry | null>).features;
  const fc: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features: prepareFeatures(features, options) };
  return JSON.stringify(fc, null, options.pretty === false ? undefined : 2);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A safe download name: `suggestFileName('ppp-parcels', new Date(2026, 10, 24))` →
 * `ppp-parcels_2026-11-24.geojson`. Chinese is kept; characters that break file systems are not.
 */
export function suggestFileName(base: string, date: Date = new Date(), extension = 'geojson'): string {
  const safe =
    base
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
      .replace(/\s+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 100) || 'export';
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(safe) ? `${safe}_` : safe;
  const d = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `${reserved}_${d}.${extension.replace(/^\./, '')}`;
}
