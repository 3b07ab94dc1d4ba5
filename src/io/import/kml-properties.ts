/**
 * Attributes of KML placemarks as a planner means them. `<Data>` values are untyped text, typed per column
 * like CSV cells (values/column-types.ts), so codes stay text and an exported number reads back a number.
 */
import { columnKinds, typedCell } from '../values/column-types';

type Props = Record<string, unknown>;

/** Names of the untyped `<Data name="…">` fields of a KML document. */
export function untypedDataNames(doc: Document): Set<string> {
  const out = new Set<string>();
  const nodes = doc.getElementsByTagName('Data');
  for (let i = 0; i < nodes.length; i++) out.add(nodes[i]!.getAttribute('name') ?? '');
  return out;
}

/** Types the `<Data>` columns of all placemarks at once; other properties are left as they are. */
export function typeDataColumns(props: Props[], names: ReadonlySet<string>, numeric?: readonly string[]): void {
  const cols = [...names].filter((n) => props.some((p) => typeof p[n] === 'string'));
  if (!cols.length) return;
  const rows = props.map((p) => cols.map((c) => (typeof p[c] === 'string' ? (p[c] as string) : '')));
  const kinds = columnKinds(cols, rows, numeric);
  for (const p of props) {
    cols.forEach((c, k) => {
      if (typeof p[c] === 'string') p[c] = typedCell(p[c] as string, kinds[k]!);
    });
  }
}

/** Style keys @tmcw/togeojson puts among the properties: styling, not attributes of the place. */
const STYLE_KEYS = /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-scale|icon-color|icon-opacity|icon-heading|icon-offset|icon-offset-units|label-scale|label-color|label-opacity|@geometry-type)$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text of an HTML fragment: tags dropped (never interpreted), entities decoded, whitespace tidied. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

/**
 * The field/value rows of an attribute table in a description (ArcGIS "Layer To KML", QGIS, Google Earth
 * balloons): rows of exactly two cells. Undefined when there are fewer than two such rows.
 */
export function descriptionTable(html: string): [string, string][] | undefined {
  const rows: [string, string][] = [];
  // Innermost rows only: a row that wraps a nested table is a frame, not a field.
  for (const tr of html.match(/<tr\b(?:(?!<tr\b)[\s\S])*?<\/tr\s*>/gi) ?? []) {
    const cells = (tr.match(/<t[dh]\b[\s\S]*?<\/t[dh]\s*>/gi) ?? []).map((c) => htmlToText(c));
    if (cells.length === 2 && cells[0]) rows.push([cells[0], cells[1]!]);
  }
  return rows.length >= 2 ? rows : undefined;
}

export interface KmlStyleSummary {
  color?: string;
  fillOpacity?: number;
  lineWidth?: number;
}

const hex = (v: unknown) => (typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v) ? v.toLowerCase() : undefined);

/**
 * Moves style keys out of the attributes, turns HTML descriptions into fields (a table) or plain text, and
 * returns the style most placemarks share, to style the layer with.
 */
export function tidyKmlProperties(props: Props[]): { style?: KmlStyleSummary; tableFields: Set<string> } {
  const colors = new Map<string, number>();
  const tableFields = new Set<string>();
  let fillOpacity: number | undefined;
  let lineWidth: number | undefined;
  for (const p of props) {
    const color = hex(p.fill) ?? hex(p.stroke);
    if (color) colors.set(color, (colors.get(color) ?? 0) + 1);
    if (typeof p['fill-opacity'] === 'number') fillOpacity ??= p['fill-opacity'];
    if (typeof p['stroke-width'] === 'number') lineWidth ??= p['stroke-width'];
    for (const k of Object.keys(p)) if (STYLE_KEYS.test(k)) delete p[k];
    const d = p.description;
    const html = d && typeof d === 'object' && (d as { '@type'?: unknown })['@type'] === 'html' ? String((d as { value?: unknown }).value ?? '') : undefined;
    if (html === undefined) continue;
    const table = descriptionTable(html);
    if (!table) {
      p.description = htmlToText(html);
      continue;
    }
    delete p.description;
    for (const [field, value] of table) {
      const key = field in p && p[field] !== value ? `${field}_1` : field;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      p[key] = value;
      tableFields.add(key);
    }
  }
  const top = [...colors.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const style: KmlStyleSummary = {
    ...(top ? { color: top } : {}),
    ...(fillOpacity !== undefined ? { fillOpacity: Math.min(1, Math.max(0, fillOpacity)) } : {}),
    ...(lineWidth !== undefined ? { lineWidth: Math.min(10, Math.max(0.5, lineWidth)) } : {}),
  };
  return { ...(Object.keys(style).length ? { style } : {}), tableFields };
}
