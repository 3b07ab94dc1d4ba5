/**
 * A big file opened as a planner opens one: the import control's file input gets the file, and the clock
 * runs until the layer is drawn and filterable: "1 layer added" and the layer's first tiles rendered on the map
 * (MapLibre's rendered features; at the district view these are its density cells). Map idle comes after the
 * 600 ms animation that fits the view to the new layer, and is reported beside it.
 * The floor, in the same page and the same import worker: read the same File, UTF-8 decode, JSON.parse
 * (past V8's longest string: JSON.parse of the batches the import cuts). Then the worker's heap once idle and
 * the Yangmiao zone filter, whose count shows the layer really is filterable.
 */
import type { Browser, Page } from 'playwright-core';
import { HeapProbe, workerName } from './heap';
import { pageNow } from './probes';

export interface OpenFileRun {
  /** file chosen → drawn and filterable: the layer in the store and its first tiles on the map (page clock, ms) */
  oursMs: number;
  /** file chosen → map idle: the fit to the layer's extent (a 600 ms animation) done, every tile drawn */
  idleMs: number;
  /** file chosen → "1 layer added" */
  dataReadyMs: number;
  /** read + decode + JSON.parse of the same File in the import worker (ms) */
  floorMs: number;
  floorFirst: boolean;
  ioWorkerHeapBytes: number | null;
  filterMs: number;
  countText: string;
}

const VIEWPORT = { width: 1400, height: 900 };

async function waitForIdle(page: Page, timeout: number): Promise<number> {
  await page.waitForFunction(() => window.__atlas?.isIdle() === true, null, { timeout, polling: 50 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return pageNow(page);
}

async function floor(page: Page, path: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-floor-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-floor-file', path);
  const ms = await page.evaluate(async () => {
    const input = document.getElementById('bench-floor-file') as HTMLInputElement;
    const ms = await window.__atlas!.parseFloor(input.files![0]!);
    input.remove();
    return ms;
  });
  return ms;
}

export async function runOpenFileOnce(browser: Browser, baseUrl: string, path: string, floorFirst: boolean, timeout = 600_000): Promise<OpenFileRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const heapProbe = await HeapProbe.attach(context, page);
    await page.goto(`${baseUrl}/?lang=en`, { timeout });
    await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout, polling: 50 });
    await waitForIdle(page, timeout);
    let floorMs = floorFirst ? await floor(page, path) : 0;

    const t0 = await pageNow(page);
    await page.getByTestId('import-input').setInputFiles(path);
    await page.waitForFunction(() => /1 layers? added/.test(document.querySelector('[role="dialog"][aria-label="Import result"]')?.textContent ?? ''), null, { timeout, polling: 50 });
    const dataReadyMs = (await pageNow(page)) - t0;
    await page.waitForFunction(
      () => {
        const id = (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('user-'));
        return !!id && window.__atlas!.renderedFeatures(id).length > 0;
      },
      null,
      { timeout, polling: 20 },
    );
    const oursMs = (await pageNow(page)) - t0;
    const idleMs = (await waitForIdle(page, timeout)) - t0;
    if (!floorFirst) floorMs = await floor(page, path);

    const heap = await heapProbe.measure();
    await heapProbe.detach();
    const io = heap.workers.find((w) => workerName(w.url) === 'io.worker');

    const layerId = await page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('user-')) ?? '');
    await page.locator('#tab-filter').click();
    const count = page.getByTestId(`count-${layerId}`);
    await count.waitFor({ timeout });
    const before = (await count.textContent()) ?? '';
    const f0 = await pageNow(page);
    await page.getByLabel('Zone layer').selectOption('townships');
    await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
    await page.waitForFunction(({ id, text }) => document.querySelector(`[data-testid="count-${id}"]`)?.textContent !== text, { id: layerId, text: before }, { timeout, polling: 20 });
    const filterMs = (await pageNow(page)) - f0;
    return { oursMs, idleMs, dataReadyMs, floorMs, floorFirst, ioWorkerHeapBytes: io?.usedBytes ?? null, filterMs, countText: (await count.textContent()) ?? '' };
  } finally {
    await context.close().catch(() => undefined);
  }
}
