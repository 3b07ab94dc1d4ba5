import { describe, expect, it } from 'vitest';
import { groupRuns, groupTitle, sourceGroupKey } from '../../../src/domain/source-group';

describe('source groups', () => {
  it('a layer belongs to the chosen file it was read from', () => {
    expect(sourceGroupKey('zone38.gpkg/地块', ['zone38.gpkg'])).toBe('zone38.gpkg');
    expect(sourceGroupKey('plan.gdb.zip/plan.gdb/地块', ['plan.gdb.zip', 'plan.gdb.zip.txt'])).toBe('plan.gdb.zip');
    expect(sourceGroupKey('drawing.dxf', ['drawing.dxf'])).toBe('drawing.dxf');
    // A .gdb chosen as a folder: its tables were chosen, the layer's folder is the source.
    expect(sourceGroupKey('规划.gdb/道路', ['规划.gdb/a00000009.gdbtable', '规划.gdb/gdb'])).toBe('规划.gdb');
    expect(groupTitle('data/规划.gdb')).toBe('规划.gdb');
  });

  it('neighbours of one file form a run; a layer moved away splits it', () => {
    const a = { id: 'a', group: { key: 'x.gpkg' } };
    const b = { id: 'b', group: { key: 'x.gpkg' } };
    const c: { id: string; group?: { key: string } } = { id: 'c' };
    const d = { id: 'd', group: { key: 'x.gpkg' } };
    expect(groupRuns([a, b, c, d])).toEqual([{ key: 'x.gpkg', layers: [a, b] }, { layer: c }, { layer: d }]);
    expect(groupRuns([c, a, b, d])).toEqual([{ layer: c }, { key: 'x.gpkg', layers: [a, b, d] }]);
  });
});
