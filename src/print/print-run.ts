import type { PrintRenderRequest } from '../map/print-render';
import { drawComposition } from './canvas-render';
import { fitBox, framePosition, type BBox } from './extent';
import type { PrintFont } from './font';
import { mmToPx, CSS_DPI } from './paper';
import { pageText, renderPdf, type PdfMeta } from './pdf-render';
import type { PrintPlan, PrintSettings } from './print-plan';
import { withDpi } from './png-dpi';

// Renders a planned page to a file: the map frame (and the overview) drawn off screen by MapLibre, then
// the page as PDF (map as an image, the rest as text and vectors) or as one PNG at the chosen dpi.

export type PrintStage = 'map' | 'overview' | 'page' | 'file';
export interface PrintProgress {
  stage: PrintStage;
  /** 0–1 of the whole job. */
  share: number;
}

export interface PrintDeps {
  render: (req: PrintRenderRequest) => Promise<HTMLCanvasElement>;
  font: PrintFont;
  /** What the overview shows around the printed extent (the zone), or null for the extent alone. */
  overviewBox: BBox | null;
  meta: PdfMeta;
}

const toBytes = async (canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Uint8Array> => {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality));
  if (!blob) throw new Error(`the browser could not encode a ${canvas.width} × ${canvas.height} image`);
  return new Uint8Array(await blob.arrayBuffer());
};

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
}

/** The overview: the zone (or the extent) small, with the printed extent outlined in red. */
export async function overview(plan: PrintPlan, deps: Pick<PrintDeps, 'render' | 'overviewBox'>, dpi: number, signal?: AbortSignal): Promise<HTMLCanvasElement | null> {
  const box = plan.composition.overview;
  if (!box) return null;
  const width = Math.round((box.w / 25.4) * CSS_DPI);
  const height = Math.round((box.h / 25.4) * CSS_DPI);
  const b = plan.bounds;
  const around: BBox = deps.overviewBox
    ? [Math.min(b[0], deps.overviewBox[0]), Math.min(b[1], deps.overviewBox[1]), Math.max(b[2], deps.overviewBox[2]), Math.max(b[3], deps.overviewBox[3])]
    : b;
  const view = fitBox(around, width, height, 0.12);
  const ratio = Math.min(dpi, 200) / CSS_DPI;
  const canvas = await deps.render({ center: view.center, zoom: view.zoom, width, height, pixelRatio: ratio, signal, only: (l) => l.type !== 'symbol' });
  const ctx = canvas.getContext('2d')!;
  const [x0, y0] = framePosition(view, width, height, b[0], b[3]);
  const [x1, y1] = framePosition(view, width, height, b[2], b[1]);
  ctx.strokeStyle = '#e53935';
  ctx.lineWidth = Math.max(2, 2 * ratio);
  ctx.strokeRect(x0 * canvas.width, y0 * canvas.height, Math.max((x1 - x0) * canvas.width, 3), Math.max((y1 - y0) * canvas.height, 3));
  return canvas;
}

export async function runPrint(plan: PrintPlan, settings: PrintSettings, deps: PrintDeps, onProgress: (p: PrintProgress) => void, signal?: AbortSignal): Promise<Blob> {
  onProgress({ stage: 'map', share: 0.05 });
  const map = await deps.render({ center: plan.view.center, zoom: plan.view.zoom, width: plan.css.width, height: plan.css.height, pixelRatio: plan.pixelRatio, signal });
  cancelled(signal);
  onProgress({ stage: 'overview', share: 0.6 });
  const over = await overview(plan, deps, settings.dpi, signal);
  cancelled(signal);
  onProgress({ stage: 'page', share: 0.75 });
  const comp = plan.composition;
  if (settings.format === 'pdf') {
    const bytes = await renderPdf(comp, deps.font.subset(pageText(comp)), { map: await toBytes(map, 'image/jpeg', 0.92), ...(over ? { overview: await toBytes(over, 'image/jpeg', 0.92) } : {}) }, deps.meta);
    cancelled(signal);
    onProgress({ stage: 'file', share: 1 });
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
  }
  const page = document.createElement('canvas');
  page.width = mmToPx(comp.page.widthMm, settings.dpi);
  page.height = mmToPx(comp.page.heightMm, settings.dpi);
  drawComposition(page.getContext('2d')!, comp, settings.dpi / 25.4, { map, ...(over ? { overview: over } : {}) });
  cancelled(signal);
  onProgress({ stage: 'file', share: 0.9 });
  const png = withDpi(await toBytes(page, 'image/png'), settings.dpi);
  onProgress({ stage: 'file', share: 1 });
  return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
