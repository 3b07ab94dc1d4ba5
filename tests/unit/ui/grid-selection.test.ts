import { beforeEach, describe, expect, it } from 'vitest';
import { atlasStore } from '../../../src/state/store';
import { applyGridSelect, tabStopRow } from '../../../src/ui/table/grid-selection';

const ids = ['p0', 'p1', 'p2', 'p3', 'p4'];
const idAt = (row: number) => ids[row]!;
const picked: number[] = [];
const pick = (row: number) => picked.push(row);
const selected = () => atlasStore.getState().selection.map((r) => `${r.layerId}/${r.featureId}`);

describe('applyGridSelect', () => {
  beforeEach(() => {
    atlasStore.getState().clearSelection();
    picked.length = 0;
  });

  it('selects a range in either direction, replacing the selection, and inspects where the range ends', () => {
    atlasStore.getState().setSelection([{ layerId: 'other', featureId: 'x' }]);
    applyGridSelect({ type: 'range', from: 3, to: 1 }, 'parcels', ids.length, idAt, pick);
    expect(selected()).toEqual(['parcels/p1', 'parcels/p2', 'parcels/p3']);
    expect(atlasStore.getState().inspected).toEqual({ layerId: 'parcels', featureId: 'p1' });
  });

  it('toggles one row into and out of the selection', () => {
    applyGridSelect({ type: 'toggle', row: 2 }, 'parcels', ids.length, idAt, pick);
    applyGridSelect({ type: 'toggle', row: 4 }, 'parcels', ids.length, idAt, pick);
    expect(selected()).toEqual(['parcels/p2', 'parcels/p4']);
    applyGridSelect({ type: 'toggle', row: 2 }, 'parcels', ids.length, idAt, pick);
    expect(selected()).toEqual(['parcels/p4']);
  });

  it('selects every row, and hands a single selection to the row click', () => {
    applyGridSelect({ type: 'all' }, 'parcels', ids.length, idAt, pick);
    expect(selected()).toEqual(ids.map((id) => `parcels/${id}`));
    applyGridSelect({ type: 'one', row: 3 }, 'parcels', ids.length, idAt, pick);
    expect(picked).toEqual([3]);
  });
});

describe('tabStopRow', () => {
  it('keeps the Tab stop on the active row while it is rendered, else on the first rendered row', () => {
    const rendered = [{ index: 10 }, { index: 11 }, { index: 12 }];
    expect(tabStopRow(11, rendered)).toBe(11);
    expect(tabStopRow(0, rendered)).toBe(10);
    expect(tabStopRow(0, [])).toBeNull();
  });
});
