import { PT_MM, type Measure, type PageItem } from './items';
import type { LegendEntry, LegendSection } from './legend';
import type { PageMetrics } from './layout';

// The legend box in the frame's lower-left corner: a title, then per layer its name and its entries,
// flowing into further columns when taller than the room; what still does not fit is counted.

type Row = { kind: 'section'; text: string } | { kind: 'entry'; entry: LegendEntry };

function swatch(e: LegendEntry, x: number, y: number, w: number, h: number, k: number): PageItem[] {
  if (e.geometry === 'point') return [{ kind: 'circle', x: x + w / 2, y: y + h / 2, r: h * 0.38, fill: e.color, stroke: '#fff', lineMm: 0.2 * k }];
  if (e.geometry === 'line') return [{ kind: 'line', x1: x, y1: y + h / 2, x2: x + w, y2: y + h / 2, stroke: e.color, lineMm: 0.6 * k, dashed: e.dashed }];
  if (e.outline) return [{ kind: 'rect', x, y, w, h, stroke: e.color, lineMm: 0.5 * k, dashed: e.dashed }];
  return [{ kind: 'rect', x, y, w, h, fill: e.color, stroke: e.color, lineMm: 0.2 * k, opacity: 0.75 }];
}

export function legendItems(
  sections: readonly LegendSection[],
  title: string,
  moreText: (n: number) => string,
  room: { x: number; bottom: number; maxW: number; maxH: number },
  m: PageMetrics,
  measure: Measure,
): PageItem[] {
  const pt = m.legendPt;
  const rowH = pt * PT_MM * 1.55;
  const pad = 2 * m.k;
  const sw = { w: 5.5 * m.k, h: pt * PT_MM * 1.0, gap: 1.5 * m.k };
  const rows: Row[] = [];
  for (const s of sections) {
    const single = s.entries.length === 1 && s.entries[0]!.text === s.title;
    if (!single) rows.push({ kind: 'section', text: s.title });
    for (const entry of s.entries) rows.push({ kind: 'entry', entry });
  }
  const titleH = pt * 1.15 * PT_MM * 1.6;
  const perColumn = Math.max(1, Math.floor((room.maxH - 2 * pad - titleH) / rowH));
  const widthOf = (r: Row) => (r.kind === 'section' ? measure(r.text, pt) : sw.w + sw.gap + measure(r.entry.text, pt));
  const columns: Row[][] = [];
  for (let i = 0; i < rows.length; i += perColumn) columns.push(rows.slice(i, i + perColumn));
  const colGap = 4 * m.k;
  const colW = columns.map((c) => Math.max(...c.map(widthOf)));
  // Columns that would not fit in the room are dropped and counted.
  let used = 0;
  let keep = 0;
  for (const w of colW) {
    if (keep > 0 && used + colGap + w > room.maxW - 2 * pad) break;
    used += (keep > 0 ? colGap : 0) + w;
    keep++;
  }
  const hidden = columns.slice(keep).flat().filter((r) => r.kind === 'entry').length;
  const more = hidden > 0 ? moreText(hidden) : '';
  const height = Math.min(rows.length, perColumn) * rowH + titleH + (more ? rowH : 0) + 2 * pad;
  const width = Math.max(used, measure(title, pt * 1.15), more ? measure(more, pt) : 0) + 2 * pad;
  const x0 = room.x;
  const y0 = room.bottom - height;
  const out: PageItem[] = [
    { kind: 'rect', x: x0, y: y0, w: width, h: height, fill: '#fff', opacity: 0.88 },
    { kind: 'rect', x: x0, y: y0, w: width, h: height, stroke: '#555', lineMm: 0.2 * m.k },
    { kind: 'text', x: x0 + pad, y: y0 + pad + pt * 1.15 * PT_MM, text: title, size: pt * 1.15, color: '#000', align: 'left', role: 'legend-title' },
  ];
  let cx = x0 + pad;
  columns.slice(0, keep).forEach((col, ci) => {
    col.forEach((r, ri) => {
      const top = y0 + pad + titleH + ri * rowH;
      const base = top + rowH * 0.72;
      if (r.kind === 'section') out.push({ kind: 'text', x: cx, y: base, text: r.text, size: pt, color: '#000', align: 'left', role: 'legend-layer' });
      else {
        out.push(...swatch(r.entry, cx, top + (rowH - sw.h) / 2, sw.w, sw.h, m.k));
        out.push({ kind: 'text', x: cx + sw.w + sw.gap, y: base, text: r.entry.text, size: pt, color: '#000', align: 'left', role: 'legend-entry' });
      }
    });
    cx += colW[ci]! + colGap;
  });
  if (more) out.push({ kind: 'text', x: x0 + pad, y: y0 + height - pad - rowH * 0.28, text: more, size: pt, color: '#444', align: 'left', role: 'legend-more' });
  return out;
}
