// Paper sizes (ISO 216, mm), page units and the pixel size of a printed area.

export type PaperName = 'A4' | 'A3' | 'A2' | 'A1' | 'A0' | 'custom';
export type Orientation = 'portrait' | 'landscape';
export const PAPERS = ['A4', 'A3', 'A2', 'A1', 'A0'] as const;
export const DPIS = [96, 150, 300] as const;

/** Portrait width × height in mm. */
export const PAPER_MM: Record<Exclude<PaperName, 'custom'>, readonly [number, number]> = {
  A4: [210, 297],
  A3: [297, 420],
  A2: [420, 594],
  A1: [594, 841],
  A0: [841, 1189],
};

/** Limits of a custom page (mm): smaller leaves no room for the map, larger is beyond any plotter roll. */
export const CUSTOM_MM = { min: 50, max: 5000 } as const;

export interface PageSize {
  widthMm: number;
  heightMm: number;
}

/** The page in mm, turned for the orientation; a custom page is taken as given (width × height). */
export function pageSize(paper: PaperName, orientation: Orientation, custom?: PageSize): PageSize {
  if (paper === 'custom') {
    if (!custom) throw new Error('a custom page needs its width and height');
    return { widthMm: custom.widthMm, heightMm: custom.heightMm };
  }
  const [w, h] = PAPER_MM[paper];
  return orientation === 'portrait' ? { widthMm: w, heightMm: h } : { widthMm: h, heightMm: w };
}

/** Why a custom page size cannot be used, or null. */
export function customSizeProblem(widthMm: number, heightMm: number): 'notNumber' | 'tooSmall' | 'tooLarge' | null {
  if (!Number.isFinite(widthMm) || !Number.isFinite(heightMm)) return 'notNumber';
  if (widthMm < CUSTOM_MM.min || heightMm < CUSTOM_MM.min) return 'tooSmall';
  if (widthMm > CUSTOM_MM.max || heightMm > CUSTOM_MM.max) return 'tooLarge';
  return null;
}

export const MM_PER_INCH = 25.4;
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;
export const ptToMm = (pt: number): number => (pt * MM_PER_INCH) / 72;
/** Pixels covering `mm` at `dpi`, rounded to whole pixels. */
export const mmToPx = (mm: number, dpi: number): number => Math.round((mm / MM_PER_INCH) * dpi);
/** CSS pixels are 1/96 inch: the map is laid out in them, then drawn at dpi / 96 device pixels each. */
export const CSS_DPI = 96;
