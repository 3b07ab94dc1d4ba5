import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { doOp, start } from '../../../src/edit/history';
import { baseOf, withChangeLog } from '../../../src/edit/change-log';

const pt = (id: string, x: number, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', id, properties: props, geometry: { type: 'Point', coordinates: [x, 35] } });

describe('change log of an edited layer', () => {
  it('marks added, modified, unchanged and deleted features against the state editing began from', () => {
    const begin: FeatureCollection = { type: 'FeatureCollection', features: [pt('1', 113), pt('2', 113.1), pt('3', 113.2, { n: 1 })] };
    let h = start(begin);
    h = doOp(h, { type: 'add', feature: pt('4', 113.3), index: 3 });
    h = doOp(h, { type: 'geometry', id: '1', before: begin.features[0]!.geometry, after: { type: 'Point', coordinates: [113.05, 35] } });
    h = doOp(h, { type: 'delete', feature: begin.features[1]!, index: 1 });
    h = doOp(h, { type: 'attributes', id: '3', before: { n: 1 }, after: { n: 2 } });
    h = doOp(h, { type: 'attributes', id: '3', before: { n: 2 }, after: { n: 1 } });
    expect(baseOf(h.data, h.done)).toEqual(begin);
    const log = withChangeLog(h.data, h.done).map((f) => [f.id, f.properties!['CHANGE']]);
    expect(log).toEqual([
      ['1', 'modified'],
      ['3', 'unchanged'],
      ['4', 'added'],
      ['2', 'deleted'],
    ]);
  });
});
