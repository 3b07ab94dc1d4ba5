import type { ZoneStatsRow } from '../../analysis/zone-stats';
import { formatCount } from '../../domain/format';
import type { Lang } from '../../i18n/translate';

export interface ChartSeries {
  layerId: string;
  label: string;
  color: string;
}

/**
 * Stacked bars per zone, one colour per series, with a legend. Laid out by CSS grid: the name column is as
 * wide as the longest name up to 45 % of the chart and wraps beyond that, so no label is cut off.
 */
export function ZoneStatsChart({ rows, series, lang, label }: { rows: readonly ZoneStatsRow[]; series: readonly ChartSeries[]; lang: Lang; label: string }) {
  const total = (r: ZoneStatsRow) => series.reduce((n, s) => n + (r.counts[s.layerId] ?? 0), 0);
  const max = Math.max(1, ...rows.map(total));
  return (
    <figure className="stats-chart">
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.layerId}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}
          </li>
        ))}
      </ul>
      <div className="chart-grid" role="img" aria-label={label}>
        {rows.map((r) => (
          <div key={r.zoneId} className="chart-row">
            <span className="chart-name">{lang === 'zh' ? r.name_zh : r.name_en}</span>
            <span className="chart-bar">
              {series.map((s) => {
                const n = r.counts[s.layerId] ?? 0;
                return n > 0 ? <span key={s.layerId} className="chart-seg" style={{ width: `${(n / max) * 82}%`, background: s.color }} title={`${s.label}: ${n}`} /> : null;
              })}
              <span className="chart-value">{series.map((s) => formatCount(r.counts[s.layerId] ?? 0, lang)).join(' + ')}</span>
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
