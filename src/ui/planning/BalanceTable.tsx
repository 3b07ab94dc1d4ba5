import { Fragment } from 'react';
import type { ComparisonRow } from '../../analysis/landuse-balance';
import { rgbHex } from '../../domain/landuse-palette';
import { AREA_DECIMALS, formatNumber } from '../../domain/format';
import { useLang, useT } from '../use-t';

// Shares to 0.01 %; areas exact to their unit (ha to 0.0001, 亩 to 0.01).
const fmt = (v: number, lang: 'zh' | 'en', digits = 2) => formatNumber(v, lang, { maxDecimals: digits });
const HA = AREA_DECIMALS.ha;
const MU = AREA_DECIMALS.mu;
const trend = (v: number) => (v > 0 ? 'up' : v < 0 ? 'down' : '');

export type BalanceSideKey = 'current' | 'planned';

/**
 * The 用地平衡表 itself: one column group per side shown (现状, 规划) and the change when both are, a total
 * line; a class name selects its features on the first side, an area those on its own side.
 */
export function BalanceTable({ rows, sides, busy, onSelect }: {
  rows: readonly ComparisonRow[];
  sides: readonly BalanceSideKey[];
  busy: boolean;
  onSelect: (side: BalanceSideKey, ids: readonly string[]) => void;
}) {
  const t = useT();
  const lang = useLang();
  const both = sides.length === 2;
  const total = rows.filter((r) => r.level === 1 || r.code === null);
  const sum = (side: BalanceSideKey, k: 'areaHa' | 'areaMu') => total.reduce((n, r) => n + r[side][k], 0);
  const first = sides[0] ?? 'current';
  return (
    <table className="mini-table balance-table" aria-label={t('balance.title')} aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">{t('balance.class')}</th>
          {sides.map((s) => (
            <th key={s} scope="col" colSpan={3}>{t(s === 'current' ? 'balance.current' : 'balance.planned')}</th>
          ))}
          {both && <th scope="col" colSpan={2}>{t('balance.change')}</th>}
        </tr>
        <tr className="sub">
          <th />
          {sides.map((s) => (
            <Fragment key={s}>
              <th scope="col">{t('balance.ha')}</th>
              <th scope="col">{t('balance.mu')}</th>
              <th scope="col">{t('balance.share')}</th>
            </Fragment>
          ))}
          {both && (
            <>
              <th scope="col">{t('balance.ha')}</th>
              <th scope="col">{t('balance.mu')}</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = r.code === null ? t('balance.unknown') : `${r.code} ${lang === 'zh' ? r.name_zh : r.name_en}`;
          return (
            <tr key={r.code ?? 'unknown'} className={r.level === 1 ? 'level1' : 'level2'} data-code={r.code ?? ''}>
              <th scope="row">
                {r.rgb && <span className="swatch" style={{ background: rgbHex(r.rgb) }} aria-hidden="true" />}{' '}
                <button type="button" className="link-btn" aria-label={t('balance.selectRow', { name })} onClick={() => onSelect(first, r[first].featureIds)}>
                  {name}
                </button>
              </th>
              {sides.map((s) => (
                <Fragment key={s}>
                  <td className="num">
                    {s === first ? (
                      fmt(r[s].areaHa, lang, HA)
                    ) : (
                      <button type="button" className="link-btn" onClick={() => onSelect(s, r[s].featureIds)}>
                        {fmt(r[s].areaHa, lang, HA)}
                      </button>
                    )}
                  </td>
                  <td className="num">{fmt(r[s].areaMu, lang, MU)}</td>
                  <td className="num">{fmt(r[s].share, lang)} %</td>
                </Fragment>
              ))}
              {both && (
                <>
                  <td className={`num ${trend(r.change.areaHa)}`}>{fmt(r.change.areaHa, lang, HA)}</td>
                  <td className={`num ${trend(r.change.areaMu)}`}>{fmt(r.change.areaMu, lang, MU)}</td>
                </>
              )}
            </tr>
          );
        })}
        <tr className="total">
          <th scope="row">{t('balance.total')}</th>
          {sides.map((s) => (
            <Fragment key={s}>
              <td className="num" data-testid={`balance-total-${s}`}>{fmt(sum(s, 'areaHa'), lang, HA)}</td>
              <td className="num">{fmt(sum(s, 'areaMu'), lang, MU)}</td>
              <td className="num">{rows.length ? '100.00 %' : '—'}</td>
            </Fragment>
          ))}
          {both && (
            <>
              <td className="num">{fmt(sum('planned', 'areaHa') - sum('current', 'areaHa'), lang, HA)}</td>
              <td className="num">{fmt(sum('planned', 'areaMu') - sum('current', 'areaMu'), lang, MU)}</td>
            </>
          )}
        </tr>
      </tbody>
    </table>
  );
}
