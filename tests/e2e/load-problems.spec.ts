// A bundled file that fails to load is named with its problem, in the UI language; the rest still show.
import { test } from '@playwright/test';
import { bundled, expect, openAtlas, renderedIds } from './driver';

for (const [lang, text] of [
  ['zh', '服务器返回 HTTP 404'],
  ['en', 'HTTP 404'],
] as const) {
  test(`a missing villages file is reported (${lang}) and the other layers still show`, async ({ page }) => {
    await page.route(/\/assets\/villages-[^/]*\.geojson$/, (route) => route.fulfill({ status: 404, body: 'not here' }));
    await openAtlas(page, `?lang=${lang}`);
    const alert = page.getByRole('alert').filter({ hasText: 'villages' });
    await expect(alert).toContainText('geodata/villages.geojson');
    await expect(alert).toContainText(text);
    if (lang === 'zh') await expect(alert).not.toContainText('not found');
    await expect.poll(async () => (await renderedIds(page, 'key-projects')).length).toBe(bundled('key-projects.geojson').features.length);
  });
}
