/**
 * 国土TXT writer for polygons: CGCS2000 Gauss–Krüger 3° or 6° zone (chosen, or from the data's
 * central meridian), eastings with the zone prefix, 界址点 numbered J1… through each parcel's rings,
 * every ring closed by repeating its first point (same 点号), 地块面积 in 公顷 from the ellipsoidal area.
 */
import proj4 from 'proj4';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { LAND_USE_CLASSES } from '../domain/landuse-palette';
import { makeIssue, type ImportIssue } from './types';

export interface GuotuWriteOptions {
  /** Zone width; default 3. */
  width?: 3 | 6;
  /** Zone number; default: from the mean longitude of the data. */
  zone?: number;
  /** 数据产生单位 in the header. */
  producer?: string;
  date?: Date;
}

/** Width and zone of a CGCS2000 Gauss–Krüger EPSG code with zone prefix (3°: 4513–4533, 6°: 4491–4501), else {}. */
export function guotuZoneOfCrs(crs: string | undefined): GuotuWriteOptions {
  const code = Number(/^EPSG:(\d+)$/i.exec(crs ?? '')?.[1]);
  if (code >= 4513 && code <= 4533) return { width: 3, zone: code - 4513 + 25 };
  if (code >= 4491 && code <= 4501) return { width: 6, zone: code - 4491 + 13 };
  return {};
}

/** The zone holding a longitude. */
export function zoneOf(lon: number, width: 3 | 6): number {
  return width === 3 ? Math.round(lon / 3) : Math.floor(lon / 6) + 1;
}

// Any line terminator a reader might split on, not only the CR/LF this project's reader does.
const LINE_BREAK = /[\r\n\v\f\u0085\u2028\u2029]+/g;

/**
 * A value as a record cell: the record is comma-separated and ends in “@”, one line. Commas and “@” become
 * their full-width forms (what a Chinese name would use anyway, so 项目名称 keeps its meaning) and line
 * breaks spaces; `changed` says so, for a note, as the value no longer reads back as it was.
 */
function cellOf(v: unknown): { text: string; changed: boolean } {
  if (v === null || v === undefined) return { text: '', changed: false };
  const raw = String(v).trim();
  const text = raw.replace(LINE_BREAK, ' ').replace(/,/g, '，').replace(/@/g, '＠');
  return { text, changed: text !== raw };
}

const present = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';

/** The first of `keys` the feature has a value for (a blank explicit field gives way to the next). */
function firstOf(props: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) if (present(props[k])) return props[k];
  return undefined;
}

const YDYH_NAMES = new Map(LAND_USE_CLASSES.map((c) => [c.code, c.name_zh]));

/**
 * The 地块 record's descriptive cells from the feature's own fields, else from those a red line (RED_LINE_FIELDS)
 * or a 三调 layer carries: 项目名称 is the parcel's name in 报批, its 用地用海 class its use.
 */
function recordFields(props: Record<string, unknown>): { 地块名称: unknown; 地块用途: unknown; 地类编码: unknown } {
  const code = firstOf(props, ['YDYHFLDM']);
  const className = present(code) ? YDYH_NAMES.get(String(code).normalize('NFKC').trim().toUpperCase()) : undefined;
  return {
    地块名称: firstOf(props, ['地块名称', 'XMMC', '项目名称', 'name_zh', 'name', 'NAME']),
    地块用途: firstOf(props, ['地块用途', 'YDYHFLMC']) ?? className ?? firstOf(props, ['DLMC']),
    地类编码: firstOf(props, ['地类编码', 'YDYHFLDM', 'DLBM']),
  };
}

/** A cell that had to change to keep the record one line (its reader would read it back otherwise). */
function valueNote(field: string, from: string, to: string, featureIndex: number, featureName: string): ImportIssue {
  return makeIssue('warning', 'guotu-value-cleaned', '国土TXT', `地块 ${featureName}: ${field} “${from}” holds a comma, “@” or line break, which would break the 国土TXT record; it was written as “${to}”.`, {
    featureIndex,
    featureName,
    params: { feature: featureName, from, to, field },
  });
}

function polygonsOf(g: Geometry | null): Position[][][] {
  if (g?.type === 'Polygon') return [g.coordinates];
  if (g?.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/**
 * @example
 * const { text } = exportGuotuTxt(parcels, { width: 3 }); // zone from the data, e.g. 38 at Jiaozuo
 */
export function exportGuotuTxt(features: readonly Feature<Geometry | null>[], options: GuotuWriteOptions = {}): { text: string; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const width = options.width ?? 3;
  const polys = features.filter((f) => polygonsOf(f.geometry).length > 0);
  const skipped = features.length - polys.length;
  if (skipped) issues.push(makeIssue('warning', 'export-geometry-skipped', '国土TXT', `${skipped} features are not polygons; 国土TXT holds parcels only, so they were left out.`, { params: { count: skipped, reason: 'not-polygon' } }));
  let lonSum = 0;
  let n = 0;
  for (const f of polys) for (const p of polygonsOf(f.geometry)) for (const q of p[0] ?? []) (lonSum += q[0]!), n++;
  const zone = options.zone ?? zoneOf(n ? lonSum / n : 114, width);
  const cm = width === 3 ? zone * 3 : zone * 6 - 3;
  const toGk = proj4('EPSG:4326', `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${zone * 1e6 + 500000} +y_0=0 +ellps=GRS80 +units=m +no_defs`);
  const d = options.date ?? new Date();
  const lines = [
    '[属性描述]',
    '格式版本号=1.01版本',
    `数据产生单位=${String(options.producer ?? '焦作规划图集').replace(LINE_BREAK, ' ').trim()}`,
    `数据产生日期=${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`,
    '坐标系=2000国家大地坐标系',
    `几度分带=${width}`,
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${zone}`,
    '精度=0.001',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ];
  polys.forEach((f, k) => {
    const props = (f.properties ?? {}) as Record<string, unknown>;
    // A multipolygon's parts become one 地块 each: 圈号 1 is the outline, higher 圈号 its holes.
    polygonsOf(f.geometry).forEach((rings, part) => {
      const poly: Polygon = { type: 'Polygon', coordinates: rings };
      const ha = geodesicArea(poly) / 10000;
      const body: string[] = [];
      let point = 0;
      rings.forEach((ring, r) => {
        const open = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring;
        const line = (no: number, p: Position) => {
          const [e, nth] = toGk.forward([p[0]!, p[1]!]);
          return `J${no},${r + 1},${nth!.toFixed(3)},${e!.toFixed(3)}`;
        };
        const first = point + 1;
        for (const p of open) body.push(line(++point, p));
        body.push(line(first, open[0]!));
      });
      const id = firstOf(props, ['地块编号', 'id']) ?? f.id ?? k + 1;
      const named = recordFields(props);
      const cells: [string, unknown][] = [['地块编号', part ? `${id}-${part + 1}` : id], ['地块名称', named.地块名称], ['图幅号', props['图幅号']], ['地块用途', named.地块用途], ['地类编码', named.地类编码]];
      const out = new Map<string, string>();
      for (const [field, v] of cells) {
        const c = cellOf(v);
        out.set(field, c.text);
        // once per feature, not per part: the value is the same in each
        if (c.changed && part === 0) issues.push(valueNote(field, String(v), c.text, features.indexOf(f), String(id)));
      }
      const record = [body.length, ha.toFixed(4), out.get('地块编号'), out.get('地块名称'), '面', out.get('图幅号'), out.get('地块用途'), out.get('地类编码')];
      lines.push(`${record.join(',')},@`, ...body);
    });
  });
  return { text: lines.join('\r\n') + '\r\n', issues };
}
