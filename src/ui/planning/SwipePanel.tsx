import { useMemo, useState } from 'react';
import { AREA_DECIMALS, formatNumber } from '../../domain/format';
import { compareBalance } from '../../analysis/landuse-balance';
import { useLayerBalance } from './use-layer-balance';
import { useShallow } from 'zustand/react/shallow';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { useLang, useT } from '../use-t';
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
  const lang = useLang();
  const compare = useAtlas((s) => s.compare);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.geometry !== 'point').reverse()));
  const [sides, setSides] = useState({ left: 'landuse-current', right: 'landuse-planned' });
  const left = layers.find((l) => l.id === sides.left);
  const right = layers.find((l) => l.id === sides.right);
  // What changed between the two versions, by land-use class (both sides must carry land-use codes).
  // Big layers are measured by their worker.
  const a = useLayerBalance(left?.landUse ? left : undefined, null);
  const b = useLayerBalance(right?.landUse ? right : undefined, null);
  const changes = useMemo(() => {
    if (!a || !b) return null;
    return compareBalance(a, b).filter((r) => r.level !== 2 && Math.abs(r.change.areaHa) >= 0.01);
  }, [a, b]);
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
      {changes && changes.length > 0 && (
        <table className="mini-table" aria-label={t('swipe.changes')}>
          <caption>{t('swipe.changes')}</caption>
          <tbody>
            {changes.map((r) => (
              <tr key={r.code ?? 'unknown'}>
                <th scope="row">{r.code === null ? t('balance.unknown') : `${r.code} ${lang === 'zh' ? r.name_zh : r.name_en}`}</th>
                <td className={`num ${r.change.areaHa > 0 ? 'up' : 'down'}`}>
                  {r.change.areaHa > 0 ? '+' : ''}
                  {formatNumber(r.change.areaHa, lang, { maxDecimals: AREA_DECIMALS.ha })} {t('balance.ha')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" aria-pressed={compare !== null} onClick={() => (compare ? stopCompare() : startCompare(sides.left, sides.right))}>
        {t(compare ? 'swipe.stop' : 'swipe.start')}
      </button>
    </section>
  );
}
