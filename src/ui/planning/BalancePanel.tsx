import { useMemo, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { useShallow } from 'zustand/react/shallow';
import { compareBalance, balanceToCsv, type LandUseBalance } from '../../analysis/landuse-balance';
import { downloadFile } from '../../app/export-actions';
import { suggestFileName } from '../../io/export/geojson';
import { zoneGeometry } from '../../state/filter-result';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers, resolveRef } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import { WideView } from '../layout/WideView';
import { BalanceTable, type BalanceSideKey } from './BalanceTable';
import { useLayerBalance } from './use-layer-balance';

type Scope = 'zone' | 'selection' | 'all';
const NONE = '';
const EMPTY: LandUseBalance = { rows: [], totalM2: 0, totalHa: 0, totalMu: 0, skipped: [] };

/**
 * 用地平衡表 of any layers carrying national land-use codes (bundled, imported, or big ones held by the
 * worker): 现状 and 规划 side by side with the change, or one of them alone; ellipsoidal areas.
 */
export function BalancePanel() {
  const t = useT();
  const lang = useLang();
  const [scope, setScope] = useState<Scope>('zone');
  const candidates = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.landUse && l.geometry !== 'point' && l.geometry !== 'line').reverse()));
  const [chosen, setChosen] = useState<Record<BalanceSideKey, string>>({ current: 'landuse-current', planned: 'landuse-planned' });
  const layerOf = (side: BalanceSideKey) => candidates.find((l) => l.id === chosen[side]);
  const current = layerOf('current');
  const planned = layerOf('planned');
  const zone = useAtlas((s) => s.zone);
  const selection = useAtlas((s) => s.selection);
  const layers = useAtlas((s) => s.layers);
  const area: Polygon | MultiPolygon | null = useMemo(() => {
    if (scope === 'zone') return zoneGeometry({ layers }, zone);
    if (scope === 'selection') {
      const polys = selection
        .map((r) => resolveRef({ layers }, r)?.feature.geometry)
        .filter((g): g is Polygon | MultiPolygon => g?.type === 'Polygon' || g?.type === 'MultiPolygon');
      if (!polys.length) return null;
      return { type: 'MultiPolygon', coordinates: polys.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) };
    }
    return null;
  }, [scope, zone, selection, layers]);
  const a = useLayerBalance(current, area);
  const b = useLayerBalance(planned, area);
  const sides = (['current', 'planned'] as const).filter((s) => (s === 'current' ? current : planned));
  const busy = (current !== undefined && a === null) || (planned !== undefined && b === null);
  const rows = useMemo(() => compareBalance(a ?? EMPTY, b ?? EMPTY), [a, b]);
  if (candidates.length === 0) return null;
  const select = (side: BalanceSideKey, ids: readonly string[]) => {
    const layerId = chosen[side];
    atlasStore.getState().setSelection(ids.map((featureId) => ({ layerId, featureId })));
  };
  const exportCsv = () => {
    const data = sides.length === 2 ? balanceToCsv(rows, lang) : balanceToCsv((sides[0] === 'current' ? a : b)?.rows ?? [], lang);
    downloadFile({ name: suggestFileName(lang === 'zh' ? '用地平衡表' : 'land-use-balance', new Date(), 'csv'), data: '\uFEFF' + data, mimeType: 'text/csv;charset=utf-8' });
  };
  return (
    <section className="group" aria-labelledby="balance-title">
      <h3 id="balance-title">{t('balance.title')}</h3>
      {(['current', 'planned'] as const).map((side) => (
        <label key={side} className="field">
          <span>{t(side === 'current' ? 'balance.currentLayer' : 'balance.plannedLayer')}</span>
          <select value={layerOf(side) ? chosen[side] : NONE} onChange={(e) => setChosen({ ...chosen, [side]: e.target.value })}>
            <option value={NONE}>{t('balance.noLayer')}</option>
            {candidates.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title[lang]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div role="radiogroup" aria-label={t('balance.scope')} className="radio-row">
        {(['zone', 'selection', 'all'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="balance-scope" checked={scope === s} onChange={() => setScope(s)} />
            {t(s === 'zone' ? 'balance.scopeZone' : s === 'selection' ? 'balance.scopeSelection' : 'balance.scopeAll')}
          </label>
        ))}
      </div>
      {scope !== 'all' && !area && <p className="hint">{t('balance.noZone')}</p>}
      <p className="hint" role="status">
        {busy ? t('balance.computing') : ''}
      </p>
      {sides.length > 0 && (
        <>
          <WideView title={t('balance.title')}>
            <BalanceTable rows={rows} sides={sides} busy={busy} onSelect={select} />
          </WideView>
          <button type="button" onClick={exportCsv} disabled={busy}>
            {t('balance.csv')}
          </button>
        </>
      )}
    </section>
  );
}
