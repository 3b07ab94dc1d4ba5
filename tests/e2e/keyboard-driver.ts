// Keyboard-only helpers: every step is a key press through page.keyboard; the page is only read.
import type { Page } from '@playwright/test';

/** The focused element's accessible name as a person hears it (aria-label, else its text). */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element is named `name` (at most `max` presses). */
export async function tabTo(page: Page, name: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Presses Tab until focus is in a grid cell. */
export async function tabToGridCell(page: Page, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell')) return;
  }
  throw new Error('Tab never reached a grid cell');
}

export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** The ids of the selected features of one layer, from the store (what the selection bar counts). */
export async function selectedIds(page: Page, layerId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      (window as unknown as { __atlasStore: { getState: () => { selection: { layerId: string; featureId: string }[] } } }).__atlasStore
        .getState()
        .selection.filter((r) => r.layerId === id)
        .map((r) => r.featureId),
    layerId,
  );
}

export async function focusedIsMapCanvas(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas') === true);
}
