import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { columnEdit, pastedColumn } from '../../../src/edit/column-ops';
import { RED_LINE_FIELDS } from '../../../src/edit/field-schema';
import { applyOp } from '../../../src/edit/ops';

const f = (id: string, props: Record<string, unknown>): Feature => ({ type: 'Feature', id, properties: props, geometry: { type: 'Point', coordinates: [113, 35] } });
const def = (name: string) => RED_LINE_FIELDS.find((d) => d.name === name)!;

describe('column edits', () => {
  it('reads a column copied from a spreadsheet', () => {
    expect(pastedColumn('1.2\r\n2.5\t其他\r\n3\r\n')).toEqual(['1.2', '2.5', '3']);
  });

  it('pastes typed values down a column as one step, code names kept in step', () => {
    const rows = [f('1', { YDYHFLDM: null, YDYHFLMC: null }), f('2', { YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地' })];
    const r = columnEdit(rows, def('YDYHFLDM'), ['0901', '0701']);
    if (!('op' in r) || !r.op) throw new Error('no op');
    expect(r.op.type).toBe('attributes');
    const fc = applyOp({ type: 'FeatureCollection', features: rows }, r.op);
    expect(fc.features[0]!.properties).toMatchObject({ YDYHFLDM: '0901', YDYHFLMC: '商业用地' });
  });

  it('reads a pasted column of class names (or "code name") as their codes, names in step', () => {
    const rows = [f('1', { YDYHFLDM: null, YDYHFLMC: null }), f('2', { YDYHFLDM: null, YDYHFLMC: null }), f('3', { YDYHFLDM: '0901' })];
    const r = columnEdit(rows, def('YDYHFLDM'), ['城镇住宅用地', '0703 农村宅基地', ' urban housing ']);
    if (!('op' in r) || !r.op) throw new Error('no op');
    const fc = applyOp({ type: 'FeatureCollection', features: rows }, r.op);
    expect(fc.features.map((x) => [x.properties!['YDYHFLDM'], x.properties!['YDYHFLMC']])).toEqual([
      ['0701', '城镇住宅用地'], ['0703', '农村宅基地'], ['0701', '城镇住宅用地'],
    ]);
    expect(columnEdit(rows, def('YDYHFLDM'), ['0701', '火星用地'])).toEqual({ problem: { code: 'unknown-code', params: { code: '火星用地' } }, at: 1 });
  });

  it('changes nothing when one value does not fit, and says which', () => {
    const rows = [f('1', { RJL: 1 }), f('2', { RJL: 1 }), f('3', { RJL: 1 })];
    expect(columnEdit(rows, def('RJL'), ['2', '30', '3'])).toEqual({ problem: { code: 'above-max', params: { max: 20 } }, at: 1 });
  });
});
