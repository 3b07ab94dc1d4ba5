import { atlasStore, useAtlas } from '../../state/store';
import { useT } from '../use-t';
import { ActiveCriteria } from './ActiveCriteria';
import { AttributeFacets } from './AttributeFacets';
import { FilterSummary } from './FilterSummary';
import { ZonePicker } from './ZonePicker';
import { ExpressionFilter } from './ExpressionFilter';

/** "What is planned in this area?": zone, attributes, schedule, and what passes. */
export function FilterPanel() {
  const t = useT();
  const mode = useAtlas((s) => s.mode);
  return (
    <section className="panel-body" role="region" aria-label={t('filter.panel')}>
      <ActiveCriteria />
      <ZonePicker />
      <div role="radiogroup" aria-label={t('filter.mode')} className="radio-row group">
        <span>{t('filter.mode')}:</span>
        {(['hide', 'dim'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="filter-mode" checked={mode === m} onChange={() => atlasStore.getState().setMode(m)} />
            {t(m === 'hide' ? 'filter.hide' : 'filter.dim')}
          </label>
        ))}
      </div>
      <FilterSummary />
      <AttributeFacets />
      <ExpressionFilter />
    </section>
  );
}
