import type { MapInsets } from '../../state/layout-slice';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * How much of each edge of the map the given panels cover. Each panel is kept out of view by the cheapest
 * edge inset that clears it (a sheet along the bottom becomes a bottom inset, a column at the right a right
 * inset); panels outside the map count for nothing.
 */
export function mapInsetsOf(map: Rect, panels: readonly Rect[]): MapInsets {
  const out = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const p of panels) {
    const left = Math.max(p.left, map.left);
    const right = Math.min(p.right, map.right);
    const top = Math.max(p.top, map.top);
    const bottom = Math.min(p.bottom, map.bottom);
    if (right - left < 1 || bottom - top < 1) continue;
    const options: [keyof MapInsets, number][] = [
      ['left', right - map.left],
      ['right', map.right - left],
      ['top', bottom - map.top],
      ['bottom', map.bottom - top],
    ];
    const [side, px] = options.reduce((a, b) => (b[1] < a[1] ? b : a));
    out[side] = Math.max(out[side], Math.round(px));
  }
  return out;
}
