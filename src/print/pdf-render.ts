import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { PageItem } from './items';
import type { Composition } from './layout';
import { mmToPt } from './paper';

// The page as a PDF: the map (and overview) as images at the chosen dpi, everything else as vectors and
// real text in the embedded subset of the print font, so pdftotext and a viewer's search find it.

export interface PdfImages {
  /** JPEG bytes of the map frame and of the overview (absent: the frame stays white). */
  map?: Uint8Array;
  overview?: Uint8Array;
}

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
}

function color(hex: string) {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const n = parseInt(full, 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

function draw(page: PDFPage, it: PageItem, font: PDFFont, images: Partial<Record<'map' | 'overview', PDFImage>>, H: number): void {
  const X = mmToPt;
  const Y = (mm: number) => H - mmToPt(mm);
  switch (it.kind) {
    case 'image': {
      const img = images[it.slot];
      if (img) page.drawImage(img, { x: X(it.x), y: Y(it.y + it.h), width: X(it.w), height: X(it.h) });
      break;
    }
    case 'rect':
      page.drawRectangle({
        x: X(it.x),
        y: Y(it.y + it.h),
        width: X(it.w),
        height: X(it.h),
        ...(it.fill ? { color: color(it.fill), opacity: it.opacity ?? 1 } : {}),
        ...(it.stroke ? { borderColor: color(it.stroke), borderWidth: X(it.lineMm ?? 0.2), ...(it.dashed ? { borderDashArray: [X(1.5), X(1)] } : {}) } : { borderWidth: 0 }),
      });
      break;
    case 'line':
      page.drawLine({ start: { x: X(it.x1), y: Y(it.y1) }, end: { x: X(it.x2), y: Y(it.y2) }, thickness: X(it.lineMm), color: color(it.stroke), ...(it.dashed ? { dashArray: [X(1.5), X(1)] } : {}) });
      break;
    case 'circle':
      page.drawCircle({ x: X(it.x), y: Y(it.y), size: X(it.r), color: color(it.fill), ...(it.stroke ? { borderColor: color(it.stroke), borderWidth: X(it.lineMm ?? 0.2) } : {}) });
      break;
    case 'polygon': {
      const path = it.points.map(([x, y], i) => `${i ? 'L' : 'M'}${X(x)} ${X(y)}`).join(' ') + ' Z';
      page.drawSvgPath(path, { x: 0, y: H, color: color(it.fill), ...(it.stroke ? { borderColor: color(it.stroke), borderWidth: X(it.lineMm ?? 0.2) } : {}) });
      break;
    }
    case 'text': {
      const width = font.widthOfTextAtSize(it.text, it.size);
      const x = it.align === 'left' ? X(it.x) : it.align === 'center' ? X(it.x) - width / 2 : X(it.x) - width;
      page.drawText(it.text, { x, y: Y(it.y), size: it.size, font, color: color(it.color), ...(it.invisible ? { opacity: 0 } : {}) });
      break;
    }
  }
}

/** Every character the page prints, for the font subset. */
export function pageText(comp: Composition): string {
  return comp.items.map((it) => (it.kind === 'text' ? it.text : '')).join('');
}

/**
 * The PDF's bytes: one page of exactly the composition's size. `fontBytes` is a font holding at least the
 * page's characters (see font-subset), embedded whole.
 */
export async function renderPdf(comp: Composition, fontBytes: Uint8Array, images: PdfImages, meta: PdfMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // fontkit's default 'locl' swaps digits next to ° and ′ for other glyphs (spaced as if monospaced): the
  // font's default forms are already Simplified Chinese, which the page prints.
  const font = await doc.embedFont(fontBytes, { subset: false, features: { locl: false } });
  const W = mmToPt(comp.page.widthMm);
  const H = mmToPt(comp.page.heightMm);
  const page = doc.addPage([W, H]);
  const embedded: Partial<Record<'map' | 'overview', PDFImage>> = {};
  if (images.map) embedded.map = await doc.embedJpg(images.map);
  if (images.overview) embedded.overview = await doc.embedJpg(images.overview);
  for (const it of comp.items) draw(page, it, font, embedded, H);
  doc.setTitle(meta.title || 'Map');
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('Jiaozuo Planning Atlas');
  doc.setProducer('Jiaozuo Planning Atlas (pdf-lib)');
  doc.setCreationDate(new Date());
  return doc.save();
}
