/**
 * CSV writer (papaparse unparse). Point layers get lon/lat columns; other geometries a WKT column
 * plus centroid lon/lat. Text that a spreadsheet would run as a formula gets a leading apostrophe.
 */
import Papa from 'papaparse';
import type { Feature, Geometry, Position } from 'geojson';
import { forEachPosition } from '../coords';
import { toWkt } from '../wkt';
import { prepareFeatures, type GeoJsonExportOptions } from './geojson';

export interface CsvExportOptions extends Omit<GeoJsonExportOptions, 'pretty'> {
  /** Start with a UTF-8 byte order mark so Excel opens Chinese text correctly. */
  bom?: boolean;
  delimiter?: string;
}

const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Neutralises spreadsheet formulas (= + - @ tab CR at the start) except plain numbers. */
export function neutralizeCell(s: string): string {
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) return `'${s}`;
  return s;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return neutralizeCell(v);
  return neutralizeCell(JSON.stringify(v));
}

/** Mean of a geometry's vertices (ring closing points not counted twice), like turf's centroid. */
export function vertexCentroid(g: Geometry): Position | undefined {
  let sx = 0;
  let sy = 0;
  let n = 0;
  const add = (ring: Position[], closed: boolean) => {
    const k = closed && ring.length > 1 ? ring.length - 1 : ring.length;
    for (let i = 0; i < k; i++) {
      sx += ring[i]![0]!;
      sy += ring[i]![1]!;
      n++;
    }
  };
  switch (g.type) {
    case 'Polygon':
      g.coordinates.forEach((r) => add(r, true));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => add(r, true)));
      break;
    default:
      forEachPosition(g, (p) => add([p], false));
  }
  return n ? [sx / n, sy / n] : undefined;
}

function freeName(name: string, taken: Set<string>): string {
  let n = name;
  while (taken.has(n)) n = `_${n}`;
  return n;
}

export function exportCsv(features: readonly Feature<Geometry | null>[], options: CsvExportOptions = {}): string {
  const prepared = prepareFeatures(features, options);
  const keys: string[] = [];
  const taken = new Set<string>();
  for (const f of prepared) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!taken.has(k)) {
        taken.add(k);
        keys.push(k);
      }
    }
  }
  const allPoints = prepared.every((f) => !f.geometry || f.geometry.type === 'Point');
  const geomCols = (allPoints ? ['lon', 'lat'] : ['wkt', 'centroid_lon', 'centroid_lat']).map((c) => freeName(c, taken));
  const round = (v: number | undefined) =>
    v === undefined ? '' : options.precision === undefined ? String(v) : String(Number(v.toFixed(options.precision)));
  const rows = prepared.map((f) => {
    const props = f.properties ?? {};
    const cells = keys.map((k) => cellText((props as Record<string, unknown>)[k]));
    const g = f.geometry;
    if (!g) return [...cells, ...geomCols.map(() => '')];
    if (allPoints && g.type === 'Point') return [...cells, round(g.coordinates[0]), round(g.coordinates[1])];
    const c = vertexCentroid(g);
    return [...cells, toWkt(g, options.precision), round(c?.[0]), round(c?.[1])];
  });
  const text = Papa.unparse({ fields: [...keys, ...geomCols].map(neutralizeCell), data: rows }, { delimiter: options.delimiter ?? ',', newline: '\r\n' });
  return options.bom ? `\uFEFF${text}` : text;
}
