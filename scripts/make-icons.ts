/**
 * Renders the app icons in `public/icons/` from the two SVGs (`public/favicon.svg`, full-bleed
 * `public/icons/maskable.svg`) with headless Chromium, so the PNGs a web manifest needs come from one drawing.
 * Run after changing a drawing: `npx tsx scripts/make-icons.ts` (CHROMIUM_PATH to change the browser).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pub = join(root, 'public');

/** Output file, size in px, source drawing. "any" icons keep the rounded corners; maskable ones fill the square. */
const ICONS: [string, number, string][] = [
  ['icons/icon-192.png', 192, 'favicon.svg'],
  ['icons/icon-512.png', 512, 'favicon.svg'],
  ['icons/maskable-192.png', 192, 'icons/maskable.svg'],
  ['icons/maskable-512.png', 512, 'icons/maskable.svg'],
  ['icons/apple-touch-icon-180.png', 180, 'icons/maskable.svg'],
  ['icons/favicon-32.png', 32, 'favicon.svg'],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const [out, size, src] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const svg = readFileSync(join(pub, src), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: join(pub, out), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`${out} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
