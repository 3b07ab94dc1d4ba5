import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, categorizedStyle, MAX_CLASSES } from '../../../src/domain/categorical-style';
import { valueCounts } from '../../../src/domain/value-counts';

const feature = (props: Record<string, unknown> | null): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [113.25, 35.18] } });

describe('colouring a layer by a field', () => {
  it('counts values as the map matches them, most frequent first, ties by value', () => {
    const features = [
      feature({ v: 'b' }), feature({ v: 'a' }), feature({ v: 3 }), feature({ v: '3' }), feature({ v: 'b' }),
      feature({ v: null }), feature({ v: '' }), feature({}), feature(null), feature({ v: true }), feature({ v: { x: 1 } }),
    ];
    expect(valueCounts(features, 'v', 10)).toEqual({
      values: [{ value: '3', count: 2 }, { value: 'b', count: 2 }, { value: 'a', count: 1 }, { value: 'true', count: 1 }, { value: '{"x":1}', count: 1 }],
      distinct: 5,
      empty: 4,
    });
    expect(valueCounts(features, 'v', 2).values.map((v) => v.value)).toEqual(['3', 'b']);
  });

  it('gives the most frequent values their own colours and counts the others', () => {
    const features = Array.from({ length: 20 }, (_, i) => Array.from({ length: 20 - i }, () => feature({ zone: `z${String(i).padStart(2, '0')}` }))).flat();
    const style = categorizedStyle({ color: '#444444', fillOpacity: 0.3 }, 'zone', valueCounts(features, 'zone', MAX_CLASSES));
    expect(style.color).toBe('#444444');
    expect(style.fillOpacity).toBe(0.3);
    expect(style.categorical!.classes).toHaveLength(MAX_CLASSES);
    expect(style.categorical!.classes[0]).toEqual({ value: 'z00', color: CATEGORY_COLORS[0], label: { zh: 'z00', en: 'z00' } });
    expect(new Set(style.categorical!.classes.map((c) => c.color)).size).toBe(MAX_CLASSES);
    expect(style.categorical!.others).toBe(20 - MAX_CLASSES);
  });

  it('labels known coded values in both languages', () => {
    const style = categorizedStyle({ color: '#444444' }, 'status', valueCounts([feature({ status: 'under_construction' })], 'status', MAX_CLASSES));
    const label = style.categorical!.classes[0]!.label;
    expect(label.zh).not.toBe('under_construction');
    expect(label.en).not.toBe('under_construction');
    expect(style.categorical!.others).toBe(0);
  });
});
