/**
 * 国土TXT (界址点坐标 TXT, the land-administration exchange file for 用地报批 and 勘测定界): a
 * `[属性描述]` header (坐标系, 几度分带, 带号, 投影类型, 计量单位) and `[地块坐标]` records — one line
 * `界址点数,地块面积,地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,…,@` per 地块, then its points
 * `点号,圈号,X(north),Y(east)`. 圈号 1 is the outline, higher 圈号 are holes. Gauss–Krüger
 * coordinates with or without the zone prefix; the stated 地块面积 (公顷) is checked against the
 * ellipsoidal area.
 */
import type { Position } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { crsFromEpsg, resolveCrs, type ResolvedCrs } from './crs';
import { normalizeFeatures, type RawFeature } from './normalize';
import { createIdAllocator, type IdAllocator } from './sanitize';
import { baseName, decodeText } from './text';
export { looksLikeGuotuTxt } from './guotu-txt-sniff';
import { applyDatumShift } from './datum/datum-step';
import type { DatumShift } from './datum/datum-shift';
import { parseDatumShift } from './datum/datum-shift-input';
import { makeIssue, type CrsInfo, type ImportIssue, type ImportOptions, type ImportResult, type InputFile } from './types';

const RECORD_FIELDS = ['界址点数', '地块面积', '地块编号', '地块名称', '图形属性', '图幅号', '地块用途', '地类编码'] as const;

export interface GuotuHeader {
  [key: string]: string;
}

/** Source CRS from the header and the eastings: CGCS2000 zones by EPSG code, older datums by their ellipsoid. */
export function guotuCrs(header: GuotuHeader, eastings: number[], defaultCm = 114): { crs: ResolvedCrs; zone?: number; width: 3 | 6; notes: string[]; mismatch?: { header: number; data: number } } {
  const width: 3 | 6 = header['几度分带']?.trim() === '6' ? 6 : 3;
  const headerZone = Number.parseInt(header['带号'] ?? '', 10);
  const prefixes = new Set(eastings.map((e) => Math.floor(e / 1e6)));
  const dataZone = prefixes.size === 1 ? [...prefixes][0]! : undefined;
  const prefixed = dataZone !== undefined && dataZone > 0;
  const notes: string[] = [];
  let zone = prefixed ? dataZone : Number.isFinite(headerZone) ? headerZone : undefined;
  const mismatch = prefixed && Number.isFinite(headerZone) && headerZone !== dataZone ? { header: headerZone, data: dataZone! } : undefined;
  if (zone === undefined) {
    notes.push(`no 带号 and no zone prefix: central meridian ${defaultCm}E assumed`);
    zone = width === 3 ? Math.round(defaultCm / 3) : Math.round((defaultCm + 3) / 6);
  }
  const cm = width === 3 ? zone * 3 : zone * 6 - 3;
  const system = header['坐标系'] ?? '';
  const ellps = /西安|1980|80/.test(system) ? '+a=6378140 +rf=298.257' : /北京|1954|54/.test(system) ? '+ellps=krass' : undefined;
  if (!ellps) {
    const code = width === 3 ? (prefixed ? 4513 + zone - 25 : 4534 + (cm - 75) / 3) : prefixed ? 4491 + zone - 13 : 4502 + (cm - 75) / 6;
    const c = crsFromEpsg(code);
    if (c) return { crs: c, zone, width, notes, ...(mismatch ? { mismatch } : {}) };
  }
  if (ellps) {
    // Xian 1980 / Beijing 1954 zones by their EPSG numbering (PROJ's table, src/io/crs-epsg-old-table.ts).
    const xian = !ellps.includes('krass');
    const code =
      width === 3
        ? prefixed ? (xian ? 2349 : 2401) + zone - 25 : (xian ? 2370 : 2422) + (cm - 75) / 3
        : prefixed ? (xian ? 2327 : 21413) + zone - 13 : (xian ? 2338 : 21453) + (cm - 75) / 6;
    const c = Number.isInteger(code) ? crsFromEpsg(code) : undefined;
    if (c) return { crs: c, zone, width, notes, ...(mismatch ? { mismatch } : {}) };
  }
  const def = `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${prefixed ? zone * 1e6 + 500000 : 500000} +y_0=0 ${ellps ?? '+ellps=GRS80'} +units=m +no_defs`;
  const r = resolveCrs(def);
  if ('error' in r) throw new Error(r.error);
  const name = ellps ? (ellps.includes('krass') ? 'Beijing 1954' : 'Xian 1980') : 'CGCS2000';
  return { crs: { ...r, description: `${name} / Gauss-Kruger ${width}° zone ${zone} (CM ${cm}E)`, ...(ellps ? { note: 'datum-approx' as const } : {}) }, zone, width, notes, ...(mismatch ? { mismatch } : {}) };
}

/** The header's 转换参数 (ΔX,ΔY,ΔZ,rX,rY,rZ,scale) when all seven are given, plausible and not all zero. */
function statedTransform(text: string | undefined): DatumShift | undefined {
  const parts = (text ?? '').split(/[,，]/).map((v) => v.trim());
  if (parts.length !== 7 || parts.some((v) => !v)) return undefined;
  const [dx, dy, dz, rx, ry, rz, ppm] = parts;
  const r = parseDatumShift({ kind: 'helmert7', convention: 'position-vector', values: { dx, dy, dz, rx, ry, rz, ppm } });
  return 'shift' in r ? r.shift : undefined;
}

interface Parcel {
  line: number;
  props: Record<string, string | number>;
  /** 圈号 → [north, east] in file order. */
  rings: Map<number, { p: [number, number]; line: number }[]>;
  points: number;
}

function parseLines(text: string, file: string, issues: ImportIssue[]): { header: GuotuHeader; parcels: Parcel[]; sawHeader: boolean } {
  const header: GuotuHeader = {};
  const parcels: Parcel[] = [];
  let section = '';
  let sawHeader = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      if (section === '属性描述') sawHeader = true;
      continue;
    }
    if (section === '属性描述') {
      const eq = line.indexOf('=');
      if (eq > 0) header[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
      continue;
    }
    const cells = line.split(',').map((c) => c.trim());
    if (cells[cells.length - 1] === '@') {
      const props: Record<string, string | number> = {};
      cells.slice(0, -1).forEach((c, k) => {
        const key = RECORD_FIELDS[k] ?? `字段${k + 1}`;
        const num = k <= 1 && c !== '' ? Number(c) : NaN;
        props[key] = Number.isFinite(num) ? num : c;
      });
      parcels.push({ line: i + 1, props, rings: new Map(), points: 0 });
      continue;
    }
    const parcel = parcels[parcels.length - 1];
    const ring = Number(cells[1]);
    const north = Number(cells[2]);
    const east = Number(cells[3]);
    if (!parcel || cells.length < 4 || !Number.isInteger(ring) || !Number.isFinite(north) || !Number.isFinite(east)) {
      issues.push(makeIssue('warning', 'guotu-bad-line', file, `Line ${i + 1} is neither a 地块 record (ending in “@”) nor a point “点号,圈号,X,Y”; it was skipped.`, { line: i + 1 }));
      continue;
    }
    parcel.points++;
    const list = parcel.rings.get(ring) ?? [];
    list.push({ p: [north, east], line: i + 1 });
    parcel.rings.set(ring, list);
  }
  return { header, parcels, sawHeader };
}

/**
 * Reads a 国土TXT into one polygon layer.
 *
 * @example
 * const r = importGuotuTxt({ name: '报批.txt', bytes });
 * r.layers[0].features[0].properties['地块编号'];
 */
export function importGuotuTxt(file: InputFile, options: ImportOptions = {}, ids: IdAllocator = createIdAllocator()): ImportResult {
  const issues: ImportIssue[] = [];
  const name = file.name;
  const { text } = decodeText(file.bytes);
  const { header, parcels, sawHeader } = parseLines(text, name, issues);
  if (!sawHeader || header['带号'] === undefined) {
    issues.push(makeIssue('warning', 'guotu-header-missing', name, sawHeader ? 'The [属性描述] header has no 带号; the zone comes from the coordinates.' : 'The file has no [属性描述] header; CGCS2000 3° Gauss–Krüger is assumed and the zone comes from the coordinates.'));
  }
  if (parcels.length === 0) {
    issues.push(makeIssue('error', 'zip-no-data', name, 'The file has no 地块 records ([地块坐标] section).'));
    return { layers: [], issues };
  }
  const eastings = parcels.flatMap((p) => [...p.rings.values()].flatMap((r) => r.map((x) => x.p[1])));
  let src: ReturnType<typeof guotuCrs>;
  try {
    src = options.crs ? (() => { const r = resolveCrs(options.crs!); if ('error' in r) throw new Error(r.error); return { crs: r, width: 3 as const, notes: [] }; })() : guotuCrs(header, eastings, options.defaultCentralMeridian);
  } catch (e) {
    issues.push(makeIssue('error', 'crs-unknown', name, `The coordinate system could not be set up: ${(e as Error).message}.`));
    return { layers: [], issues };
  }
  if (src.mismatch) {
    issues.push(
      makeIssue('warning', 'guotu-zone-mismatch', name, `The header says 带号 ${src.mismatch.header} but the eastings carry zone ${src.mismatch.data}; the coordinates' zone ${src.mismatch.data} was used.`, {
        params: { header: src.mismatch.header, data: src.mismatch.data },
      }),
    );
  }
  for (const n of src.notes) issues.push(makeIssue('warning', 'crs-assumed', name, `Coordinate system assumed: ${src.crs.description} (${n}).`, { params: { crs: src.crs.id, description: src.crs.description, reason: n } }));
  src = { ...src, crs: applyDatumShift(name, src.crs, options.datumShift, issues) };
  const stated = statedTransform(header['转换参数']);
  if (stated && !options.datumShift) {
    const values = header['转换参数']!.trim();
    issues.push(makeIssue('info', 'guotu-transform-stated', name, `The header states 转换参数 ${values}; the file does not say which rotation convention they use, so they were not applied: fill them in under "Datum parameters", check the convention and import again.`, { params: { values } }));
  }
  if (src.crs.note === 'datum-approx') {
    issues.push(
      makeIssue('warning', 'crs-datum-approx', name, `"${src.crs.description}" uses an older Chinese datum converted without datum parameters; positions may be off by up to about 100 m. Enter local 7- or 4-parameter values under "Datum parameters" and import again.`, {
        params: { crs: src.crs.description },
      }),
    );
  }
  const raw: RawFeature[] = parcels.map((parcel, k) => {
    const label = String(parcel.props['地块编号'] || parcel.props['地块名称'] || `#${k + 1}`);
    const stated = parcel.props['界址点数'];
    if (typeof stated === 'number' && stated !== parcel.points) {
      issues.push(makeIssue('warning', 'guotu-point-count', name, `地块 ${label}: 界址点数 says ${stated} but ${parcel.points} points are listed.`, { featureIndex: k, featureName: label, line: parcel.line, params: { stated, listed: parcel.points } }));
    }
    const rings: Position[][] = [...parcel.rings.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([ringNo, pts]) => {
        const ring = pts.map((x) => [x.p[1], x.p[0]] as Position);
        const a = ring[0]!;
        const b = ring[ring.length - 1]!;
        if (a[0] !== b[0] || a[1] !== b[1]) {
          issues.push(makeIssue('warning', 'guotu-ring-unclosed', name, `地块 ${label}, 圈 ${ringNo}: the last point does not repeat the first; the ring was closed.`, { featureIndex: k, featureName: label, line: pts[pts.length - 1]!.line }));
          ring.push([a[0]!, a[1]!]);
        }
        return ring;
      });
    return { type: 'Feature', properties: { ...parcel.props }, geometry: { type: 'Polygon', coordinates: rings } } as RawFeature;
  });
  const { features, issues: fi } = normalizeFeatures(raw, { file: name, ids, crs: src.crs, owned: true });
  issues.push(...fi);
  features.forEach((f, k) => {
    const stated = f.properties?.['地块面积'];
    if (typeof stated !== 'number' || stated <= 0) return;
    const computed = geodesicArea(f) / 10000;
    // 0.1 %, but never less than the rounding of a 4-decimal 公顷 figure (small parcels).
    if (Math.abs(computed - stated) > Math.max(stated * 0.001, 0.00005 + 1e-9)) {
      const label = String(f.properties?.['地块编号'] || f.properties?.['地块名称'] || `#${k + 1}`);
      issues.push(
        makeIssue('warning', 'guotu-area-mismatch', name, `地块 ${label}: 地块面积 states ${stated} ha but the outline measures ${computed.toFixed(4)} ha (ellipsoidal), ${(((computed - stated) / stated) * 100).toFixed(2)} % apart.`, {
          featureIndex: k,
          featureName: label,
          params: { stated, computed: Number(computed.toFixed(4)) },
        }),
      );
    }
  });
  const crs: CrsInfo = { detected: src.crs.id, assumed: src.notes.length > 0, description: src.crs.description, ...(src.crs.datumShift ? { datumShift: src.crs.datumShift } : {}), ...(src.crs.gk ? { gkDatum: src.crs.gk.datum } : {}) };
  return { layers: [{ name: baseName(name), features, source: name, crs, ...(stated ? { statedDatumShift: stated } : {}) }], issues, crs };
}
