import type { PageSize } from './paper';
import { PT_MM, type Measure, type PageItem } from './items';
import { scaleBar } from './scale';
import { legendItems } from './legend-layout';
import type { LegendSection } from './legend';
import { sheetHeight, sheetItems, type SheetTable } from './sheet-layout';

// The page: title band on top, the map frame, a footer with producer, date, notes, the data note and the
// sources; legend, scale bar, north arrow and overview inside the frame; degree ticks around it.
// Sizes grow with the square root of the paper's short side, so A0 is legible from further away than A4.

export interface Furniture {
  legend: boolean;
  scaleBar: boolean;
  northArrow: boolean;
  grid: boolean;
  overview: boolean;
}

export interface PageTexts {
  title: string;
  subtitle: string;
  /** "编制单位：…", already labelled, or empty. */
  producer: string;
  date: string;
  notes: string;
  /** The schematic-data note (bundled data on the map), or empty. */
  dataNote: string;
  /** "数据来源：a.shp、b.gpkg", or empty. */
  sources: string;
  /** What the coordinate frame's numbers are, when not degrees; or empty. */
  gridNote?: string;
  /** A review sheet's table under the map (the one-page compliance sheet). */
  sheet?: SheetTable;
  legendTitle: string;
  north: string;
  /** "比例尺 1:10 000" for a denominator. */
  scaleText: (denominator: number) => string;
  /** "500 m", "2 km". */
  lengthText: (metres: number) => string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageMetrics {
  k: number;
  margin: number;
  titlePt: number;
  subtitlePt: number;
  bodyPt: number;
  legendPt: number;
  gridPt: number;
}

export function metrics(page: PageSize): PageMetrics {
  const k = Math.sqrt(Math.min(page.widthMm, page.heightMm) / 210);
  return { k, margin: 10 * k, titlePt: 18 * k, subtitlePt: 11 * k, bodyPt: 8 * k, legendPt: 7.5 * k, gridPt: 6 * k };
}

/** Words (Latin) or characters (CJK) of `text` in lines no wider than `width` mm. */
export function wrap(text: string, sizePt: number, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    const tokens = para.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) ?? [''];
    let line = '';
    for (const tok of tokens) {
      const next = line + tok;
      if (line.trim() && measure(next.trimEnd(), sizePt) > width) {
        lines.push(line.trimEnd());
        line = tok.trimStart();
      } else line = next;
    }
    lines.push(line.trimEnd());
  }
  return lines.filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
}

function footerLines(texts: PageTexts, width: number, m: PageMetrics, measure: Measure): string[] {
  const first = [texts.producer, texts.date].filter(Boolean).join('    ');
  return [first, texts.notes, texts.dataNote, texts.sources, texts.gridNote ?? ''].filter(Boolean).flatMap((t) => wrap(t, m.bodyPt, width, measure));
}

const lineH = (pt: number, factor = 1.35) => pt * PT_MM * factor;

/** Room for the degree labels beside the frame (left and right) and above/below it. */
function gridBands(m: PageMetrics, measure: Measure): { side: number; top: number } {
  return { side: measure('888°88′88″N', m.gridPt) + 2 * m.k, top: lineH(m.gridPt, 1.9) };
}

/** Where the map goes on the page. */
export function mapFrame(page: PageSize, texts: PageTexts, furniture: Furniture, measure: Measure): Rect {
  const m = metrics(page);
  const inner = page.widthMm - 2 * m.margin;
  const title = (texts.title ? lineH(m.titlePt, 1.3) : 0) + (texts.subtitle ? lineH(m.subtitlePt, 1.4) : 0) + (texts.title || texts.subtitle ? 2 * m.k : 0);
  const footer = footerLines(texts, inner, m, measure).length * lineH(m.bodyPt) + 2 * m.k;
  const g = furniture.grid ? gridBands(m, measure) : { side: 0, top: 0 };
  const sheet = texts.sheet ? sheetHeight(texts.sheet, inner, m, measure) : 0;
  return {
    x: m.margin + g.side,
    y: m.margin + title + g.top,
    w: page.widthMm - 2 * (m.margin + g.side),
    h: page.heightMm - 2 * m.margin - title - footer - 2 * g.top - sheet,
  };
}

export interface Composition {
  page: PageSize;
  frame: Rect;
  /** The overview's place on the page, when shown. */
  overview: Rect | null;
  items: PageItem[];
}

type Tick = { at: number; label: string };

export interface ComposeInput {
  page: PageSize;
  texts: PageTexts;
  furniture: Furniture;
  legend: readonly LegendSection[];
  /** Scale denominator at the frame's centre. */
  scale: number;
  /** Degree ticks: positions as shares of the frame (0–1) with their labels. */
  ticks: { lng: Tick[]; lat: Tick[]; lngBottom?: Tick[]; latRight?: Tick[] };
  /** Items the legend could not fit are counted in a last line. */
  moreText: (n: number) => string;
}

export function compose(input: ComposeInput, measure: Measure): Composition {
  const { page, texts, furniture } = input;
  const m = metrics(page);
  const frame = mapFrame(page, texts, furniture, measure);
  const items: PageItem[] = [{ kind: 'image', slot: 'map', ...frame }];
  const pad = 3 * m.k;
  let y = m.margin;
  if (texts.title) items.push({ kind: 'text', x: page.widthMm / 2, y: (y += lineH(m.titlePt, 1.0)), text: texts.title, size: m.titlePt, color: '#000', align: 'center', role: 'title' });
  if (texts.subtitle) items.push({ kind: 'text', x: page.widthMm / 2, y: (y += lineH(m.subtitlePt, texts.title ? 1.5 : 1.0)), text: texts.subtitle, size: m.subtitlePt, color: '#333', align: 'center', role: 'subtitle' });
  if (furniture.grid) items.push(...gridItems(frame, input.ticks, m));
  let overview: Rect | null = null;
  if (furniture.overview) {
    const w = Math.min(frame.w, frame.h) * 0.28;
    overview = { x: frame.x + pad, y: frame.y + pad, w, h: w * 0.75 };
    items.push({ kind: 'rect', ...overview, fill: '#fff' }, { kind: 'image', slot: 'overview', ...overview }, { kind: 'rect', ...overview, stroke: '#333', lineMm: 0.25 * m.k });
  }
  if (furniture.northArrow) items.push(...northArrow(frame, m, texts.north));
  if (furniture.legend && input.legend.length) items.push(...legendItems(input.legend, texts.legendTitle, input.moreText, { x: frame.x + pad, bottom: frame.y + frame.h - pad, maxW: frame.w * 0.5, maxH: frame.h * 0.6 - pad }, m, measure));
  if (furniture.scaleBar) items.push(...scaleBarItems(frame, input.scale, texts, m, measure));
  items.push({ kind: 'rect', ...frame, stroke: '#000', lineMm: 0.35 * m.k });
  let fy = frame.y + frame.h + (furniture.grid ? gridBands(m, measure).top : 0);
  if (texts.sheet) {
    items.push(...sheetItems(texts.sheet, m.margin, fy, page.widthMm - 2 * m.margin, m, measure));
    fy += sheetHeight(texts.sheet, page.widthMm - 2 * m.margin, m, measure);
  }
  fy += lineH(m.bodyPt) + m.k;
  for (const line of footerLines(texts, page.widthMm - 2 * m.margin, m, measure)) {
    items.push({ kind: 'text', x: m.margin, y: fy, text: line, size: m.bodyPt, color: '#222', align: 'left', role: 'footer' });
    fy += lineH(m.bodyPt);
  }
  return { page, frame, overview, items };
}

function gridItems(frame: Rect, ticks: ComposeInput['ticks'], m: PageMetrics): PageItem[] {
  const out: PageItem[] = [];
  const len = 1.5 * m.k;
  const line = (x1: number, y1: number, x2: number, y2: number): PageItem => ({ kind: 'line', x1, y1, x2, y2, stroke: '#000', lineMm: 0.2 * m.k });
  const text = (x: number, y: number, t: string, align: 'left' | 'center' | 'right'): PageItem => ({ kind: 'text', x, y, text: t, size: m.gridPt, color: '#000', align, role: 'grid' });
  const inside = (at: number) => at >= 0 && at <= 1;
  for (const { at, label } of ticks.lng.filter((t) => inside(t.at))) {
    const x = frame.x + at * frame.w;
    out.push(line(x, frame.y, x, frame.y - len), text(x, frame.y - len - 0.6 * m.k, label, 'center'));
  }
  for (const { at, label } of (ticks.lngBottom ?? ticks.lng).filter((t) => inside(t.at))) {
    const x = frame.x + at * frame.w;
    out.push(line(x, frame.y + frame.h, x, frame.y + frame.h + len), text(x, frame.y + frame.h + len + lineH(m.gridPt, 0.9), label, 'center'));
  }
  for (const { at, label } of ticks.lat.filter((t) => inside(t.at))) {
    const y = frame.y + at * frame.h;
    out.push(line(frame.x, y, frame.x - len, y), text(frame.x - len - 0.6 * m.k, y + lineH(m.gridPt, 0.35), label, 'right'));
  }
  for (const { at, label } of (ticks.latRight ?? ticks.lat).filter((t) => inside(t.at))) {
    const y = frame.y + at * frame.h;
    out.push(line(frame.x + frame.w, y, frame.x + frame.w + len, y), text(frame.x + frame.w + len + 0.6 * m.k, y + lineH(m.gridPt, 0.35), label, 'left'));
  }
  return out;
}

function northArrow(frame: Rect, m: PageMetrics, label: string): PageItem[] {
  const h = Math.max(9 * m.k, Math.min(frame.w, frame.h) * 0.06);
  const w = h * 0.5;
  const cx = frame.x + frame.w - 3 * m.k - w / 2 - 1.5 * m.k;
  const top = frame.y + 3 * m.k + lineH(m.bodyPt * 1.2, 1.1);
  return [
    { kind: 'rect', x: cx - w / 2 - 1.5 * m.k, y: frame.y + 3 * m.k - m.k, w: w + 3 * m.k, h: h + lineH(m.bodyPt * 1.2, 1.1) + 2.5 * m.k, fill: '#fff', opacity: 0.85 },
    { kind: 'text', x: cx, y: top - 0.5 * m.k, text: label, size: m.bodyPt * 1.2, color: '#000', align: 'center', role: 'north' },
    { kind: 'polygon', points: [[cx, top], [cx + w / 2, top + h], [cx, top + h * 0.72]], fill: '#fff', stroke: '#000', lineMm: 0.25 * m.k },
    { kind: 'polygon', points: [[cx, top], [cx - w / 2, top + h], [cx, top + h * 0.72]], fill: '#000', stroke: '#000', lineMm: 0.25 * m.k },
  ];
}

function scaleBarItems(frame: Rect, scale: number, texts: PageTexts, m: PageMetrics, measure: Measure): PageItem[] {
  const bar = scaleBar(scale, frame.w * 0.22);
  const pad = 2 * m.k;
  const barH = 1.6 * m.k;
  const scaleLabel = texts.scaleText(scale);
  const end = texts.lengthText(bar.metres);
  const w = Math.max(bar.mm + measure(end, m.legendPt) / 2 + measure('0', m.legendPt) / 2, measure(scaleLabel, m.legendPt)) + 2 * pad;
  const h = lineH(m.legendPt) * 2 + barH + 2 * pad;
  const x = frame.x + frame.w - 3 * m.k - w;
  const y = frame.y + frame.h - 3 * m.k - h;
  const bx = x + pad + measure('0', m.legendPt) / 2;
  const by = y + pad + lineH(m.legendPt) + m.k * 0.5;
  const out: PageItem[] = [
    { kind: 'rect', x, y, w, h, fill: '#fff', opacity: 0.85 },
    { kind: 'text', x: x + w / 2, y: y + pad + lineH(m.legendPt, 0.8), text: scaleLabel, size: m.legendPt, color: '#000', align: 'center', role: 'scale' },
  ];
  const seg = bar.mm / bar.segments;
  for (let i = 0; i < bar.segments; i++) out.push({ kind: 'rect', x: bx + i * seg, y: by, w: seg, h: barH, fill: i % 2 ? '#fff' : '#000', stroke: '#000', lineMm: 0.2 * m.k });
  const ly = by + barH + lineH(m.legendPt, 0.95);
  out.push({ kind: 'text', x: bx, y: ly, text: '0', size: m.legendPt, color: '#000', align: 'center', role: 'scale' });
  out.push({ kind: 'text', x: bx + bar.mm, y: ly, text: end, size: m.legendPt, color: '#000', align: 'center', role: 'scale' });
  return out;
}
