import type { Map as MlMap } from 'maplibre-gl';
import { swallowNextClick } from './click-guard';

/**
 * Shift-drag draws a selection box (MapLibre's own box zoom is switched off for it). Listens in the capture
 * phase and switches drag-pan off for the gesture, so a shift-drag never pans. The mouse-down still reaches
 * MapLibre: it measures a click from its own last mouse-down, and without it a Shift-click far from the
 * previous click would be dropped. `register` returns the function that undoes it.
 */
export function registerBoxSelect(map: MlMap, onBox: (ring: [number, number][]) => void): () => void {
  map.boxZoom.disable();
  const container = map.getCanvasContainer();
  let start: { x: number; y: number } | null = null;
  let box: HTMLDivElement | null = null;

  const pos = (e: MouseEvent) => {
    const r = container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onMove = (e: MouseEvent) => {
    if (!start || !box) return;
    const p = pos(e);
    box.style.left = `${Math.min(p.x, start.x)}px`;
    box.style.top = `${Math.min(p.y, start.y)}px`;
    box.style.width = `${Math.abs(p.x - start.x)}px`;
    box.style.height = `${Math.abs(p.y - start.y)}px`;
  };
  let panWasOn = false;
  const onUp = (e: MouseEvent) => {
    window.removeEventListener('mousemove', onMove);
    window.removeEventListener('mouseup', onUp);
    if (panWasOn) map.dragPan.enable();
    panWasOn = false;
    box?.remove();
    box = null;
    if (!start) return;
    const a = start;
    const b = pos(e);
    start = null;
    // A shift-press that hardly moved is a Shift-click (add to or remove from the selection): its click goes on.
    if (Math.abs(a.x - b.x) < 4 && Math.abs(a.y - b.y) < 4) return;
    // The click that follows this mouse-up belongs to the box (or to one too thin to select), not to the map.
    swallowNextClick();
    if (Math.abs(a.x - b.x) < 4 || Math.abs(a.y - b.y) < 4) return;
    const corners = [
      [a.x, a.y],
      [b.x, a.y],
      [b.x, b.y],
      [a.x, b.y],
    ].map(([x, y]) => map.unproject([x!, y!]));
    onBox(corners.map((c) => [c.lng, c.lat]));
  };
  const onDown = (e: MouseEvent) => {
    if (!e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    panWasOn = map.dragPan.isEnabled();
    if (panWasOn) map.dragPan.disable();
    start = pos(e);
    box = document.createElement('div');
    box.className = 'box-select';
    container.appendChild(box);
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
  };
  container.addEventListener('mousedown', onDown, true);
  return () => {
    container.removeEventListener('mousedown', onDown, true);
    window.removeEventListener('mousemove', onMove);
    window.removeEventListener('mouseup', onUp);
    box?.remove();
    map.boxZoom.enable();
  };
}
