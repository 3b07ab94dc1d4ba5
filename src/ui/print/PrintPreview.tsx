import { useEffect, useRef } from 'react';
import { printPort } from '../../app/print-port';
import { drawComposition } from '../../print/canvas-render';
import type { PrintPlan } from '../../print/print-plan';
import { overview } from '../../print/print-run';
import type { BBox } from '../../print/extent';
import { useT } from '../use-t';

const PREVIEW_WIDTH = 360;

/**
 * The page as it will print, small: the same composition drawn by the same code as the PNG, with the map
 * frame rendered at the print's layout and a low pixel ratio (so labels and lines keep their paper size).
 */
export function PrintPreview({ plan, overviewBox }: { plan: PrintPlan; overviewBox: BBox | null }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const port = printPort();
    if (!el || !port) return;
    const page = plan.composition.page;
    const px = PREVIEW_WIDTH / page.widthMm;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(page.widthMm * px * dpr);
    el.height = Math.round(page.heightMm * px * dpr);
    el.style.width = `${PREVIEW_WIDTH}px`;
    el.style.height = `${Math.round(page.heightMm * px)}px`;
    const ctx = el.getContext('2d')!;
    drawComposition(ctx, plan.composition, px * dpr, {});
    const abort = new AbortController();
    // Rendering the frame takes a moment: wait until the settings have stopped changing.
    const timer = setTimeout(() => {
      const ratio = Math.max(0.1, (plan.composition.frame.w * px * dpr) / plan.css.width);
      port
        .render({ center: plan.view.center, zoom: plan.view.zoom, width: plan.css.width, height: plan.css.height, pixelRatio: ratio, signal: abort.signal })
        .then(async (map) => {
          if (abort.signal.aborted) return;
          drawComposition(ctx, plan.composition, px * dpr, { map });
          const over = await overview(plan, { render: (r) => port.render(r), overviewBox }, Math.max(24, 96 * ratio), abort.signal);
          if (!abort.signal.aborted && over) drawComposition(ctx, plan.composition, px * dpr, { map, overview: over });
        })
        .catch(() => undefined);
    }, 350);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [plan, overviewBox]);
  return <canvas ref={canvas} className="print-preview" role="img" aria-label={t('print.preview')} data-testid="print-preview" />;
}
