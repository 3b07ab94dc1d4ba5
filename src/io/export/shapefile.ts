/**
 * Shapefile writer: @mapbox/shp-write's low-level `write` per geometry kind (points, lines,
 * polygons), zipped with fflate together with a WGS84 .prj, a UTF-8 .cpg and a `_fields.txt` naming the
 * field each (10-byte) dbf name holds. Works around
 * shp-write writing text by charCodeAt: names and values are passed as UTF-8 byte strings.
 */
import { write } from '@mapbox/shp-write';
import { zipSync } from 'fflate';
import type { Feature, Geometry, Position } from 'geojson';
import { rewindGeometry } from '../winding';
import { makeIssue, type ImportIssue } from '../types';
import { prepareFeatures, type GeoJsonExportOptions } from './geojson';

export type ShapefileExportOptions = Omit<GeoJsonExportOptions, 'pretty'> & { name?: string };

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const utf8 = new TextEncoder();
const toByteString = (s: string) => {
  let out = '';
  for (const b of utf8.encode(s)) out += String.fromCharCode(b);
  return out;
};

/** The longest prefix of `s` that fits in `max` UTF-8 bytes without cutting a character. */
export function truncateUtf8(s: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const n = utf8.encode(ch).length;
    if (bytes + n > max) break;
    bytes += n;
    out += ch;
  }
  return out;
}

const byteLength = (s: string) => utf8.encode(s).length;

/**
 * A field name cut to `max` UTF-8 bytes so it still reads: snake_case words are shortened from the
 * longest down ("investment_cny" → "invest_cny", "construction_start" → "cons_start"); other names keep
 * their first character and as much of their end as fits ("规划用地性质代码" → "规代码"), where names of one
 * family differ.
 */
function shorten(name: string, max: number): string {
  if (byteLength(name) <= max) return name;
  const words = name.split(/_+/).filter(Boolean);
  if (words.length > 1 && /^[\x20-\x7e]+$/.test(name)) {
    const lens = words.map((w) => w.length);
    while (lens.reduce((a, b) => a + b, 0) + words.length - 1 > max && Math.max(...lens) > 1) lens[lens.indexOf(Math.max(...lens))]!--;
    const out = words.map((w, i) => w.slice(0, lens[i])).join('_');
    if (out.length <= max) return out;
  }
  if (/^[\x20-\x7e]+$/.test(name)) return name.slice(0, max);
  const chars = [...name];
  let tail = '';
  for (let i = chars.length - 1; i > 0; i--) {
    if (byteLength(chars[0]! + chars[i]! + tail) > max) break;
    tail = chars[i]! + tail;
  }
  return chars[0]! + tail;
}

/** dbf field names: ≤ 10 UTF-8 bytes, whole characters, readable ({@link shorten}), unique ignoring case. */
export function dbfFieldNames(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const clean = (key === '__proto__' ? 'proto' : key.replace(/[\u0000-\u001f]/g, '')) || 'field';
    let name = shorten(clean, 10);
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = `_${k}`;
      name = shorten(clean, 10 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    out.set(key, name);
  }
  return out;
}

/**
 * The side file of a layer: each dbf field name and the field it holds, tab-separated (UTF-8 with BOM, so
 * Excel opens it too). A .txt inside a zip is passed over when the zip is imported again.
 */
function fieldMapText(names: ReadonlyMap<string, string>): string {
  const cell = (v: string) => v.replace(/[\t\r\n]/g, ' ');
  return `\uFEFFdbf_field\tfield\r\n${[...names].map(([key, name]) => `${cell(name)}\t${cell(key)}`).join('\r\n')}\r\n`;
}

/**
 * shp-write writes a null logical value as "F" (false); a blank is what GDAL reads as null (as it does
 * blank numbers and text). Patches the records of `dbf` where a logical value was null.
 */
function nullLogicals(dbf: Uint8Array, nulls: readonly (readonly boolean[])[], logical: readonly boolean[]): void {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerBytes = view.getUint16(8, true);
  const recordBytes = view.getUint16(10, true);
  const fieldCount = Math.floor((headerBytes - 33) / 32);
  const offsets: number[] = [];
  let at = 1;
  for (let f = 0; f < fieldCount; f++) {
    offsets.push(at);
    at += dbf[32 + f * 32 + 16]!;
  }
  nulls.forEach((row, r) => {
    row.forEach((isNull, f) => {
      if (isNull && logical[f]) dbf[headerBytes + r * recordBytes + offsets[f]!] = 0x20;
    });
  });
}

type Kind = 'point' | 'line' | 'polygon';
const SHP_TYPE = { point: 'POINT', line: 'POLYLINE', polygon: 'POLYGON' } as const;

interface Group {
  geometries: unknown[];
  props: Record<string, unknown>[];
}

function fieldType(values: unknown[]): 'number' | 'boolean' | 'string' {
  const defined = values.filter((v) => v !== null && v !== undefined);
  if (defined.length && defined.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'number';
  if (defined.length && defined.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

function writeGroup(kind: Kind, group: Group, file: string, issues: ImportIssue[]): { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array; fields: string } {
  const keys: string[] = [];
  for (const p of group.props) for (const k of Object.keys(p)) if (!keys.includes(k)) keys.push(k);
  const names = dbfFieldNames(keys);
  for (const [key, name] of names) {
    if (key !== name) issues.push(makeIssue('warning', 'shp-field-renamed', file, `Field "${key}" is written as "${name}" (dbf names hold at most 10 bytes).`, { params: { from: key, to: name } }));
  }
  const types = new Map(keys.map((k) => [k, fieldType(group.props.map((p) => p[k]))]));
  let truncated = 0;
  const nulls: boolean[][] = [];
  const rows = group.props.map((p) => {
    nulls.push(keys.map((k) => p[k] === null || p[k] === undefined));
    const row: Record<string, unknown> = {};
    for (const k of keys) {
      const v = p[k];
      let value: unknown = null;
      if (v !== null && v !== undefined) {
        if (types.get(k) !== 'string') value = v;
        else {
          const text = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
          const cut = truncateUtf8(text, 254);
          if (cut !== text) truncated++;
          value = toByteString(cut);
        }
      }
      Object.defineProperty(row, toByteString(names.get(k)!), { value, enumerable: true, writable: true, configurable: true });
    }
    return row;
  });
  if (truncated) issues.push(makeIssue('warning', 'shp-value-truncated', file, `${truncated} text values were longer than 254 bytes and were cut.`, { params: { count: truncated } }));
  let out: { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array; fields: string } | undefined;
  write(rows, SHP_TYPE[kind], group.geometries as object[], (err, files) => {
    if (err) throw err;
    const bytes = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    out = { shp: bytes(files.shp), shx: bytes(files.shx), dbf: bytes(files.dbf), fields: fieldMapText(names) };
  });
  // A field some features lack (features of other layers) is null for them, also where it is logical.
  nullLogicals(out!.dbf, nulls, keys.map((k) => types.get(k) === 'boolean'));
  return out!;
}

/** Writes features as a zipped shapefile set (one .shp per geometry kind), WGS84, UTF-8 attributes. */
export async function exportShapefile(
  features: readonly Feature<Geometry | null>[],
  options: ShapefileExportOptions = {},
): Promise<{ data: Uint8Array; issues: ImportIssue[] }> {
  const base = (options.name ?? 'export').replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-') || 'export';
  const issues: ImportIssue[] = [];
  const groups: Record<Kind, Group> = { point: { geometries: [], props: [] }, line: { geometries: [], props: [] }, polygon: { geometries: [], props: [] } };
  let exploded = 0;
  prepareFeatures(features, options).forEach((f, i) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const g = f.geometry ? rewindGeometry(f.geometry, false) : null; // shapefile: outer rings clockwise
    const add = (kind: Kind, coords: unknown) => {
      groups[kind].geometries.push(coords);
      groups[kind].props.push(props);
    };
    if (g?.type === 'Point') add('point', g.coordinates);
    else if (g?.type === 'MultiPoint') {
      g.coordinates.forEach((p: Position) => add('point', p));
      exploded++;
    } else if (g?.type === 'LineString') add('line', [g.coordinates]);
    else if (g?.type === 'MultiLineString') add('line', g.coordinates);
    else if (g?.type === 'Polygon') add('polygon', g.coordinates);
    else if (g?.type === 'MultiPolygon') add('polygon', g.coordinates);
    else {
      issues.push(makeIssue('warning', 'export-geometry-skipped', base, `Feature ${i} was not written: shapefiles cannot hold ${g ? g.type : 'a missing geometry'}.`, { featureIndex: i, params: { type: g ? g.type : 'null' } }));
    }
  });
  if (exploded) issues.push(makeIssue('warning', 'shp-multipoint-exploded', base, `${exploded} MultiPoint features were written as separate points with the same attributes.`, { params: { count: exploded } }));
  const kinds = (Object.keys(groups) as Kind[]).filter((k) => groups[k].geometries.length > 0);
  const entries: Record<string, Uint8Array> = {};
  for (const kind of kinds) {
    const layer = kinds.length === 1 ? base : `${base}_${kind}`;
    const files = writeGroup(kind, groups[kind], `${layer}.shp`, issues);
    entries[`${layer}.shp`] = files.shp;
    entries[`${layer}.shx`] = files.shx;
    entries[`${layer}.dbf`] = files.dbf;
    entries[`${layer}.prj`] = utf8.encode(WGS84_PRJ);
    entries[`${layer}.cpg`] = utf8.encode('UTF-8');
    entries[`${layer}_fields.txt`] = utf8.encode(files.fields);
  }
  return { data: zipSync(entries, { level: 6 }), issues };
}
