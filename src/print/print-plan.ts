import type { Measure } from './items';
import { compose, mapFrame, metrics, type Composition, type Furniture, type PageTexts } from './layout';
import { printLegend, type LegendLayer, type PrintLang } from './legend';
import { CSS_DPI, customSizeProblem, mmToPx, pageSize, type Orientation, type PageSize, type PaperName } from './paper';
import { fitBox, frameBounds, framePosition, type BBox, type FrameView } from './extent';
import { scaleAtZoom, scaleProblem, zoomForScale } from './scale';
import { dmsLabel, graticule } from './graticule';
import { gkFrame, gkZone } from './gk-grid';
import type { SheetTable } from './sheet-layout';
import { noteItems, type PrintNote } from './note-text';

// From the dialog's settings and what the map shows to a plan of the page: the composition, the view the
// map frame is drawn at, its size in pixels, or why it cannot be printed.

export type ExtentKind = 'view' | 'selection' | 'zone' | 'scale';

export interface PrintSettings {
  paper: PaperName;
  orientation: Orientation;
  custom: PageSize;
  dpi: number;
  extent: ExtentKind;
  /** Denominator for the fixed-scale extent. */
  scale: number;
  lang: PrintLang;
  format: 'pdf' | 'png';
  furniture: Furniture;
  /** The coordinate frame in degrees or in CGCS2000 Gauss–Krüger metres. */
  gridUnits: 'degrees' | 'gk';
  /** The one-page 三区三线 compliance sheet: the checked feature framed, its table under the map. */
  sheet: boolean;
}

export interface PrintInputs {
  /** What the map shows now. */
  view: { center: [number, number]; bounds: BBox };
  selectionBox: BBox | null;
  zoneBox: BBox | null;
  /** The legend's layers for the printed bounds (what is shown there, in map order, top first). */
  legendFor: (bounds: BBox) => readonly LegendLayer[];
  texts: PageTexts;
  moreText: (n: number) => string;
  /** The footer line naming a Gauss–Krüger frame's coordinate system. */
  gridNote: (crs: string, epsg: number) => string;
  /** The largest side (px) the browser draws a map at. */
  maxSide: number;
  /** The compliance sheet of the one feature selected (or open), when there is one to check. */
  sheet: { table: SheetTable; box: BBox } | null;
  /** The review notes shown in the printed bounds, laid over their labels as text; none when absent. */
  notesFor?: (bounds: BBox) => readonly PrintNote[];
}

export type PlanProblem =
  | { kind: 'customSize'; reason: NonNullable<ReturnType<typeof customSizeProblem>> }
  | { kind: 'scale'; reason: NonNullable<ReturnType<typeof scaleProblem>> }
  | { kind: 'noSelection' }
  | { kind: 'noZone' }
  | { kind: 'noSheet' }
  | { kind: 'frameTooSmall' }
  /** The map frame needs `width` × `height` px; the browser draws at most `max` a side: `largestDpi` fits. */
  | { kind: 'tooLarge'; width: number; height: number; max: number; largestDpi: number };

export interface PrintPlan {
  composition: Composition;
  view: FrameView;
  /** Frame size in CSS pixels and the device pixels per CSS pixel the map is drawn at. */
  css: { width: number; height: number };
  pixelRatio: number;
  pixels: { width: number; height: number };
  scale: number;
  bounds: BBox;
}

function frameViewFor(s: PrintSettings, inputs: PrintInputs, w: number, h: number): FrameView | PlanProblem {
  // A compliance sheet frames the feature it reports on, whatever the extent chosen.
  if (s.sheet) return inputs.sheet ? fitBox(inputs.sheet.box, w, h) : { kind: 'noSheet' };
  switch (s.extent) {
    case 'view':
      return fitBox(inputs.view.bounds, w, h, 0);
    case 'selection':
      return inputs.selectionBox ? fitBox(inputs.selectionBox, w, h) : { kind: 'noSelection' };
    case 'zone':
      return inputs.zoneBox ? fitBox(inputs.zoneBox, w, h) : { kind: 'noZone' };
    case 'scale': {
      const problem = scaleProblem(s.scale);
      if (problem) return { kind: 'scale', reason: problem };
      return { center: inputs.view.center, zoom: zoomForScale(s.scale, inputs.view.center[1]) };
    }
  }
}

export function planPrint(s: PrintSettings, inputs: PrintInputs, measure: Measure): PrintPlan | PlanProblem {
  if (s.paper === 'custom') {
    const reason = customSizeProblem(s.custom.widthMm, s.custom.heightMm);
    if (reason) return { kind: 'customSize', reason };
  }
  const page = pageSize(s.paper, s.orientation, s.custom);
  // A Gauss–Krüger frame names its zone in the footer, and the footer sets the frame's size. The zone comes
  // from the view's centre, which does not depend on the frame's size (any size gives the same centre).
  const centre = frameViewFor(s, inputs, 1000, 1000);
  if ('kind' in centre) return centre;
  const zone = s.furniture.grid && s.gridUnits === 'gk' ? gkZone(centre.center[0]) : null;
  const sheet = s.sheet && inputs.sheet ? { sheet: inputs.sheet.table } : {};
  const texts = { ...(zone ? { ...inputs.texts, gridNote: inputs.gridNote(`CGCS2000 / 3-degree Gauss-Kruger CM ${zone.centralMeridian}E`, zone.epsg) } : inputs.texts), ...sheet };
  const frame = mapFrame(page, texts, s.furniture, measure);
  if (frame.w < 20 || frame.h < 20) return { kind: 'frameTooSmall' };
  const css = { width: Math.round((frame.w / 25.4) * CSS_DPI), height: Math.round((frame.h / 25.4) * CSS_DPI) };
  const pixels = { width: mmToPx(frame.w, s.dpi), height: mmToPx(frame.h, s.dpi) };
  const longest = Math.max(pixels.width, pixels.height);
  if (longest > inputs.maxSide) {
    const largestDpi = Math.floor((s.dpi * inputs.maxSide) / longest);
    return { kind: 'tooLarge', ...pixels, max: inputs.maxSide, largestDpi };
  }
  const view = frameViewFor(s, inputs, css.width, css.height);
  if ('kind' in view) return view;
  const scale = s.extent === 'scale' ? s.scale : scaleAtZoom(view.zoom, view.center[1]);
  const bounds = frameBounds(view, css.width, css.height);
  const gk = zone ? gkFrame(view, css.width, css.height, bounds) : null;
  const grid = graticule(bounds);
  const ticks = gk
    ? gk.ticks
    : {
        lng: grid.lngs.map((lng) => ({ at: framePosition(view, css.width, css.height, lng, view.center[1])[0], label: dmsLabel(lng, 'lng', grid.step) })),
        lat: grid.lats.map((lat) => ({ at: framePosition(view, css.width, css.height, view.center[0], lat)[1], label: dmsLabel(lat, 'lat', grid.step) })),
      };
  const legend = printLegend(inputs.legendFor(bounds), s.lang);
  const composed = compose({ page, texts, furniture: s.furniture, legend, scale, ticks, moreText: inputs.moreText }, measure);
  const notes = noteItems(inputs.notesFor?.(bounds) ?? [], composed.frame, (lng, lat) => framePosition(view, css.width, css.height, lng, lat), metrics(page).legendPt);
  const composition = notes.length ? { ...composed, items: [...composed.items, ...notes] } : composed;
  return { composition, view, css, pixelRatio: s.dpi / CSS_DPI, pixels, scale, bounds };
}
