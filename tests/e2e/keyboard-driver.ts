// Keyboard-only helpers: every step is a key press through page.keyboard; the page is only read.
import { expect, type Page } from '@playwright/test';

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

/** Presses Tab (or Shift+Tab, going back) until focus is in a grid cell. */
export async function tabToGridCell(page: Page, max = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
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

/** A field of the app's store, read (never written) for checks. */
export async function storeState(page: Page, key: string): Promise<unknown> {
  return page.evaluate((k) => (window as unknown as { __atlasStore: { getState: () => Record<string, unknown> } }).__atlasStore.getState()[k], key);
}

/** Waits until the drawing tool listens (its hint says so). */
export async function drawingReady(page: Page): Promise<void> {
  await expect(page.locator('[data-draw-phase]')).toHaveAttribute('data-draw-phase', 'ready', { timeout: 20_000 });
}

/** Where the keyboard crosshair is now, in the map's pixels (it starts at the map's centre). */
export async function crosshairAt(page: Page): Promise<{ x: number; y: number }> {
  const t = await page.locator('.kbd-cursor').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(t);
  if (!m) throw new Error(`crosshair not placed: ${t}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** The crosshair's stops after each move of `moves` (pixels, multiples of 10) from `start`. */
export function cursorPath(start: { x: number; y: number }, moves: [number, number][]): { x: number; y: number }[] {
  let { x, y } = start;
  return moves.map(([dx, dy]) => ({ x: (x += dx), y: (y += dy) }));
}

/** Moves the keyboard crosshair by whole steps: Shift+arrow for each 50 px, an arrow for each 10 px left. */
export async function moveCursor(page: Page, dx: number, dy: number): Promise<void> {
  for (const [d, minus, plus] of [[dx, 'ArrowLeft', 'ArrowRight'], [dy, 'ArrowUp', 'ArrowDown']] as const) {
    const key = d < 0 ? minus : plus;
    const big = Math.floor(Math.abs(d) / 50);
    await press(page, `Shift+${key}`, big);
    await press(page, key, (Math.abs(d) - big * 50) / 10);
  }
}

/** Map pixels of lon/lat positions, as the map shows them now. */
export async function projected(page: Page, lngLats: [number, number][]): Promise<{ x: number; y: number }[]> {
  return page.evaluate((pts) => pts.map((p) => window.__atlas!.project(p)), lngLats);
}
