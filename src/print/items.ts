// What a printed page is made of, in millimetres from the page's top-left corner. The PDF and the PNG
// (and the preview) draw the same list, so they show the same composition.

export type Rgb = string;

export type PageItem =
  | { kind: 'image'; slot: 'map' | 'overview'; x: number; y: number; w: number; h: number }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: Rgb; stroke?: Rgb; lineMm?: number; dashed?: boolean; opacity?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: Rgb; lineMm: number; dashed?: boolean }
  | { kind: 'circle'; x: number; y: number; r: number; fill: Rgb; stroke?: Rgb; lineMm?: number }
  | { kind: 'polygon'; points: [number, number][]; fill: Rgb; stroke?: Rgb; lineMm?: number }
  /** `y` is the baseline; `size` in points; `invisible`: in the PDF's text only (found, copied), not drawn. */
  | { kind: 'text'; x: number; y: number; text: string; size: number; color: Rgb; align: 'left' | 'center' | 'right'; role?: string; invisible?: boolean };

/** Width of a text on paper (mm) at `sizePt`, in the font the page is printed with. */
export type Measure = (text: string, sizePt: number) => number;

export const PT_MM = 25.4 / 72;
