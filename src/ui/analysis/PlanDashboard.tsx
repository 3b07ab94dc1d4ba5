import { plural } from '../../i18n/plural';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { planTargets, type PlanFigure } from '../../analysis/plan-targets';
import { formatCount, formatDate, formatMoney } from '../../domain/format';
import { REPORT_DATE } from '../../domain/milestone-status';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import type { Lang } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/zh';

function value(v: number, unit: PlanFigure['unit'], lang: Lang): string {
  if (unit === 'cny') return formatMoney(v, lang);
  if (unit === 'pct') return `${new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 }).format(v)} %`;
  if (unit === 'km2') return `${v.toFixed(1)} km²`;
  return formatCount(v, lang);
}

/** The report's targets against what the map holds; each figure selects the features behind it. */
export function PlanDashboard() {
  const t = useT();
  const lang = useLang();
  const plan = useAtlas((s) => s.plan);
  const asOf = useAtlas((s) => s.attr.asOf ?? REPORT_DATE);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.origin === 'bundled')));
  const figures = useMemo(() => (plan ? planTargets(plan, layers.map((l) => ({ layerId: l.id, features: l.data.features })), asOf) : []), [plan, layers, asOf]);
  if (!plan) return <p className="muted">{t('dash.noPlan')}</p>;
  return (
    <section className="group" aria-labelledby="dash-title">
      <h3 id="dash-title">
        {t('dash.title')} <span className="muted">{t('dash.asOf', { date: formatDate(asOf, lang) })}</span>
      </h3>
      <table className="mini-table dashboard">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('dash.actual')}</th>
            <th scope="col">{t('dash.target')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.key} data-key={f.key} className={`status-${f.status ?? 'info'}`}>
              <th scope="row">
                {f.featureRefs.length > 0 ? (
                  <button
                    type="button"
                    className="link-btn"
                    title={plural(lang, 'dash.select', f.featureRefs.length)}
                    onClick={() => atlasStore.getState().setSelection(f.featureRefs)}
                  >
                    {f.label[lang]}
                  </button>
                ) : (
                  f.label[lang]
                )}
                {f.note && <div className="hint">{f.note[lang]}</div>}
              </th>
              <td className="num" data-testid={`dash-${f.key}`}>
                {value(f.actual, f.unit, lang)}
              </td>
              <td className="num">
                {f.target !== undefined ? value(f.target, f.unit, lang) : '—'}
                {f.status && f.status !== 'info' && <div className={`badge badge-${f.status}`}>{t(`dash.status.${f.status}` as MessageKey)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
