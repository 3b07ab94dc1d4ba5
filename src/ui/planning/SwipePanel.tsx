import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { useT } from '../use-t';
import { LayerSelect } from '../LayerSelect';

/** Shows `left` on the main map and `right` right of the divider. */
function startCompare(left: string, right: string): void {
  const s = atlasStore.getState();
  if (s.compare && s.compare.right !== right) s.setVisible(s.compare.right, true);
  s.setVisible(left, true);
  s.setVisible(right, false);
  s.setCompare({ left, right, position: s.compare?.position ?? 0.5 });
}

function stopCompare(): void {
  const s = atlasStore.getState();
  if (s.compare) s.setVisible(s.compare.right, true);
  s.setCompare(null);
}

/** 对比分析: choose the two layers (default 现状 | 规划) and start the swipe. */
export function SwipePanel() {
  const t = useT();
  const compare = useAtlas((s) => s.compare);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.geometry !== 'point').reverse()));
  const [sides, setSides] = useState({ left: 'landuse-current', right: 'landuse-planned' });
  const choose = (side: 'left' | 'right', id: string) => {
    const next = { ...sides, [side]: id };
    setSides(next);
    if (compare) startCompare(next.left, next.right);
  };
  return (
    <section className="group" aria-labelledby="swipe-title">
      <h3 id="swipe-title">{t('swipe.title')}</h3>
      {(['left', 'right'] as const).map((side) => (
        <label key={side} className="field">
          <span>{t(side === 'left' ? 'swipe.left' : 'swipe.right')}</span>
          <LayerSelect layers={layers} value={sides[side]} onChange={(id) => choose(side, id)} />
        </label>
      ))}
      <button type="button" aria-pressed={compare !== null} onClick={() => (compare ? stopCompare() : startCompare(sides.left, sides.right))}>
        {t(compare ? 'swipe.stop' : 'swipe.start')}
      </button>
    </section>
  );
}
