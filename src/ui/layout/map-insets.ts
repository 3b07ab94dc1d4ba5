import type { MapInsets } from '../../state/layout-slice';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Side = keyof MapInsets;

/**
 * How much of each edge of the map the given panels cover. Each panel is kept out of view by an edge inset
 * that clears it (a sheet along the bottom becomes a bottom inset, however tall; a column at the right a
 * right inset); of all such choices the one leaving the largest free rectangle wins, so a floating card above
 * a bottom sheet becomes a side inset rather than squeezing the map between the two. Panels outside the map
 * count for nothing.
 */
export function mapInsetsOf(map: Rect, panels: readonly Rect[]): MapInsets {
  const choices: [Side, number][][] = [];
  for (const p of panels) {
    const left = Math.max(p.left, map.left);
    const right = Math.min(p.right, map.right);
    const top = Math.max(p.top, map.top);
    const bottom = Math.min(p.bottom, map.bottom);
    if (right - left < 1 || bottom - top < 1) continue;
    // A sheet across the whole width can only be cleared from above or below, a full-height column only sideways.
    const fullWidth = right - left >= map.right - map.left - 1;
    const fullHeight = bottom - top >= map.bottom - map.top - 1;
    const options: [Side, number][] = [];
    if (!fullWidth || fullHeight) options.push(['left', right - map.left], ['right', map.right - left]);
    if (!fullHeight || fullWidth) options.push(['top', bottom - map.top], ['bottom', map.bottom - top]);
    choices.push(options.map(([side, px]) => [side, Math.round(px)]));
  }
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  let best: MapInsets = { top: 0, right: 0, bottom: 0, left: 0 };
  let bestArea = -1;
  const visit = (i: number, insets: MapInsets): void => {
    if (i === choices.length) {
      const area = Math.max(0, width - insets.left - insets.right) * Math.max(0, height - insets.top - insets.bottom);
      if (area > bestArea) [best, bestArea] = [insets, area];
      return;
    }
    for (const [side, px] of choices[i]!) visit(i + 1, { ...insets, [side]: Math.max(insets[side], px) });
  };
  visit(0, best);
  return best;
}
