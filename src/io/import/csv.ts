/**
 * CSV / TXT reader (papaparse, in the calling thread or worker): UTF-8 or GBK, coordinate columns
 * found by header name and value range (or chosen by the user), or a WKT column. Cells keep their text
 * unless their whole column is numeric (values/column-types.ts), so codes such as '0101' or 410802 stay codes.
 */
import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import { bboxOf, type Bbox } from '../coords';
import { inferCrs } from '../crs';
import { normalizeFeatures, type RawFeature } from '../normalize';
import { createIdAllocator, PROTOTYPE_KEYS, type IdAllocator } from '../sanitize';
import { baseName, decodeText } from '../text';
import { makeIssue, type CsvColumns, type CsvDetection, type ImportIssue, type ImportOptions, type ImportResult, type InputFile } from '../types';
import { parseWkt } from '../wkt';
import { codeLikeReason, columnKinds, typedCell } from '../values/column-types';
import { chooseCrs } from './crs-choice';
import { convertsGcj02, gcj02Step } from './gcj02-step';

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s_\-()（）[\]【】°]/g, '');
const LON = ['lon', 'lng', 'long', 'longitude', '经度', '东经', 'x', 'pointx', 'xcoord', 'east', 'easting', '东坐标', 'e'];
const LAT = ['lat', 'latitude', '纬度', '北纬', 'y', 'pointy', 'ycoord', 'north', 'northing', '北坐标', 'n'];
const WKT = ['wkt', 'geometry', 'geom', 'thegeom', 'wktgeom', 'shape', '几何', '空间'];

function findByName(headers: string[], names: string[], prefixes: string[]): string | undefined {
  const n = headers.map(norm);
  for (const name of names) {
    const i = n.indexOf(name);
    if (i >= 0) return headers[i];
  }
  const i = n.findIndex((h) => prefixes.some((p) => h.startsWith(p)));
  return i >= 0 ? headers[i] : undefined;
}

/** The exporter's formula guard ("'=A1") is taken off again, so such text reads back as written. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) && !/^'-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? s.slice(1) : s);

function toNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

function columnBbox(rows: string[][], xi: number, yi: number, limit = 500): Bbox | undefined {
  const pts: Geometry[] = [];
  for (const r of rows.slice(0, limit)) {
    const x = toNumber(r[xi]);
    const y = toNumber(r[yi]);
    if (x !== undefined && y !== undefined) pts.push({ type: 'Point', coordinates: [x, y] });
  }
  return bboxOf(pts);
}

/** Guesses coordinate (or WKT) columns from header names and values. `swapped` when x/y were reversed. */
export function detectCsvColumns(headers: string[], rows: string[][]): CsvColumns & { swapped?: boolean } {
  const lon = findByName(headers, LON, ['lon', 'lng', '经度']);
  const lat = findByName(headers, LAT, ['lat', '纬度']);
  if (lon && lat && lon !== lat) {
    const xi = headers.indexOf(lon);
    const yi = headers.indexOf(lat);
    const ok = (b?: Bbox) => !!b && !!inferCrs(b);
    const straight = columnBbox(rows, xi, yi);
    if (!ok(straight) && ok(columnBbox(rows, yi, xi))) return { lon: lat, lat: lon, swapped: true };
    return { lon, lat };
  }
  const wktName = findByName(headers, WKT, []);
  const sample = rows.slice(0, 20);
  const wktIdx = wktName ? headers.indexOf(wktName) : headers.findIndex((_, i) => sample.some((r) => /^\s*(SRID=\d+;)?\s*(MULTI)?(POINT|LINESTRING|POLYGON)/i.test(r[i] ?? '')));
  if (wktIdx >= 0 && sample.some((r) => parseWkt(r[wktIdx] ?? '').geometry)) return { wkt: headers[wktIdx] };
  // No names: the first pair of numeric columns that reads as lon/lat degrees over China.
  for (let xi = 0; xi < headers.length; xi++) {
    for (let yi = 0; yi < headers.length; yi++) {
      if (xi === yi) continue;
      const b = columnBbox(rows, xi, yi, 100);
      if (b && b[0] >= 70 && b[2] <= 140 && b[1] >= 0 && b[3] <= 56) return { lon: headers[xi], lat: headers[yi] };
    }
  }
  return {};
}

/** Reads a delimited text file; pass `options.csvColumns` to re-run with the user's columns. */
export function importCsv(input: InputFile, options: ImportOptions = {}, ids: IdAllocator = createIdAllocator()): ImportResult {
  const file = input.name;
  const issues: ImportIssue[] = [];
  const { text, encoding } = decodeText(input.bytes);
  if (encoding === 'gbk') issues.push(makeIssue('info', 'encoding-gbk', file, 'The file is GBK-encoded text, not UTF-8; decoded as GBK.', { params: { source: 'detected' } }));
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', dynamicTyping: false });
  for (const e of parsed.errors.slice(0, 20)) {
    const row = typeof e.row === 'number' ? e.row + 1 : undefined;
    issues.push(makeIssue('warning', 'csv-syntax', file, `CSV problem${row ? ` at row ${row}` : ''}: ${e.message}.`, { ...(row ? { line: row } : {}), params: { detail: e.code } }));
  }
  const [headerRow, ...rows] = parsed.data;
  if (!headerRow || headerRow.every((h) => !h.trim())) return { layers: [], issues: [...issues, makeIssue('error', 'file-empty', file, 'The file has no header row.')] };
  // Unique, non-empty, safe column names.
  const seen = new Set<string>();
  const headers = headerRow.map((h, i) => {
    let name = h.trim() || `column_${i + 1}`;
    if (PROTOTYPE_KEYS.has(name)) {
      issues.push(makeIssue('warning', 'prototype-key-removed', file, `The column "${name}" was renamed to "${name}_" (reserved JavaScript name).`, { params: { key: name } }));
      name = `${name}_`;
    }
    let unique = name;
    for (let k = 2; seen.has(unique); k++) unique = `${name}_${k}`;
    seen.add(unique);
    return unique;
  });
  const detected = detectCsvColumns(headers, rows);
  const chosen: CsvColumns = options.csvColumns ?? detected;
  const csvMeta: CsvDetection = { columns: headers, ...chosen };
  if (!options.csvColumns && detected.swapped) {
    issues.push(makeIssue('warning', 'csv-xy-swapped', file, `Column "${chosen.lon}" holds longitudes/eastings and "${chosen.lat}" latitudes/northings; they were used that way round.`, { params: { lon: chosen.lon ?? '', lat: chosen.lat ?? '' } }));
  }
  const xi = chosen.lon ? headers.indexOf(chosen.lon) : -1;
  const yi = chosen.lat ? headers.indexOf(chosen.lat) : -1;
  const wi = chosen.wkt ? headers.indexOf(chosen.wkt) : -1;
  if (wi < 0 && (xi < 0 || yi < 0)) {
    issues.push(makeIssue('error', 'csv-no-coordinates', file, 'No coordinate columns (longitude/latitude, X/Y) or WKT column were found; choose them and import again.', { params: { columns: headers.join(', ') } }));
    return { layers: [{ name: baseName(file), features: [], source: file, encoding, csv: csvMeta }], issues };
  }
  const kinds = columnKinds(headers, rows, options.csvNumeric);
  const kept = headers.filter((h, k) => kinds[k] === 'text' && k !== xi && k !== yi && k !== wi && codeLikeReason(h, rows.map((r) => r[k] ?? '')));
  if (kept.length) {
    issues.push(makeIssue('info', 'csv-codes-kept-text', file, `Column${kept.length > 1 ? 's' : ''} ${kept.map((h) => `"${h}"`).join(', ')} hold${kept.length > 1 ? '' : 's'} codes and stay${kept.length > 1 ? '' : 's'} text; mark ${kept.length > 1 ? 'them' : 'it'} numeric and import again to use ${kept.length > 1 ? 'them' : 'it'} as numbers.`, { params: { columns: kept.join(', ') } }));
  }
  csvMeta.numeric = headers.filter((h, k) => kinds[k] === 'number' && k !== xi && k !== yi && k !== wi);
  // A row is named by its id/code and name columns ("1045A 市政府"), so the planner finds it.
  const idCol = headers.findIndex((h, k) => k !== xi && k !== yi && /(编码|编号|站号|^id$|^code$|^fid$|^bsm$|^dkbh$)/i.test(h));
  const nameCol = headers.findIndex((h, k) => k !== xi && k !== yi && /(名称|站名|地名|^name$|^name_zh$|^title$|^mc$)/i.test(h));
  const rowLabel = (r: string[]) => [idCol, nameCol].filter((k) => k >= 0).map((k) => (r[k] ?? '').trim()).filter(Boolean).join(' ').slice(0, 60);
  const raw: RawFeature[] = [];
  const rowNumbers: number[] = [];
  rows.forEach((r, i) => {
    const rowNo = i + 1;
    const label = rowLabel(r);
    const bad = (code: 'csv-bad-row' | 'wkt-invalid', msg: string, extra: Record<string, string> = {}) =>
      issues.push(
        makeIssue('error', code, file, `Row ${rowNo}${label ? `, ${label}` : ''}: ${msg} The row was not loaded.`, {
          row: rowNo,
          line: rowNo + 1,
          ...(label ? { featureName: label } : {}),
          params: { row: rowNo, ...extra },
        }),
      );
    let geometry: Geometry | null = null;
    if (wi >= 0) {
      const w = parseWkt(r[wi] ?? '');
      if (w.error || !w.geometry) return bad('wkt-invalid', w.error ? `the WKT is invalid (${w.error}).` : 'the WKT geometry is empty.');
      geometry = w.geometry;
    } else {
      const x = toNumber(r[xi]);
      const y = toNumber(r[yi]);
      if (x === undefined || y === undefined) {
        const [column, value] = x === undefined ? [chosen.lon!, r[xi] ?? ''] : [chosen.lat!, r[yi] ?? ''];
        const empty = value.trim() === '';
        return bad('csv-bad-row', empty ? `${column} is empty.` : `${column} is not a number ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}").`, { column, problem: empty ? 'empty' : 'not-a-number', value: value.slice(0, 40) });
      }
      geometry = { type: 'Point', coordinates: [x, y] };
    }
    const properties: Record<string, unknown> = {};
    headers.forEach((h, k) => {
      if (k !== xi && k !== yi && k !== wi) properties[h] = typedCell(unguard(r[k] ?? ''), kinds[k]!);
    });
    raw.push({ geometry, properties });
    rowNumbers.push(i);
  });
  const choice = chooseCrs({ file, defaultWgs84: false, bbox: bboxOf(raw.map((f) => f.geometry as Geometry)), options });
  issues.push(...choice.issues);
  if (!choice.crs && raw.length) return { layers: [], issues };
  const { features, issues: fi } = normalizeFeatures(raw, {
    file,
    ids,
    gcj02: convertsGcj02(options, file),
    indexOf: (k) => rowNumbers[k]!,
    lineOf: (k) => rowNumbers[k]! + 2,
    ...(choice.crs ? { crs: choice.crs } : {}),
  });
  // Problems found while normalizing are about rows too.
  for (const issue of fi) {
    if (issue.featureIndex === undefined) continue;
    issue.row = issue.featureIndex + 1;
    const label = rowLabel(rows[issue.featureIndex] ?? []);
    if (label) issue.featureName = label;
    delete issue.featureIndex;
  }
  issues.push(...fi);
  const gcj = choice.crs?.geographic === false ? { issues: [], layer: {} } : gcj02Step(features, file, options, { declared: false, formatImpliesWgs84: false, coordinateFields: [chosen.lon, chosen.lat, chosen.wkt].filter((c): c is string => !!c) });
  issues.push(...gcj.issues);
  const layer = {
    name: baseName(file),
    features,
    source: file,
    encoding,
    csv: csvMeta,
    ...(choice.info ? { crs: choice.info } : {}),
    ...gcj.layer,
  };
  return { layers: [layer], issues, ...(choice.info ? { crs: choice.info } : {}) };
}
