import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addKnown, summarizeFilter } from '../../analysis/filter-summary';
import { formatCount, formatMoney } from '../../domain/format';
import { selectFilterResult } from '../../state/filter-result';
import { featuresMatchingFilter, selectLayersAddressed } from '../../state/spatial-select';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import { Unknown } from '../Unknown';
import { plural } from '../../i18n/plural';

/** Counts per layer and the investment of what the filter keeps; turns the result into the selection. */
export function FilterSummary() {
  const t = useT();
  const lang = useLang();
  const result = useAtlas(selectFilterResult);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.filterable && l.visible)));
  const remoteResults = useAtlas((s) => s.remoteResults);
  const addressed = useAtlas(
    useShallow((s) => {
      const ids = selectLayersAddressed(s);
      return ids ? [...ids] : null;
    }),
  );
  const title = (id: string) => layers.find((x) => x.id === id)?.title[lang] ?? id;
  const selectsFrom = addressed ? layers.filter((l) => addressed.includes(l.id)).map((l) => l.title[lang]) : null;
  const summary = useMemo(() => {
    let hasRemote = false;
    const base = summarizeFilter(layers.filter((l) => !l.remote && !l.vectorTiles?.server).map((l) => ({ layerId: l.id, features: l.data.features })), result.byLayer);
    // Database layers: the count of what the server passed, of about as many as its statistics say it holds.
    for (const l of layers) {
      const server = l.vectorTiles?.server;
      if (!server) continue;
      const r = result.byLayer[l.id] ? remoteResults[l.id] : undefined;
      const row = { layerId: l.id, matched: r ? r.ids.size : server.count, total: server.count, investmentCny: null, investmentStated: 0 };
      base.layers.push(row);
      base.matched += row.matched;
      hasRemote = true;
    }
    // Big layers: counts and investment come from the worker's answer.
    for (const l of layers) {
      if (!l.remote) continue;
      const r = result.byLayer[l.id] ? remoteResults[l.id] : undefined;
      // The worker sums what is stated; a sum of 0 means none of them states one.
      const row = { layerId: l.id, matched: r ? r.ids.size : l.remote.count, total: l.remote.count, investmentCny: r && r.investmentCny ? r.investmentCny : null, investmentStated: 0 };
      base.layers.push(row);
      base.matched += row.matched;
      base.investmentCny = addKnown(base.investmentCny, row.investmentCny);
      hasRemote = true;
    }
    base.layers.sort((a, b) => layers.findIndex((l) => l.id === a.layerId) - layers.findIndex((l) => l.id === b.layerId));
    return { ...base, hasRemote };
  }, [layers, result, remoteResults]);
  return (
    <section className="group summary" aria-label={t('filter.summary')}>
      <h3>{t('filter.summary')}</h3>
      <table className="mini-table">
        <tbody>
          {[...summary.layers].reverse().map((l) => (
            <tr key={l.layerId} data-layer-id={l.layerId}>
              <th scope="row">
                {title(l.layerId)}
                {addressed && !addressed.includes(l.layerId) && <span className="row-note">{t('filter.notAddressed')}</span>}
              </th>
              <td className="num" data-testid={`count-${l.layerId}`}>
                {t('filter.layerCount', { matched: formatCount(l.matched, lang), total: formatCount(l.total, lang) })}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('filter.totalInvestment')}</th>
            <td className="num" data-testid="filter-investment">
              {summary.investmentCny === null ? <Unknown /> : formatMoney(summary.investmentCny, lang)}
              {summary.investmentCny !== null && !summary.hasRemote && (
                <div className="hint">{plural(lang, 'filter.investmentStated', summary.investmentStated)}</div>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <button
        type="button"
        aria-describedby={selectsFrom ? 'selects-from' : undefined}
        onClick={() => atlasStore.getState().setSelection(featuresMatchingFilter(atlasStore.getState()))}
      >
        {t('filter.selectMatching')}
      </button>
      {selectsFrom && (
        <p className="hint" id="selects-from" data-testid="selects-from">
          {t('filter.selectsFrom', { layers: selectsFrom.join(lang === 'zh' ? '、' : ', ') || '—' })}
        </p>
      )}
    </section>
  );
}
