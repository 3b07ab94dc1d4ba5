import { describe, expect, it } from 'vitest';
import { printLegend, type LegendLayer } from '../../../src/print/legend';

const classes = [
  { value: 'industrial', color: '#d32f2f', label: { zh: '工业', en: 'Industrial' } },
  { value: 'services', color: '#1976d2', label: { zh: '服务业', en: 'Services' } },
];
const projects: LegendLayer = {
  title: { zh: '重点项目', en: 'Key projects' },
  geometry: 'point',
  style: { color: '#888', categorical: { field: 'category', classes } },
  present: true,
  values: new Set(['industrial']),
  others: false,
};
const roads: LegendLayer = { title: { zh: '主干道', en: 'Main roads' }, geometry: 'line', style: { color: '#a08060' }, present: true, values: null, others: false };

describe('printed legend', () => {
  it('lists the layers shown in the extent, in order, with the classes present there', () => {
    const sections = printLegend([projects, roads, { ...roads, title: { zh: '河流', en: 'Rivers' }, present: false }], 'zh');
    expect(sections.map((s) => s.title)).toEqual(['重点项目', '主干道']);
    expect(sections[0]!.entries.map((e) => e.text)).toEqual(['工业']);
    expect(sections[1]!.entries).toEqual([{ color: '#a08060', geometry: 'line', outline: false, dashed: false, text: '主干道' }]);
  });

  it('says both languages when bilingual, and counts values without a class', () => {
    const [s] = printLegend([{ ...projects, values: new Set(['industrial', 'services', 'x']), others: true }], 'both');
    expect(s!.title).toBe('重点项目 Key projects');
    expect(s!.entries.map((e) => e.text)).toEqual(['工业 Industrial', '服务业 Services', '其他 Other values']);
  });

  it('lists every class of a big layer (its features are in the worker)', () => {
    const [s] = printLegend([{ ...projects, values: null }], 'en');
    expect(s!.entries.map((e) => e.text)).toEqual(['Industrial', 'Services']);
  });

  it('explains the density grid of a big layer', () => {
    const [s] = printLegend([{ ...roads, geometry: 'polygon', values: null, density: 'Density grid (zoomed out)' }], 'en');
    expect(s!.entries.map((e) => [e.text, e.geometry])).toEqual([
      ['Main roads', 'polygon'],
      ['Density grid (zoomed out)', 'polygon'],
    ]);
  });

  it('leaves out a layer whose shown features carry none of its classes', () => {
    expect(printLegend([{ ...projects, values: new Set() }], 'en')).toEqual([]);
  });
});
