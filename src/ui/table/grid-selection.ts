import { atlasStore } from '../../state/store';
import type { FeatureRef } from '../../state/selection-slice';
import type { GridSelect } from './use-grid-keys';

/**
 * Carries out a grid key's selection on the store, for a table whose rows are `count` features of one layer
 * (`idAt(row)` gives a row's feature id). "One" is what a plain click on the row does (`pick`: select it,
 * open it in the inspector, fly there); a range or "all" replaces the selection with those rows.
 */
export function applyGridSelect(s: GridSelect, layerId: string, count: number, idAt: (row: number) => string, pick: (row: number) => void): void {
  const store = atlasStore.getState();
  const ref = (row: number): FeatureRef => ({ layerId, featureId: idAt(row) });
  if (s.type === 'one') return pick(s.row);
  if (s.type === 'toggle') return store.clickFeature(ref(s.row), true);
  const [from, to] = s.type === 'all' ? [0, count - 1] : [Math.min(s.from, s.to), Math.max(s.from, s.to)];
  const refs: FeatureRef[] = [];
  for (let r = from; r <= to; r++) refs.push(ref(r));
  store.setSelection(refs);
  if (s.type === 'range') store.inspect(ref(s.to));
}

/** The row that holds the grid's Tab stop: the active one when it is rendered, else the first rendered row. */
export function tabStopRow(activeRow: number, rendered: readonly { index: number }[]): number | null {
  if (rendered.some((v) => v.index === activeRow)) return activeRow;
  return rendered[0]?.index ?? null;
}
