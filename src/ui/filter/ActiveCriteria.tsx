import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeCriteria, CRITERION_FIELDS, NO_BATCH } from '../../domain/attribute-filter';
import { criterionCoverage } from '../../domain/criterion-coverage';
import { fieldsOfLayer } from '../../state/filter-result';
import { orderedLayers } from '../../state/selectors';
import type { MessageKey } from '../../i18n/zh';
import { atlasStore, useAtlas } from '../../state/store';
import { codeLabel } from '../labels';
import { useLang, useT } from '../use-t';

/** Each active criterion as a removable chip naming the layers it applies to, plus "clear all". */
export function ActiveCriteria() {
  const t = useT();
  const lang = useLang();
  const attr = useAtlas((s) => s.attr);
  const zone = useAtlas((s) => s.zone);
  const expressions = useAtlas((s) => s.expressions);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.filterable)));
  const chips = activeCriteria(attr);
  const coverage = useMemo(() => criterionCoverage(attr, layers.map((l) => ({ layerId: l.id, fields: fieldsOfLayer(l) }))), [attr, layers]);
  const covers = (key: (typeof chips)[number]['key']) => {
    const ids = coverage[key] ?? [];
    if (ids.length === 0) return t('filter.coversNone');
    const names = ids.map((id) => layers.find((l) => l.id === id)?.title[lang] ?? id);
    return t('filter.covers', { layers: names.join(lang === 'zh' ? '、' : ', ') });
  };
  const exprChips = Object.entries(expressions).map(([id, text]) => ({ id, label: t('filter.expr.chip', { layer: layers.find((l) => l.id === id)?.title[lang] ?? id, text }) }));
  if (chips.length === 0 && !zone && exprChips.length === 0) return <p className="muted">{t('filter.none')}</p>;
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
          <span key={`${c.key}:${c.value}`} className="chip" data-criterion={c.key}>
            {label}
            <span className="chip-scope">{covers(c.key)}</span>
            <button type="button" onClick={() => removeCriterion(c.key, c.value)} aria-label={t('filter.remove', { label })}>
              ✕
            </button>
          </span>
        );
      })}
      {exprChips.map((c) => (
        <span key={`expr:${c.id}`} className="chip" data-criterion="expression">
          <code>{c.label}</code>
          <button type="button" onClick={() => atlasStore.getState().setExpression(c.id, null)} aria-label={t('filter.remove', { label: c.label })}>
            ✕
          </button>
        </span>
      ))}
      <button type="button" className="link-btn" onClick={clearFilters}>
        {t('filter.clearAll')}
      </button>
    </div>
  );
}
