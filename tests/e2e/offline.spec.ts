import { test } from '@playwright/test';
import { expect, PageWatch, renderedIds, screenshot, waitForIdle } from './driver';
import { cachedUrls, fetchOutcome, openWithServiceWorker, precacheList, simulateNextBuild } from './offline-driver';

// Test builds register the service worker only when the address asks for it (?sw), so the other specs,
// which share this origin, run without one.

const BUNDLED_DRAWN = ['zone', 'townships', 'functional-areas', 'central-urban-area', 'featured-towns', 'rivers', 'roads', 'ppp-parcels', 'pollution-works', 'villages', 'key-projects'];

test('after its first load the app opens and draws the bundled layers offline', async ({ page, context }) => {
  const watch = new PageWatch(page);
  await openWithServiceWorker(page, '&lang=zh');
  await expect(page.getByRole('status').filter({ hasText: '断网后也可打开使用' })).toBeAttached();
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 20_000 });
  await waitForIdle(page);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  for (const layer of BUNDLED_DRAWN) expect((await renderedIds(page, layer)).length, `${layer} drawn offline`).toBeGreaterThan(0);
  await screenshot(page, 'offline-zh');
  // The same link with another query (English) is the same app shell.
  await page.goto('/?sw=1&lang=en');
  await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 20_000 });
  await waitForIdle(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jiaozuo Planning Atlas');
  expect(watch.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
});

test('the service worker keeps the build only: no other origin, no POST, no file outside the build', async ({ browser, baseURL }) => {
  // Without the page's CSP, so that a request to another origin reaches the service worker at all.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const otherOrigin = baseURL!.replace('127.0.0.1', 'localhost');
  await openWithServiceWorker(page, '&lang=en');
  const list = precacheList();
  const urls = await cachedUrls(page);
  // Exactly the build's list, all of this origin; the bundled layers as the build emits them.
  expect(urls.map((u) => new URL(u).origin)).toEqual(urls.map(() => baseURL));
  expect(urls.map((u) => new URL(u).pathname.slice(1)).sort()).toEqual([...list.keys()].sort());
  expect([...list.keys()].filter((u) => /^assets\/villages-.*\.geojson$/.test(u))).toHaveLength(1);
  expect(list.has('manifest.webmanifest') && list.has('icons/icon-512.png') && list.has('index.html')).toBe(true);

  // Online, these are answered by the network: another origin, a POST, a same-origin file that is not
  // part of the build's list (as a planner's ?data= file or a service would be).
  const outside = `${baseURL}/icons/maskable.svg`;
  expect(await fetchOutcome(page, `${otherOrigin}/index.html`, { mode: 'no-cors' })).toBe('answered');
  expect(await fetchOutcome(page, outside)).toBe('answered');
  expect(await fetchOutcome(page, `${baseURL}/index.html`, { method: 'POST', body: 'x' })).toBe('answered');
  expect(await cachedUrls(page)).toEqual(urls);

  await context.setOffline(true);
  expect(await fetchOutcome(page, `${baseURL}/index.html`)).toBe('answered');
  expect(await fetchOutcome(page, `${otherOrigin}/index.html`, { mode: 'no-cors' })).toBe('failed');
  expect(await fetchOutcome(page, outside)).toBe('failed');
  expect(await fetchOutcome(page, `${baseURL}/index.html`, { method: 'POST', body: 'x' })).toBe('failed');
  await context.close();
});

test('a new build replaces the worker, its files and the old cache entries', async ({ page, context }) => {
  await openWithServiceWorker(page, '&lang=zh');
  const before = await cachedUrls(page);
  const firstRevision = precacheList().get('index.html')!;
  expect(before).toContain(`${new URL(page.url()).origin}/index.html?__WB_REVISION__=${firstRevision}`);
  const restore = simulateNextBuild('next');
  try {
    const nextRevision = precacheList().get('index.html')!;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.locator('.offline-notice');
    await expect(notice).toContainText('已更新到新版本');
    // The new worker drops the old entries while it activates.
    await expect.poll(async () => (await cachedUrls(page)).filter((u) => u.includes('index.html'))).toEqual([`${new URL(page.url()).origin}/index.html?__WB_REVISION__=${nextRevision}`]);
    await screenshot(page, 'offline-updated');
    // Offline, the reload the notice offers opens the new version from the new cache.
    await context.setOffline(true);
    await notice.getByRole('button', { name: '重新载入' }).click();
    await page.waitForFunction(() => window.__atlas !== undefined, null, { timeout: 20_000 });
    await expect(page.locator('meta[name="atlas-build"]')).toHaveAttribute('content', 'next');
  } finally {
    restore();
  }
});
