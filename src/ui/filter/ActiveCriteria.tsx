import { activeCriteria, CRITERION_FIELDS, NO_BATCH } from '../../domain/attribute-filter';
import type { MessageKey } from '../../i18n/zh';
import { atlasStore, useAtlas } from '../../state/store';
import { codeLabel } from '../labels';
import { useLang, useT } from '../use-t';

/** Each active criterion as a removable chip, plus "clear all". */
export function ActiveCriteria() {
  const t = useT();
  const lang = useLang();
  const attr = useAtlas((s) => s.attr);
  const zone = useAtlas((s) => s.zone);
  const chips = activeCriteria(attr);
  if (chips.length === 0 && !zone) return <p className="muted">{t('filter.none')}</p>;
  const { removeCriterion, clearFilters } = atlasStore.getState();
  const text = (key: (typeof chips)[number]['key'], value: string) => {
    if (key === 'investmentYi') return `${t('filter.investment')}: ${value}`;
    if (key === 'milestoneStates') return t(`milestone.${value}` as MessageKey);
    if (value === NO_BATCH) return t('filter.noBatch');
    return codeLabel(CRITERION_FIELDS[key], value, lang);
  };
  return (
    <div className="chips" aria-label={t('filter.active')} role="group">
      {chips.map((c) => {
        const label = text(c.key, c.value);
        return (
          <span key={`${c.key}:${c.value}`} className="chip">
            {label}
            <button type="button" onClick={() => removeCriterion(c.key, c.value)} aria-label={t('filter.remove', { label })}>
              ✕
            </button>
          </span>
        );
      })}
      <button type="button" className="link-btn" onClick={clearFilters}>
        {t('filter.clearAll')}
      </button>
    </div>
  );
}
