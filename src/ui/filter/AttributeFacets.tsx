import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { buildFacets, CRITERION_FIELDS, NO_BATCH, type AttributeFilter } from '../../domain/attribute-filter';
import { REPORT_DATE, isValidIsoDate, type MilestoneState } from '../../domain/milestone-status';
import type { MessageKey } from '../../i18n/zh';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { codeLabel } from '../labels';
import { useLang, useT } from '../use-t';

type ListKey = 'categories' | 'statuses' | 'batches' | 'standards' | 'townTypes' | 'kinds';
const LISTS: { key: ListKey; label: MessageKey }[] = [
  { key: 'categories', label: 'filter.categories' },
  { key: 'kinds', label: 'filter.kinds' },
  { key: 'statuses', label: 'filter.statuses' },
  { key: 'batches', label: 'filter.batches' },
  { key: 'standards', label: 'filter.standards' },
  { key: 'townTypes', label: 'filter.townTypes' },
];

function toggle(list: string[] | undefined, value: string, on: boolean): string[] {
  const set = new Set(list ?? []);
  if (on) set.add(value);
  else set.delete(value);
  return [...set];
}

/** Checkbox groups built from the values actually present in the filterable layers. */
export function AttributeFacets() {
  const t = useT();
  const lang = useLang();
  const attr = useAtlas((s) => s.attr);
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.filterable)));
  const asOf = attr.asOf ?? REPORT_DATE;
  const facets = useMemo(() => buildFacets(layers.map((l) => ({ layerId: l.id, features: l.data.features })), asOf), [layers, asOf]);
  const setAttr = (change: Partial<AttributeFilter>) => atlasStore.getState().setAttr(change);
  const label = (key: ListKey, value: string) =>
    value === NO_BATCH ? t('filter.noBatch') : codeLabel(CRITERION_FIELDS[key], value, lang, layers);
  return (
    <>
      {LISTS.filter(({ key }) => facets[key].length > 0).map(({ key, label: title }) => (
        <fieldset key={key} className="group">
          <legend>{t(title)}</legend>
          {facets[key].map((v) => (
            <label key={v.value} className="check">
              <input
                type="checkbox"
                checked={attr[key]?.includes(v.value) ?? false}
                onChange={(e) => setAttr({ [key]: toggle(attr[key], v.value, e.target.checked) })}
              />
              {label(key, v.value)} <span className="count">({v.count})</span>
            </label>
          ))}
        </fieldset>
      ))}
      {facets.investmentYi && (
        <fieldset className="group">
          <legend>{t('filter.investment')}</legend>
          <div className="range-row">
            <input
              type="number"
              step="0.1"
              min={0}
              aria-label={t('filter.min')}
              placeholder={String(Math.floor(facets.investmentYi.min * 10) / 10)}
              value={attr.investmentYi?.min ?? ''}
              onChange={(e) => setAttr({ investmentYi: { ...attr.investmentYi, min: e.target.value === '' ? undefined : Number(e.target.value) } })}
            />
            <span>–</span>
            <input
              type="number"
              step="0.1"
              min={0}
              aria-label={t('filter.max')}
              placeholder={String(Math.ceil(facets.investmentYi.max * 10) / 10)}
              value={attr.investmentYi?.max ?? ''}
              onChange={(e) => setAttr({ investmentYi: { ...attr.investmentYi, max: e.target.value === '' ? undefined : Number(e.target.value) } })}
            />
          </div>
        </fieldset>
      )}
      <fieldset className="group">
        <legend>{t('filter.schedule')}</legend>
        <label className="field">
          <span>{t('filter.asOf')}</span>
          <input type="date" value={asOf} onChange={(e) => isValidIsoDate(e.target.value) && setAttr({ asOf: e.target.value })} />
        </label>
        {facets.milestoneStates.map((v) => (
          <label key={v.value} className="check">
            <input
              type="checkbox"
              checked={attr.milestoneStates?.includes(v.value as MilestoneState) ?? false}
              onChange={(e) => setAttr({ milestoneStates: toggle(attr.milestoneStates, v.value, e.target.checked) as MilestoneState[] })}
            />
            <span className={`ms ms-${v.value}`}>{t(`milestone.${v.value}` as MessageKey)}</span> <span className="count">({v.count})</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
