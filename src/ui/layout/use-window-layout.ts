import { useEffect, useLayoutEffect, type RefObject } from 'react';
import { atlasStore } from '../../state/store';
import { mapInsetsOf } from './map-insets';

/** Elements that may lie over the map (sheets, floating panels) carry this attribute. */
export const COVERS_MAP = 'data-covers-map';

/**
 * Keeps the store's window class and map insets true: the class follows the window's width, the insets
 * follow the rectangles of the panels over the map whenever one appears, goes or changes size.
 */
export function useWindowLayout(root: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const onResize = () => atlasStore.getState().setWindowWidth(window.innerWidth);
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const map = el.querySelector('[data-testid="map"]');
      if (!map) return;
      const panels = [...el.querySelectorAll(`[${COVERS_MAP}]`)].map((p) => p.getBoundingClientRect());
      atlasStore.getState().setMapInsets(mapInsetsOf(map.getBoundingClientRect(), panels));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    // Measured in the observer's own callback (after layout, before paint): a camera fit asked for in the
    // same frame, which waits two frames, then sees the panel that just grew (the import result).
    const sizes = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      measure();
    });
    let watched = new Set<Element>();
    const watch = () => {
      const now = new Set([el, ...el.querySelectorAll(`[${COVERS_MAP}], [data-testid="map"]`)]);
      if (now.size === watched.size && [...now].every((x) => watched.has(x))) return;
      sizes.disconnect();
      for (const x of now) sizes.observe(x);
      watched = now;
      schedule();
    };
    watch();
    const changes = new MutationObserver(watch);
    changes.observe(el, { childList: true, subtree: true });
    return () => {
      changes.disconnect();
      sizes.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root]);
}
