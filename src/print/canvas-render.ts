import type { PageItem } from './items';
import type { Composition } from './layout';
import { PRINT_FONT_FAMILY } from './font';

// Draws a composition on a 2D canvas: the PNG at its dpi, and the preview at screen size.

export type Slots = Partial<Record<'map' | 'overview', CanvasImageSource>>;

/** Fills the current path, then strokes it when the item has an outline. */
function paintPath(ctx: CanvasRenderingContext2D, it: { fill: string; stroke?: string; lineMm?: number }, px: number): void {
  ctx.fillStyle = it.fill;
  ctx.fill();
  if (!it.stroke) return;
  ctx.strokeStyle = it.stroke;
  ctx.lineWidth = (it.lineMm ?? 0.2) * px;
  ctx.stroke();
}

function item(ctx: CanvasRenderingContext2D, it: PageItem, px: number, slots: Slots): void {
  ctx.save();
  switch (it.kind) {
    case 'image': {
      const img = slots[it.slot];
      if (img) ctx.drawImage(img, it.x * px, it.y * px, it.w * px, it.h * px);
      else {
        ctx.fillStyle = '#e8ecef';
        ctx.fillRect(it.x * px, it.y * px, it.w * px, it.h * px);
      }
      break;
    }
    case 'rect':
      ctx.globalAlpha = it.opacity ?? 1;
      if (it.fill) {
        ctx.fillStyle = it.fill;
        ctx.fillRect(it.x * px, it.y * px, it.w * px, it.h * px);
      }
      ctx.globalAlpha = 1;
      if (it.stroke) {
        ctx.strokeStyle = it.stroke;
        ctx.lineWidth = (it.lineMm ?? 0.2) * px;
        if (it.dashed) ctx.setLineDash([1.5 * px, 1 * px]);
        ctx.strokeRect(it.x * px, it.y * px, it.w * px, it.h * px);
      }
      break;
    case 'line':
      ctx.strokeStyle = it.stroke;
      ctx.lineWidth = it.lineMm * px;
      if (it.dashed) ctx.setLineDash([1.5 * px, 1 * px]);
      ctx.beginPath();
      ctx.moveTo(it.x1 * px, it.y1 * px);
      ctx.lineTo(it.x2 * px, it.y2 * px);
      ctx.stroke();
      break;
    case 'circle':
      ctx.beginPath();
      ctx.arc(it.x * px, it.y * px, it.r * px, 0, 2 * Math.PI);
      paintPath(ctx, it, px);
      break;
    case 'polygon':
      ctx.beginPath();
      it.points.forEach(([x, y], i) => (i ? ctx.lineTo(x * px, y * px) : ctx.moveTo(x * px, y * px)));
      ctx.closePath();
      paintPath(ctx, it, px);
      break;
    case 'text':
      // The map image already shows it (a note's label).
      if (it.invisible) break;
      ctx.fillStyle = it.color;
      ctx.font = `${(it.size * 25.4) / 72 * px}px "${PRINT_FONT_FAMILY}"`;
      ctx.textAlign = it.align;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(it.text, it.x * px, it.y * px);
      break;
  }
  ctx.restore();
}

/** Draws the page on `ctx` at `px` canvas pixels per millimetre, on white. */
export function drawComposition(ctx: CanvasRenderingContext2D, comp: Composition, px: number, slots: Slots): void {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, comp.page.widthMm * px, comp.page.heightMm * px);
  for (const it of comp.items) item(ctx, it, px, slots);
}
