import type { MouseEvent } from 'react';
import { useT } from '../use-t';
import './skip-link.css';

/** The map's element that takes keyboard input (MapLibre's canvas: arrows pan, +/- zoom, drawing keys). */
export function focusMap(): boolean {
  const canvas = document.getElementById('atlas-map')?.querySelector<HTMLElement>('canvas');
  if (!canvas) return false;
  canvas.focus();
  return true;
}

/**
 * The first stop of the Tab order: skips the top bar and sidebar to the map. Hidden until focused. The
 * address keeps its hash (it holds the shared view), so the link moves focus itself instead of jumping.
 */
export function SkipLink() {
  const t = useT();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (focusMap()) e.preventDefault();
  };
  return (
    <a className="skip-link" href="#atlas-map" onClick={onClick}>
      {t('a11y.skipToMap')}
    </a>
  );
}
