import { PT_MM, type Measure, type PageItem } from './items';
import type { PageMetrics } from './layout';
import { wrap } from './layout';

/**
 * A one-page review sheet's table (三区三线合规审查表): item and finding, one row each, the verdict last,
 * drawn under the map frame in the page's own font. Texts arrive in the printed language.
 */
export interface SheetTable {
  heading: string;
  rows: [string, string][];
  verdict: { label: string; text: string; ok: boolean };
}

const lineH = (pt: number) => pt * PT_MM * 1.35;

interface Laid {
  label: number;
  rows: { label: string[]; value: string[]; color?: string }[];
}

function lay(sheet: SheetTable, width: number, m: PageMetrics, measure: Measure): Laid {
  const pad = 1.5 * m.k;
  const all: [string, string][] = [...sheet.rows, [sheet.verdict.label, sheet.verdict.text]];
  const label = Math.min(width * 0.35, Math.max(...all.map(([l]) => measure(l, m.bodyPt))) + 2 * pad);
  const rows = all.map(([l, v], i) => ({
    label: wrap(l, m.bodyPt, label - 2 * pad, measure),
    value: wrap(v, m.bodyPt, width - label - 2 * pad, measure),
    ...(i === all.length - 1 ? { color: sheet.verdict.ok ? '#1b5e20' : '#b00020' } : {}),
  }));
  return { label, rows };
}

function rowHeight(r: Laid['rows'][number], m: PageMetrics): number {
  return Math.max(r.label.length, r.value.length) * lineH(m.bodyPt) + 1.6 * m.k;
}

/** The height (mm) the sheet takes at this width: heading, rows, and the gap above it. */
export function sheetHeight(sheet: SheetTable, width: number, m: PageMetrics, measure: Measure): number {
  const laid = lay(sheet, width, m, measure);
  return 3 * m.k + lineH(m.subtitlePt) + m.k + laid.rows.reduce((h, r) => h + rowHeight(r, m), 0);
}

/** The sheet's items, its top-left at (x, y). */
export function sheetItems(sheet: SheetTable, x: number, y: number, width: number, m: PageMetrics, measure: Measure): PageItem[] {
  const laid = lay(sheet, width, m, measure);
  const pad = 1.5 * m.k;
  const out: PageItem[] = [];
  let top = y + 3 * m.k;
  out.push({ kind: 'text', x, y: top + lineH(m.subtitlePt) * 0.8, text: sheet.heading, size: m.subtitlePt, color: '#000', align: 'left', role: 'sheet' });
  top += lineH(m.subtitlePt) + m.k;
  const rule = (yy: number, w = 0.2): PageItem => ({ kind: 'line', x1: x, y1: yy, x2: x + width, y2: yy, stroke: '#555', lineMm: w * m.k });
  out.push(rule(top, 0.35));
  const start = top;
  laid.rows.forEach((r, i) => {
    const h = rowHeight(r, m);
    const last = i === laid.rows.length - 1;
    if (last) out.push({ kind: 'rect', x, y: top, w: width, h, fill: '#f3f3f3' });
    const text = (t: string, tx: number, k: number, color: string): PageItem => ({ kind: 'text', x: tx, y: top + 0.8 * m.k + lineH(m.bodyPt) * (k + 0.78), text: t, size: m.bodyPt, color, align: 'left', role: 'sheet' });
    r.label.forEach((t, k) => out.push(text(t, x + pad, k, '#333')));
    r.value.forEach((t, k) => out.push(text(t, x + laid.label + pad, k, r.color ?? '#000')));
    top += h;
    out.push(rule(top, last ? 0.35 : 0.2));
  });
  out.push({ kind: 'line', x1: x + laid.label, y1: start, x2: x + laid.label, y2: top, stroke: '#555', lineMm: 0.2 * m.k });
  return out;
}
