import { describe, expect, it } from 'vitest';
import { compose, wrap, type ComposeInput } from '../../../src/print/layout';
import type { LegendSection } from '../../../src/print/legend';
import { pageSize } from '../../../src/print/paper';
import { measure } from './print-font';

const texts = {
  title: '焦作市城乡一体化示范区规划图',
  subtitle: '',
  producer: '编制单位：示范区规划局',
  date: '日期：2026-12-07',
  notes: '备注'.repeat(80),
  dataNote: '示意数据',
  sources: '',
  legendTitle: '图例',
  north: '北',
  scaleText: (n: number) => `比例尺 1:${n}`,
  lengthText: (m: number) => `${m} m`,
};

function sections(n: number): LegendSection[] {
  return [{ title: '地块', entries: Array.from({ length: n }, (_, i) => ({ color: '#f00', geometry: 'polygon' as const, outline: false, dashed: false, text: `类别 ${i + 1}` })) }];
}

const input = (paper: 'A4' | 'A0', n: number): ComposeInput => ({
  page: pageSize(paper, 'landscape'),
  texts,
  furniture: { legend: true, scaleBar: true, northArrow: true, grid: true, overview: true },
  legend: sections(n),
  scale: 10000,
  ticks: { lng: [{ at: 0.3, label: '113°10′E' }], lat: [{ at: 0.5, label: '35°10′N' }] },
  moreText: (k) => `另有 ${k} 项未列出`,
});

describe('page layout', () => {
  for (const paper of ['A4', 'A0'] as const) {
    it(`${paper}: everything lies on the page, the furniture inside the map frame`, () => {
      const c = compose(input(paper, 8), measure);
      const { widthMm: W, heightMm: H } = c.page;
      for (const it of c.items) {
        if (it.kind === 'text') {
          const w = measure(it.text, it.size);
          const x0 = it.align === 'left' ? it.x : it.align === 'center' ? it.x - w / 2 : it.x - w;
          expect(x0, it.text).toBeGreaterThanOrEqual(0);
          expect(x0 + w, it.text).toBeLessThanOrEqual(W + 1e-9);
          expect(it.y).toBeLessThanOrEqual(H);
        }
        if (it.kind === 'rect' && it.fill === '#fff' && it !== c.items[0]) {
          expect(it.x).toBeGreaterThanOrEqual(c.frame.x - 1e-9);
          expect(it.x + it.w).toBeLessThanOrEqual(c.frame.x + c.frame.w + 1e-9);
          expect(it.y + it.h).toBeLessThanOrEqual(c.frame.y + c.frame.h + 1e-9);
        }
      }
      expect(c.items.filter((i) => i.kind === 'text' && i.role === 'legend-entry')).toHaveLength(8);
      expect(c.items.some((i) => i.kind === 'text' && i.role === 'footer' && i.text.startsWith('备注'))).toBe(true);
    });
  }

  it('a long legend flows into columns and counts what does not fit', () => {
    const c = compose(input('A4', 400), measure);
    const shown = c.items.filter((i) => i.kind === 'text' && i.role === 'legend-entry').length;
    const more = c.items.find((i) => i.kind === 'text' && i.role === 'legend-more');
    expect(shown).toBeLessThan(400);
    expect(more && more.kind === 'text' && more.text).toBe(`另有 ${400 - shown} 项未列出`);
  });

  it('wraps Chinese by character and Latin by word', () => {
    const zh = wrap('示意数据'.repeat(30), 8, 60, measure);
    expect(zh.length).toBeGreaterThan(1);
    for (const l of zh) expect(measure(l, 8)).toBeLessThanOrEqual(60);
    const en = wrap('Schematic data: geometry is illustrative, not survey data; attributes from a July 2017 report.', 8, 40, measure);
    expect(en.every((l) => !l.startsWith(' ') && measure(l, 8) <= 40)).toBe(true);
    expect(en.join(' ')).toBe('Schematic data: geometry is illustrative, not survey data; attributes from a July 2017 report.');
  });
});
