import { Fragment, useMemo, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { compareBalance, landUseBalance, balanceToCsv } from '../../analysis/landuse-balance';
import { rgbHex } from '../../domain/landuse-palette';
import { AREA_DECIMALS, formatNumber } from '../../domain/format';
import { downloadFile } from '../../app/export-actions';
import { suggestFileName } from '../../io/export/geojson';
import { indexOf, zoneGeometry } from '../../state/filter-result';
import { atlasStore, useAtlas } from '../../state/store';
import { resolveRef } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import { WideView } from '../layout/WideView';

type Scope = 'zone' | 'selection' | 'all';
// Shares to 0.01 %; areas exact to their unit (ha to 0.0001, 亩 to 0.01).
const fmt = (v: number, lang: 'zh' | 'en', digits = 2) => formatNumber(v, lang, { maxDecimals: digits });
const HA = AREA_DECIMALS.ha;
const MU = AREA_DECIMALS.mu;

/** 用地平衡表: area and share by class, 现状 and 规划 side by side with the change, ellipsoidal areas. */
export function BalancePanel() {
  const t = useT();
  const lang = useLang();
  const [scope, setScope] = useState<Scope>('zone');
  const current = useAtlas((s) => s.layers['landuse-current']);
  const planned = useAtlas((s) => s.layers['landuse-planned']);
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
  const rows = useMemo(() => {
    if (!current || !planned) return [];
    const a = landUseBalance(current.data.features, area, { index: indexOf(current.data) });
    const b = landUseBalance(planned.data.features, area, { index: indexOf(planned.data) });
    return compareBalance(a, b);
  }, [current, planned, area]);
  if (!current || !planned) return null;
  const select = (ids: string[], layerId: string) => atlasStore.getState().setSelection(ids.map((featureId) => ({ layerId, featureId })));
  const exportCsv = () =>
    downloadFile({ name: suggestFileName(lang === 'zh' ? '用地平衡表' : 'land-use-balance', new Date(), 'csv'), data: '\uFEFF' + balanceToCsv(rows, lang), mimeType: 'text/csv;charset=utf-8', count: rows.length, issues: [] });
  const total = rows.filter((r) => r.level === 1 || r.code === null);
  const sum = (side: 'current' | 'planned', k: 'areaHa' | 'areaMu') => total.reduce((n, r) => n + r[side][k], 0);
  return (
    <section className="group" aria-labelledby="balance-title">
      <h3 id="balance-title">{t('balance.title')}</h3>
      <div role="radiogroup" aria-label={t('balance.scope')} className="radio-row">
        {(['zone', 'selection', 'all'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="balance-scope" checked={scope === s} onChange={() => setScope(s)} />
            {t(s === 'zone' ? 'balance.scopeZone' : s === 'selection' ? 'balance.scopeSelection' : 'balance.scopeAll')}
          </label>
        ))}
      </div>
      {scope !== 'all' && !area && <p className="hint">{t('balance.noZone')}</p>}
      <WideView title={t('balance.title')}>
        <table className="mini-table balance-table" aria-label={t('balance.title')}>
          <thead>
            <tr>
              <th scope="col">{t('balance.class')}</th>
              <th scope="col" colSpan={3}>{t('balance.current')}</th>
              <th scope="col" colSpan={3}>{t('balance.planned')}</th>
              <th scope="col" colSpan={2}>{t('balance.change')}</th>
            </tr>
            <tr className="sub">
              <th />
              <th scope="col">{t('balance.ha')}</th>
              <th scope="col">{t('balance.mu')}</th>
              <th scope="col">{t('balance.share')}</th>
              <th scope="col">{t('balance.ha')}</th>
              <th scope="col">{t('balance.mu')}</th>
              <th scope="col">{t('balance.share')}</th>
              <th scope="col">{t('balance.ha')}</th>
              <th scope="col">{t('balance.mu')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const name = r.code === null ? t('balance.unknown') : `${r.code} ${lang === 'zh' ? r.name_zh : r.name_en}`;
              return (
                <Fragment key={r.code ?? 'unknown'}>
                  <tr className={r.level === 1 ? 'level1' : 'level2'} data-code={r.code ?? ''}>
                    <th scope="row">
                      {r.rgb && <span className="swatch" style={{ background: rgbHex(r.rgb) }} aria-hidden="true" />}{' '}
                      <button
                        type="button"
                        className="link-btn"
                        aria-label={t('balance.selectRow', { name })}
                        onClick={() => select([...r.current.featureIds], 'landuse-current')}
                      >
                        {name}
                      </button>
                    </th>
                    <td className="num">{fmt(r.current.areaHa, lang, HA)}</td>
                    <td className="num">{fmt(r.current.areaMu, lang, MU)}</td>
                    <td className="num">{fmt(r.current.share, lang)} %</td>
                    <td className="num">
                      <button type="button" className="link-btn" onClick={() => select([...r.planned.featureIds], 'landuse-planned')}>
                        {fmt(r.planned.areaHa, lang, HA)}
                      </button>
                    </td>
                    <td className="num">{fmt(r.planned.areaMu, lang, MU)}</td>
                    <td className="num">{fmt(r.planned.share, lang)} %</td>
                    <td className={`num ${r.change.areaHa > 0 ? 'up' : r.change.areaHa < 0 ? 'down' : ''}`}>{fmt(r.change.areaHa, lang, HA)}</td>
                    <td className={`num ${r.change.areaMu > 0 ? 'up' : r.change.areaMu < 0 ? 'down' : ''}`}>{fmt(r.change.areaMu, lang, MU)}</td>
                  </tr>
                </Fragment>
              );
            })}
            <tr className="total">
              <th scope="row">{t('balance.total')}</th>
              <td className="num" data-testid="balance-total-current">{fmt(sum('current', 'areaHa'), lang, HA)}</td>
              <td className="num">{fmt(sum('current', 'areaMu'), lang, MU)}</td>
              <td className="num">100.00 %</td>
              <td className="num">{fmt(sum('planned', 'areaHa'), lang, HA)}</td>
              <td className="num">{fmt(sum('planned', 'areaMu'), lang, MU)}</td>
              <td className="num">100.00 %</td>
              <td className="num">{fmt(sum('planned', 'areaHa') - sum('current', 'areaHa'), lang, HA)}</td>
              <td className="num">{fmt(sum('planned', 'areaMu') - sum('current', 'areaMu'), lang, MU)}</td>
            </tr>
          </tbody>
        </table>
      </WideView>
      <button type="button" onClick={exportCsv}>
        {t('balance.csv')}
      </button>
    </section>
  );
}
