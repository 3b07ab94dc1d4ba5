import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { setExpressionFilter } from '../../app/expression-filter';
import { selectFilterResult } from '../../state/filter-result';
import { orderedLayers } from '../../state/selectors';
import { atlasStore, useAtlas } from '../../state/store';
import { LayerSelect } from '../LayerSelect';
import { useT } from '../use-t';

/**
 * An expression filter for one layer, in MapLibre's expression language (as the field calculator and the
 * layer styles use it): `[">=", ["get", "$area_mu"], 15]`. It narrows the layer on top of the zone and the
 * attribute criteria; a wrong expression is refused with the engine's reason.
 */
export function ExpressionFilter() {
  const t = useT();
  // A database layer is filtered by its server, which does not speak MapLibre's expression language.
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.filterable && !l.vectorTiles).reverse()));
  const [layerId, setLayerId] = useState<string>('');
  const current = layers.find((l) => l.id === layerId) ?? layers[0];
  const applied = useAtlas((s) => (current ? s.expressions[current.id] : undefined));
  const passing = useAtlas((s) => (current && s.expressions[current.id] !== undefined ? (selectFilterResult(s).byLayer[current.id]?.size ?? null) : null));
  const [text, setText] = useState(() => {
    const s = atlasStore.getState();
    const first = orderedLayers(s).filter((l) => l.filterable && !l.vectorTiles).reverse()[0];
    return first ? (s.expressions[first.id] ?? '') : '';
  });
  const [problem, setProblem] = useState<string | null>(null);
  if (!current) return null;
  const apply = async (value: string) => {
    const r = await setExpressionFilter(atlasStore, current.id, value);
    setProblem(r.ok ? null : r.message);
  };
  return (
    <details className="group expression-filter">
      <summary>{t('filter.expr.title')}</summary>
      <label className="field">
        <span>{t('filter.expr.layer')}</span>
        <LayerSelect
          layers={layers}
          value={current.id}
          onChange={(id) => {
            setLayerId(id);
            setText(atlasStore.getState().expressions[id] ?? '');
            setProblem(null);
          }}
        />
      </label>
      <label className="field">
        <span>{t('filter.expr.text')}</span>
        <textarea rows={3} spellCheck={false} value={text} placeholder='[">=", ["get", "$area_mu"], 15]' onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="hint">{t('filter.expr.hint')}</p>
      <div className="button-row">
        <button type="button" disabled={!text.trim()} onClick={() => void apply(text)}>
          {t('filter.expr.apply')}
        </button>
        {applied !== undefined && (
          <button
            type="button"
            onClick={() => {
              setText('');
              void apply('');
            }}
          >
            {t('filter.expr.remove')}
          </button>
        )}
      </div>
      {problem && (
        <p className="warn" role="alert">
          {t('filter.expr.bad', { reason: problem })}
        </p>
      )}
      {applied !== undefined && passing !== null && (
        <p className="hint" role="status" data-testid="expression-count">
          {t('filter.expr.count', { n: passing, layer: current.title[atlasStore.getState().lang] })}
        </p>
      )}
    </details>
  );
}
