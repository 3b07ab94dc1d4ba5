/**
 * Printing in the browser: the real dialog's "Create file" → the download, beside the floor measured in the
 * same page — the off-screen MapLibre render alone (same style, same view, same pixel size and ratio, drawn
 * to idle and read back; `window.__atlas.bareRender`). What printing adds is the rest: encoding the map image,
 * the overview, the font subset and the PDF (or the page canvas and PNG).
 */
import type { Browser } from 'playwright-core';

export interface PrintCase {
  paper: 'A3' | 'A0';
  dpi: 150 | 300;
}

export interface PrintRun {
  case: PrintCase;
  oursMs: number;
  floorMs: number;
  pixels: [number, number];
  bytes: number;
}

export async function runPrintOnce(browser: Browser, baseUrl: string, c: PrintCase, floorFirst: boolean): Promise<PrintRun> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?lang=en`);
    await page.waitForFunction(() => window.__atlas?.isIdle() === true, null, { timeout: 60_000, polling: 100 });
    await page.getByRole('button', { name: 'Print map' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Paper').selectOption(c.paper);
    await dialog.getByLabel('Resolution').selectOption(String(c.dpi));
    const summary = dialog.getByTestId('print-summary');
    await summary.waitFor({ timeout: 60_000 });
    await page.waitForFunction((want) => document.querySelector('[data-testid=print-summary]')?.textContent?.includes(want), `${c.paper === 'A3' ? '420 × 297' : '1189 × 841'} mm, ${c.dpi} dpi`, { timeout: 30_000, polling: 100 });
    const m = /map ([\d,]+) × ([\d,]+) px/.exec((await summary.textContent()) ?? '');
    if (!m) throw new Error('no map size in the print summary');
    const pixels: [number, number] = [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))];
    // Let the preview's own render finish, so it does not share the measured time.
    await page.waitForTimeout(3000);
    const floor = () => page.evaluate(([w, h, r]) => window.__atlas!.bareRender(w!, h!, r!), [(pixels[0] * 96) / c.dpi, (pixels[1] * 96) / c.dpi, c.dpi / 96]);
    const ours = async () => {
      const t0 = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: 'Create file' }).click()]);
      const path = await download.path();
      const ms = Date.now() - t0;
      const { statSync } = await import('node:fs');
      return { ms, bytes: path ? statSync(path).size : 0 };
    };
    let floorMs: number;
    let o: { ms: number; bytes: number };
    if (floorFirst) {
      floorMs = await floor();
      o = await ours();
    } else {
      o = await ours();
      floorMs = await floor();
    }
    return { case: c, oursMs: o.ms, floorMs, pixels, bytes: o.bytes };
  } finally {
    await context.close();
  }
}
