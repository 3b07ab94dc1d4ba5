import type { PageItem } from './items';
import type { Rect } from './layout';

// Review notes (批注) on a printed map: MapLibre draws their labels into the map image, where a PDF reader
// can neither find nor copy them. Each note is also laid over its label as invisible text, as a scanned
// page's OCR layer is, so search, copy and pdftotext read what the reviewer wrote.

export interface PrintNote {
  /** Where the note is, lon/lat. */
  at: [number, number];
  text: string;
}

/**
 * Invisible text items at the notes inside the frame; `position` gives a lon/lat's place in the frame as
 * shares of its width and height (0–1).
 * @example noteItems([{ at: [113.2, 35.15], text: '请核实' }], frame, (lng, lat) => framePosition(view, w, h, lng, lat), 8)
 */
export function noteItems(notes: readonly PrintNote[], frame: Rect, position: (lng: number, lat: number) => [number, number], sizePt: number): PageItem[] {
  return notes.flatMap(({ at, text }) => {
    const [fx, fy] = position(at[0], at[1]);
    const line = text.replace(/\s+/g, ' ').trim();
    if (!line || !(fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1)) return [];
    return [{ kind: 'text', x: frame.x + fx * frame.w, y: frame.y + fy * frame.h, text: line, size: sizePt, color: '#000', align: 'center', role: 'note', invisible: true } satisfies PageItem];
  });
}
