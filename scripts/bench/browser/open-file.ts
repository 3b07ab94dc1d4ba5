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
import { userLayerId, waitForIdle, waitForLayerAdded, yangmiaoFilter } from './scenarios';

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

async function floor(page: Page, path: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-floor-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-floor-file', path);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-floor-file') as HTMLInputElement;
    const ms = await window.__atlas!.parseFloor(input.files![0]!);
    input.remove();
    return ms;
  });
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
    const dataReadyMs = (await waitForLayerAdded(page, timeout)) - t0;
    const layerId = await userLayerId(page);
    await page.waitForFunction((id) => window.__atlas!.renderedFeatures(id).length > 0, layerId, { timeout, polling: 20 });
    const oursMs = (await pageNow(page)) - t0;
    const idleMs = (await waitForIdle(page, timeout)) - t0;
    if (!floorFirst) floorMs = await floor(page, path);

    const heap = await heapProbe.measure();
    await heapProbe.detach();
    const io = heap.workers.find((w) => workerName(w.url) === 'io.worker');

    const filter = await yangmiaoFilter(page, layerId, timeout, false);
    return { oursMs, idleMs, dataReadyMs, floorMs, floorFirst, ioWorkerHeapBytes: io?.usedBytes ?? null, filterMs: filter.countAt - filter.t0, countText: filter.countText };
  } finally {
    await context.close().catch(() => undefined);
  }
}
