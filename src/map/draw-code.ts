import { loadOnce } from './load-once';

/** terra-draw and its MapLibre adapter, loaded once on first use (they are not needed to open the app). */
export type DrawCode = [typeof import('terra-draw'), typeof import('terra-draw-maplibre-gl-adapter')];

/**
 * Starts (or joins) the download of the drawing code. Drawing buttons call it when the pointer or focus
 * reaches them, so the tool usually listens by the time the button is pressed.
 */
export const loadDrawCode: () => Promise<DrawCode> = loadOnce(() => Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]));

/** For event handlers: start the download, report nothing (a failure shows when the tool starts). */
export function preloadDrawCode(): void {
  void loadDrawCode().catch(() => undefined);
}
