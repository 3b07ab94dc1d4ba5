/**
 * What the page records for the browser benchmark, installed with addInitScript before any of the app's
 * code runs: main-thread long tasks (PerformanceObserver 'longtask', buffered) and, for the input probe,
 * trusted clicks on the sidebar tabs and the moment each tab's aria-selected turns "true".
 */
import type { Page } from 'playwright-core';

export interface LongTask {
  start: number;
  duration: number;
}

interface BenchRecord {
  longtasks: LongTask[];
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
  const rec: BenchRecord = { longtasks: [], clicks: [], flips: [], importPhases: [] };
  window.__bench = rec;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task support: the bench reports it
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

export async function longTasks(page: Page): Promise<{ supported: boolean; tasks: LongTask[]; importPhases: { at: number; phase: string }[] }> {
  return page.evaluate(() => ({
    supported: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    tasks: window.__bench?.longtasks ?? [],
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
