// Helpers of the print tests: the dialog, its download, and reading PDFs and PNGs back.
import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expect } from './driver';

export async function openDialog(page: Page, name: RegExp | string) {
  await page.getByRole('button', { name }).first().click();
  const dialog = page.getByRole('dialog', { name: /出图|Print map/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('print-summary')).toBeVisible({ timeout: 60_000 });
  return dialog;
}

export async function create(page: Page, dialog: ReturnType<Page['getByRole']>, button: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), dialog.getByRole('button', { name: button }).click()]);
  return download;
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Centres of the clusters of selection-colour (#00e5ff) pixels in a PNG, decoded by the browser. */
export async function selectionBlobs(page: Page, png: Buffer): Promise<[number, number][]> {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    const pts: [number, number][] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i]! < 70 && data[i + 1]! > 200 && data[i + 2]! > 220) pts.push([x, y]);
    }
    // Greedy clustering: points within 30 px of a cluster's first point belong to it.
    const clusters: { x: number; y: number; n: number; seed: [number, number] }[] = [];
    for (const [x, y] of pts) {
      const c = clusters.find((k) => Math.hypot(k.seed[0] - x, k.seed[1] - y) < 30);
      if (c) {
        c.x += x;
        c.y += y;
        c.n++;
      } else clusters.push({ x, y, n: 1, seed: [x, y] });
    }
    return clusters.filter((k) => k.n > 20).map((k) => [k.x / k.n, k.y / k.n] as [number, number]);
  }, png.toString('base64'));
}

/** Pixels of two same-sized PNGs that differ, counted by the browser's decoder. */
export async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([x, y]) => {
    const read = async (b64: string) => {
      const bmp = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    };
    const [p, q] = [await read(x!), await read(y!)];
    let n = 0;
    for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!) > 30) n++;
    return n;
  }, [a.toString('base64'), b.toString('base64')]);
}
