import { plural } from '../../i18n/plural';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { planTargets, type PlanFigure } from '../../analysis/plan-targets';
import { formatArea, formatCount, formatDate, formatMoney, formatPercent } from '../../domain/format';
import { REPORT_DATE } from '../../domain/milestone-status';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import type { Lang } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/zh';

function value(v: number, unit: PlanFigure['unit'], lang: Lang): string {
  if (unit === 'cny') return formatMoney(v, lang);
  if (unit === 'pct') return formatPercent(v, lang);
  if (unit === 'km2') return formatArea(v * 1e6, 'km2', lang);
  return formatCount(v, lang);
}

function Label({ f, lang }: { f: PlanFigure; lang: Lang }) {
  return (
    <th scope="row">
      {f.featureRefs.length > 0 ? (
        <button type="button" className="link-btn" title={plural(lang, 'dash.select', f.featureRefs.length)} onClick={() => atlasStore.getState().setSelection(f.featureRefs)}>
          {f.label[lang]}
        </button>
      ) : (
        f.label[lang]
      )}
      {f.note && <div className="hint">{f.note[lang]}</div>}
    </th>
  );
}

/**
 * The programme's own figures from the report (targets, totals), then what the map holds read against
 * them; each mapped figure selects the features behind it.
 */
export function PlanDashboard() {
  const t = useT();
  const lang = useLang();
  const plan = useAtlas((s) => s.plan);
  const asOf = useAtlas((s) => s.attr.asOf ?? REPORT_DATE);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.origin === 'bundled')));
  const figures = useMemo(() => (plan ? planTargets(plan, layers.map((l) => ({ layerId: l.id, features: l.data.features })), asOf) : []), [plan, layers, asOf]);
  if (!plan) return <p className="muted">{t('dash.noPlan')}</p>;
  const badge = (f: PlanFigure) => {
    if (!f.status || f.status === 'info') return null;
    const text = f.status === 'partial' ? t('dash.status.partial', { pct: formatPercent(f.target ? (100 * f.actual) / f.target : 0, lang) }) : t(`dash.status.${f.status}` as MessageKey);
    return <div className={`badge badge-${f.status}`}>{text}</div>;
  };
  return (
    <section className="group" aria-labelledby="dash-title">
      <h3 id="dash-title">{t('dash.title')}</h3>
      <table className="mini-table dashboard" aria-labelledby="dash-report">
        <caption id="dash-report">
          {t('dash.report')}
          <div className="hint">{t('dash.reportHint')}</div>
        </caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('dash.value')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.filter((f) => f.group === 'report').map((f) => (
            <tr key={f.key} data-key={f.key} className="status-info">
              <Label f={f} lang={lang} />
              <td className="num" data-testid={`dash-${f.key}`}>{value(f.actual, f.unit, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="mini-table dashboard" aria-labelledby="dash-map">
        <caption id="dash-map">
          {t('dash.map')} <span className="muted">{t('dash.asOf', { date: formatDate(asOf, lang) })}</span>
          <div className="hint">{t('dash.mapHint')}</div>
        </caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('dash.mapped')}</th>
            <th scope="col">{t('dash.vsReport')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.filter((f) => f.group === 'map').map((f) => (
            <tr key={f.key} data-key={f.key} className={`status-${f.status ?? 'info'}`}>
              <Label f={f} lang={lang} />
              <td className="num" data-testid={`dash-${f.key}`}>{value(f.actual, f.unit, lang)}</td>
              <td className="num">
                {f.target !== undefined ? value(f.target, f.unit, lang) : '—'}
                {badge(f)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
