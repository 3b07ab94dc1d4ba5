import { test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, openAtlas } from './driver';

// Four full axe runs per language: on a busy 2-core machine they need more than the default minute.
test.describe.configure({ timeout: 150_000 });

for (const lang of ['zh', 'en'] as const) {
  test(`every sidebar tab passes axe (serious and critical rules), ${lang}`, async ({ page }) => {
    // Four full axe runs: on a busy two-core machine they take over the default minute.
    test.slow();
    await openAtlas(page, `?lang=${lang}`);
    const tabs = page.getByRole('tablist').first().getByRole('tab');
    const n = await tabs.count();
    const problems: string[] = [];
    for (let i = 0; i < n; i++) {
      await tabs.nth(i).click();
      const result = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${await tabs.nth(i).textContent()}: ${v.id} ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(' | ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
}
