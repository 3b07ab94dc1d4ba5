/**
 * The Gauss–Krüger (transverse Mercator) definition behind a CRS, on the three Chinese datums' ellipsoids,
 * read from whatever the file declared (proj4 string, WKT, GDAL's PROJJSON). Datum parameters are
 * applied to these, so they work for every zone, declared or chosen.
 */
import proj4 from 'proj4';

export type ChineseDatum = 'xian1980' | 'beijing1954' | 'cgcs2000';

export interface GaussKruger {
  datum: ChineseDatum;
  /** Central meridian, °E. */
  lon0: number;
  lat0: number;
  k0: number;
  /** False easting in metres (zone number × 10⁶ + 500 000 when eastings carry the zone). */
  x0: number;
  y0: number;
  /** Ellipsoid: semi-major axis (m) and inverse flattening. */
  a: number;
  rf: number;
}

/** IAG 1975 (Xian 1980), Krassowsky 1940 (Beijing 1954), GRS 1980 (CGCS2000). */
function datumOf(a: number, rf: number): ChineseDatum | undefined {
  if (Math.abs(a - 6378140) < 0.01 && Math.abs(rf - 298.257) < 1e-6) return 'xian1980';
  if (Math.abs(a - 6378245) < 0.01 && Math.abs(rf - 298.3) < 1e-6) return 'beijing1954';
  if (Math.abs(a - 6378137) < 0.01 && Math.abs(rf - 298.257222101) < 1e-6) return 'cgcs2000';
  return undefined;
}

const TMERC_NAMES = /^(tmerc|etmerc|transverse[_ ]mercator|gauss[_ ]kruger|extended[_ ]transverse[_ ]mercator)$/i;
const DEG = 180 / Math.PI;

/**
 * @example gaussKrugerOf('+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=IAU76 +units=m')?.datum // 'xian1980'
 */
export function gaussKrugerOf(definition: string): GaussKruger | undefined {
  let p: Record<string, unknown>;
  try {
    p = new proj4.Proj(definition) as unknown as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const num = (k: string, d = 0) => (typeof p[k] === 'number' && Number.isFinite(p[k]) ? (p[k] as number) : d);
  if (!TMERC_NAMES.test(String(p.projName ?? ''))) return undefined;
  if (num('to_meter', 1) !== 1) return undefined;
  const a = num('a');
  const rf = num('rf') || (num('b') ? a / (a - num('b')) : 0);
  const datum = datumOf(a, rf);
  if (!datum) return undefined;
  return { datum, lon0: round(num('long0') * DEG), lat0: round(num('lat0') * DEG), k0: num('k0', 1), x0: num('x0'), y0: num('y0'), a, rf };
}

/** Degrees back from proj4's radians: 114.00000000000001 → 114. */
const round = (v: number) => Number(v.toFixed(10));

interface ProjjsonParam {
  name?: unknown;
  value?: unknown;
  id?: { code?: unknown };
}

/** From GDAL's PROJJSON (`ogrinfo -json` coordinateSystem.projjson) of a projected CRS. */
export function gaussKrugerOfProjjson(pj: unknown): GaussKruger | undefined {
  const j = pj as { type?: unknown; base_crs?: { datum?: { ellipsoid?: { semi_major_axis?: unknown; inverse_flattening?: unknown } } }; conversion?: { method?: { name?: unknown }; parameters?: ProjjsonParam[] } };
  if (j?.type !== 'ProjectedCRS' || !TMERC_NAMES.test(String(j.conversion?.method?.name ?? '').replace(/\s*\(.*\)$/, ''))) return undefined;
  const e = j.base_crs?.datum?.ellipsoid;
  const a = typeof e?.semi_major_axis === 'number' ? e.semi_major_axis : NaN;
  const rf = typeof e?.inverse_flattening === 'number' ? e.inverse_flattening : NaN;
  const datum = datumOf(a, rf);
  if (!datum) return undefined;
  const params = j.conversion?.parameters ?? [];
  const get = (code: number, name: RegExp) => {
    const p = params.find((x) => Number(x.id?.code) === code) ?? params.find((x) => name.test(String(x.name ?? '')));
    return typeof p?.value === 'number' ? p.value : undefined;
  };
  const lon0 = get(8802, /longitude of (natural )?origin|central meridian/i);
  if (lon0 === undefined) return undefined;
  return { datum, lon0, lat0: get(8801, /latitude of (natural )?origin/i) ?? 0, k0: get(8805, /scale factor/i) ?? 1, x0: get(8806, /false easting/i) ?? 0, y0: get(8807, /false northing/i) ?? 0, a, rf };
}

/** proj4 / PROJ string of the definition, with extra terms (`+towgs84=…`). */
export function gaussKrugerProj4(gk: GaussKruger, extra = ''): string {
  const ellps = gk.datum === 'cgcs2000' ? '+ellps=GRS80' : `+a=${gk.a} +rf=${gk.rf}`;
  return `+proj=tmerc +lat_0=${gk.lat0} +lon_0=${gk.lon0} +k=${gk.k0} +x_0=${gk.x0} +y_0=${gk.y0} ${ellps}${extra ? ` ${extra}` : ''} +units=m +no_defs`;
}

/** The zone prefix carried by the eastings, in metres (38 000 000 for zone 38), or 0. */
export function zonePrefixOffset(gk: GaussKruger): number {
  return gk.x0 >= 1e6 ? Math.floor(gk.x0 / 1e6) * 1e6 : 0;
}
