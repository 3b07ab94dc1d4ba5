/**
 * What the page records for the browser benchmark, installed with addInitScript before any of the app's
 * code runs: main-thread long tasks (PerformanceObserver 'longtask', buffered), long animation frames with
 * the scripts that ran in them ('long-animation-frame': which callback, how long) and, for the input probe,
 * trusted clicks on the sidebar tabs and the moment each tab's aria-selected turns "true".
 */
import type { Page } from 'playwright-core';

export interface LongTask {
  start: number;
  duration: number;
}

/** A script entry of a long animation frame (only scripts over 5 ms are listed by the browser). */
export interface FrameScript {
  start: number;
  duration: number;
  /** e.g. "FrameRequestCallback" (requestAnimationFrame), "Worker.onmessage", "MessagePort.onmessage" */
  invoker: string;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
}

/** A long animation frame (over 50 ms from its first task to its paint). */
export interface LongFrame {
  start: number;
  duration: number;
  renderStart: number;
  blockingDuration: number;
  scripts: FrameScript[];
}

interface BenchRecord {
  longtasks: LongTask[];
  frames: LongFrame[];
  /** at: the click's event timestamp; handled: when its capture listener ran (page clock, ms) */
  clicks: { id: string; at: number; handled: number }[];
  flips: { id: string; at: number }[];
  /** import session transitions ("running/reading", "running/parsing", "done/parsing") as the store shows them */
  importPhases: { at: number; phase: string }[];
}

declare global {
  interface Window {
    __bench?: BenchRecord;
  }
}

/** Runs in the page (serialized by Playwright): keep it self-contained. */
export function installProbes(): void {
  const rec: BenchRecord = { longtasks: [], frames: [], clicks: [], flips: [], importPhases: [] };
  window.__bench = rec;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task support: the bench reports it
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const f = e as PerformanceEntry & { renderStart: number; blockingDuration: number; scripts: (PerformanceEntry & Omit<FrameScript, 'start'>)[] };
        rec.frames.push({
          start: f.startTime,
          duration: f.duration,
          renderStart: f.renderStart,
          blockingDuration: f.blockingDuration,
          scripts: f.scripts.map((x) => ({
            start: x.startTime,
            duration: x.duration,
            invoker: x.invoker,
            invokerType: x.invokerType,
            sourceURL: x.sourceURL,
            sourceFunctionName: x.sourceFunctionName,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long-animation-frame support: the bench reports it
  }
  // Capture phase on the document: runs when the browser dispatches the click, before React's handler.
  // event.timeStamp of a trusted click is when the input reached the browser, so flip − timeStamp includes
  // the time the click waited for a busy main thread.
  document.addEventListener(
    'click',
    (e) => {
      const tab = (e.target as Element | null)?.closest?.('[role="tab"][id^="tab-"]');
      if (tab && e.isTrusted) rec.clicks.push({ id: tab.id, at: e.timeStamp, handled: performance.now() });
    },
    true,
  );
  // Where the import is (test builds expose the store), sampled every 50 ms until it is done or 2 min passed.
  let lastPhase = '';
  const phaseTimer = setInterval(() => {
    const store = (window as unknown as { __atlasStore?: { getState: () => { importSession: { status: string; phase: string } | null } } }).__atlasStore;
    const session = store?.getState().importSession;
    const phase = session ? `${session.status}/${session.phase}` : '';
    if (phase && phase !== lastPhase) rec.importPhases.push({ at: performance.now(), phase });
    lastPhase = phase;
    if (session?.status === 'done' || performance.now() > 120_000) clearInterval(phaseTimer);
  }, 50);
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = r.target as Element;
      if (el.id?.startsWith('tab-') && el.getAttribute('aria-selected') === 'true') rec.flips.push({ id: el.id, at: now });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-selected'] });
}

/** Page clock (ms since navigation start). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export async function longTasks(
  page: Page,
): Promise<{ supported: boolean; framesSupported: boolean; tasks: LongTask[]; frames: LongFrame[]; importPhases: { at: number; phase: string }[] }> {
  return page.evaluate(() => ({
    supported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    framesSupported: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
    tasks: window.__bench?.longtasks ?? [],
    frames: window.__bench?.frames ?? [],
    importPhases: window.__bench?.importPhases ?? [],
  }));
}

/** Longest task and total long-task time of the tasks starting in [from, to] (page clock, ms). */
export function summarizeLongTasks(tasks: readonly LongTask[], from: number, to: number): { longestMs: number; totalMs: number; count: number } {
  const inWindow = tasks.filter((t) => t.start >= from && t.start <= to);
  return {
    longestMs: inWindow.reduce((m, t) => Math.max(m, t.duration), 0),
    totalMs: inWindow.reduce((s, t) => s + t.duration, 0),
    count: inWindow.length,
  };
}

/**
 * Clicks the sidebar tabs "Filter" and "Layers" in turn, one click every `everyMs` (real mouse input through
 * CDP, the next one only once the previous was delivered), until `done()` says stop. Each click's latency is
 * the time from the click's event timestamp to its tab's aria-selected flipping to "true".
 */
export async function probeInput(page: Page, done: () => boolean, everyMs = 100): Promise<{ latenciesMs: number[]; clicksSent: number; unanswered: number }> {
  const tabs = ['tab-filter', 'tab-layers'];
  await page.locator(`#${tabs[0]}`).waitFor({ state: 'visible', timeout: 60_000 });
  const boxes = await Promise.all(tabs.map((id) => page.locator(`#${id}`).boundingBox()));
  let sent = 0;
  const startedAt = Date.now();
  while (!done()) {
    const t0 = Date.now();
    // The tab not selected now; when both probes are in flight the order still alternates.
    const box = boxes[sent % 2]!;
    if (!box) break;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    sent++;
    const wait = everyMs - (Date.now() - t0);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (Date.now() - startedAt > 300_000) break;
  }
  // Let the last click land before reading what the page recorded.
  await page.waitForTimeout(50);
  const { clicks, flips } = await page.evaluate(() => ({ clicks: window.__bench?.clicks ?? [], flips: window.__bench?.flips ?? [] }));
  const latenciesMs: number[] = [];
  let unanswered = 0;
  clicks.forEach((c, i) => {
    // React commits a click's update before the next event is dispatched, so the flip lies between this
    // click's handler and the next one's. A click on the tab already selected flips nothing: unanswered.
    const until = clicks[i + 1]?.handled ?? Infinity;
    const flip = flips.find((f) => f.id === c.id && f.at >= c.handled && f.at <= until);
    if (flip) latenciesMs.push(flip.at - c.at);
    else unanswered++;
  });
  return { latenciesMs, clicksSent: sent, unanswered };
}

/**
 * The longest script that ran in a long animation frame starting in [from, to] (page clock, ms), leaving out
 * requestAnimationFrame callbacks: there MapLibre draws, which on software WebGL says more about the
 * renderer than about our code. Message, event, timer and promise callbacks (worker results arriving,
 * React's work, store updates) all count.
 */
export function longestScript(frames: readonly LongFrame[], from: number, to: number): { durationMs: number; invoker: string | null; source: string | null } {
  let best: FrameScript | null = null;
  for (const f of frames) {
    for (const s of f.scripts) {
      if (s.start < from || s.start > to || s.invoker === 'FrameRequestCallback') continue;
      if (!best || s.duration > best.duration) best = s;
    }
  }
  // Where the script's entry function lives (file and name) tells MapLibre's code from ours.
  const source = best?.sourceURL ? `${best.sourceURL.split('/').pop()}${best.sourceFunctionName ? ` ${best.sourceFunctionName}` : ''}` : null;
  return { durationMs: best?.duration ?? 0, invoker: best ? `${best.invokerType}: ${best.invoker}` : null, source };
}
