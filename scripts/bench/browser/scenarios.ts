/**
 * One run of each page the browser benchmark opens, in a fresh browser context:
 *  - baseline: `?lang=en` (the bundled layers only) → open until idle, then the Yangmiao zone filter;
 *  - big: `?lang=en&data=parcels-200000.geojson` → open until "1 layer added" and idle, then the same filter.
 * A "quiet" run records long tasks, reads the JS heaps once idle and applies the filter; an "input" run only
 * opens the page while clicking the sidebar tabs every 100 ms (each click makes the page draw a frame, so the
 * clicks are kept out of the long-task runs). Every wait polls on a timer, not on requestAnimationFrame, so
 * the bench itself asks for no frames.
 */
import type { Browser, Page } from 'playwright-core';
import { HeapProbe, workerName, type HeapUsage } from './heap';
import { installProbes, longestScript, longTasks, pageNow, probeInput, summarizeLongTasks } from './probes';

/** The longest script outside requestAnimationFrame callbacks (long animation frames), and what ran it. */
export interface ScriptResult {
  durationMs: number;
  invoker: string | null;
  /** file and function the script entered (empty for module scripts without a function) */
  source: string | null;
}

export interface PhaseResult {
  /** wall time of the phase on the page clock (ms) */
  durationMs: number;
  longestTaskMs: number;
  longestScript: ScriptResult;
  longTaskTotalMs: number;
  longTaskCount: number;
}

export interface InputResult {
  maxLatencyMs: number | null;
  medianLatencyMs: number | null;
  answered: number;
  clicksSent: number;
  unanswered: number;
  /** the same run's long tasks (clicks included), for reference */
  longestTaskMs: number;
}

export interface RunResult {
  kind: 'baseline' | 'big';
  /** dataReadyMs: "1 layer added" shown (big layer only); beforeDataReady: long tasks until then */
  open: PhaseResult & {
    dataReadyMs: number | null;
    beforeDataReady: { longestTaskMs: number; longTaskTotalMs: number } | null;
    /**
     * Big layer only, long tasks by what the page waits for: `fetch` navigation → import starts (the page
     * fetches the file while the base map draws), `worker` import starts → "1 layer added" (the worker reads,
     * parses, validates, indexes, tiles), `draw` → idle (MapLibre draws the new layer).
     */
    segments: Record<'fetch' | 'worker' | 'draw', { fromMs: number; toMs: number; longestTaskMs: number; longTaskTotalMs: number; longestScript: ScriptResult }> | null;
    /** every long task until idle and the import's phases (page clock, ms), to see where the long ones fall */
    tasks: { start: number; duration: number }[];
    importPhases: { at: number; phase: string }[];
  };
  filter: PhaseResult & { countText: string; layerId: string };
  heap: { page: HeapUsage; workers: (HeapUsage & { name: string })[] };
  longTaskSupported: boolean;
  longFrameSupported: boolean;
  webglRenderer: string;
}

export interface RunOptions {
  baseUrl: string;
  dataFile: string;
  /** per wait (default 120 s) */
  timeoutMs?: number;
}

const VIEWPORT = { width: 1400, height: 900 };

export async function waitForIdle(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction(() => window.__atlas?.isIdle() === true, null, { timeout: timeoutMs, polling: 50 });
  // Two more frames so what became ready has been drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return pageNow(page);
}

/** Waits until the page has had no long task for `quietMs` (at most `maxMs`), so phases do not overlap. */
async function settle(page: Page, quietMs = 1000, maxMs = 15_000): Promise<void> {
  const end = Date.now() + maxMs;
  for (;;) {
    const [now, { tasks }] = await Promise.all([pageNow(page), longTasks(page)]);
    const last = tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
    if (now - last >= quietMs || Date.now() > end) return;
    await page.waitForTimeout(Math.min(quietMs, Math.max(50, quietMs - (now - last))));
  }
}

function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

/** Navigates and waits (timer polling) until the page is loaded — "1 layer added" for the big layer — and idle. */
async function openPage(page: Page, kind: 'baseline' | 'big', query: string, baseUrl: string, timeout: number): Promise<{ dataReadyMs: number | null; idleAt: number }> {
  await page.goto(`${baseUrl}/${query}`, { timeout });
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout, polling: 50 });
  let dataReadyMs: number | null = null;
  if (kind === 'big') {
    dataReadyMs = await waitForLayerAdded(page, timeout);
  }
  return { dataReadyMs, idleAt: await waitForIdle(page, timeout) };
}

const query = (kind: 'baseline' | 'big', dataFile: string) => (kind === 'big' ? `?lang=en&data=${encodeURIComponent(dataFile)}` : '?lang=en');

/** Opens the page while clicking the sidebar tabs every 100 ms, until loaded and idle. */
export async function runInput(browser: Browser, kind: 'baseline' | 'big', opts: RunOptions): Promise<InputResult> {
  const timeout = opts.timeoutMs ?? 120_000;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbes);
    let finished = false;
    const loaded = openPage(page, kind, query(kind, opts.dataFile), opts.baseUrl, timeout).finally(() => (finished = true));
    const input = await probeInput(page, () => finished);
    const { idleAt } = await loaded;
    const latencies = [...input.latenciesMs].sort((a, b) => a - b);
    return {
      maxLatencyMs: latencies.length ? latencies[latencies.length - 1]! : null,
      medianLatencyMs: latencies.length ? latencies[Math.floor(latencies.length / 2)]! : null,
      answered: latencies.length,
      clicksSent: input.clicksSent,
      unanswered: input.unanswered,
      longestTaskMs: summarizeLongTasks((await longTasks(page)).tasks, 0, idleAt).longestMs,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Waits until the import dialog says "1 layer added" (page clock, ms). */
export async function waitForLayerAdded(page: Page, timeout: number): Promise<number> {
  await page.waitForFunction(() => /1 layers? added/.test(document.querySelector('[role="dialog"][aria-label="Import result"]')?.textContent ?? ''), null, { timeout, polling: 50 });
  return pageNow(page);
}

/** The id of the layer the planner imported ('' while there is none). */
export function userLayerId(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __atlasStore: { getState: () => { order: string[] } } }).__atlasStore.getState().order.find((x) => x.startsWith('user-')) ?? '');
}

/**
 * The Yangmiao zone filter as a planner sets it on the Filter tab: from choosing "Zone layer" (after the page
 * has had a quiet second, when `settleFirst`) until the layer's count changes (page clock, ms).
 */
export async function yangmiaoFilter(page: Page, layerId: string, timeout: number, settleFirst: boolean): Promise<{ t0: number; countAt: number; countText: string }> {
  await page.locator('#tab-filter').click();
  const count = page.getByTestId(`count-${layerId}`);
  await count.waitFor({ timeout });
  const before = (await count.textContent()) ?? '';
  if (settleFirst) await settle(page);
  const t0 = await pageNow(page);
  await page.getByLabel('Zone layer').selectOption('townships');
  await page.getByLabel('Zone feature').selectOption({ label: 'Yangmiao Town' });
  await page.waitForFunction(({ id, text }) => document.querySelector(`[data-testid="count-${id}"]`)?.textContent !== text, { id: layerId, text: before }, { timeout, polling: 20 });
  return { t0, countAt: await pageNow(page), countText: (await count.textContent()) ?? '' };
}

export async function runOnce(browser: Browser, kind: 'baseline' | 'big', opts: RunOptions): Promise<RunResult> {
  const timeout = opts.timeoutMs ?? 120_000;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbes);
    const heapProbe = await HeapProbe.attach(context, page);

    // ---- open: from navigation start until loaded ("1 layer added" for the big layer) and idle ----------
    const { dataReadyMs, idleAt } = await openPage(page, kind, query(kind, opts.dataFile), opts.baseUrl, timeout);
    const { supported, framesSupported, tasks: openTasks, frames: openFrames, importPhases } = await longTasks(page);
    const open = summarizeLongTasks(openTasks, 0, idleAt);
    const beforeReady = dataReadyMs === null ? null : summarizeLongTasks(openTasks, 0, dataReadyMs);
    const importStart = importPhases[0]?.at ?? null;
    const segment = (fromMs: number, toMs: number) => {
      // by start time; the bounds below leave no task in two segments
      const x = summarizeLongTasks(openTasks, fromMs, toMs);
      return { fromMs: Math.round(fromMs), toMs: Math.round(toMs), longestTaskMs: x.longestMs, longTaskTotalMs: x.totalMs, longestScript: longestScript(openFrames, fromMs, toMs) };
    };
    const segments =
      dataReadyMs === null || importStart === null
        ? null
        : { fetch: segment(0, importStart - 0.001), worker: segment(importStart, dataReadyMs - 0.001), draw: segment(dataReadyMs, idleAt) };

    // ---- memory once idle ---------------------------------------------------------------------------------
    await settle(page);
    const heap = await heapProbe.measure();
    await heapProbe.detach();

    // ---- the Yangmiao zone filter --------------------------------------------------------------------------
    const layerId = kind === 'big' ? await userLayerId(page) : 'key-projects';
    if (!layerId) throw new Error('the imported layer is not in the store');
    const { t0, countAt, countText } = await yangmiaoFilter(page, layerId, timeout, true);
    const filterIdle = await waitForIdle(page, timeout);
    const afterFilter = await longTasks(page);
    const filterTasks = summarizeLongTasks(afterFilter.tasks, t0, filterIdle);

    return {
      kind,
      open: {
        durationMs: idleAt,
        dataReadyMs,
        beforeDataReady: beforeReady && { longestTaskMs: beforeReady.longestMs, longTaskTotalMs: beforeReady.totalMs },
        segments,
        longestTaskMs: open.longestMs,
        longestScript: longestScript(openFrames, 0, idleAt),
        longTaskTotalMs: open.totalMs,
        longTaskCount: open.count,
        tasks: openTasks.filter((t) => t.start <= idleAt).map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) })),
        importPhases: importPhases.map((p) => ({ at: Math.round(p.at), phase: p.phase })),
      },
      filter: { durationMs: countAt - t0, longestTaskMs: filterTasks.longestMs, longestScript: longestScript(afterFilter.frames, t0, filterIdle), longTaskTotalMs: filterTasks.totalMs, longTaskCount: filterTasks.count, countText, layerId },
      heap: { page: heap.page, workers: heap.workers.map((w) => ({ name: workerName(w.url), usedBytes: w.usedBytes, totalBytes: w.totalBytes, backingStorageBytes: w.backingStorageBytes })) },
      longTaskSupported: supported,
      longFrameSupported: framesSupported,
      webglRenderer: await webglRenderer(page),
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}
