import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageTexts } from '../../../src/print/layout';
import { planPrint, type PrintPlan, type PrintSettings } from '../../../src/print/print-plan';
import type { SheetTable } from '../../../src/print/sheet-layout';
import { pageText, renderPdf } from '../../../src/print/pdf-render';
import { measure, subset } from './print-font';

// A page planned and written as the dialog does it, read back with poppler (pdfinfo, pdftotext, pdftoppm).

const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'atlas-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const texts = (lang: 'zh' | 'en'): PageTexts => ({
  title: lang === 'zh' ? '焦作市城乡一体化示范区规划图' : 'Jiaozuo demonstration zone plan',
  subtitle: lang === 'zh' ? '重点项目分布' : 'Key projects',
  producer: lang === 'zh' ? '编制单位：示范区规划局' : 'Produced by: Planning bureau',
  date: '2026-12-07',
  notes: lang === 'zh' ? '本图仅供汇报使用。' : 'For briefings only.',
  dataNote: lang === 'zh' ? '示意数据：几何位置为示意，并非测绘成果。' : 'Schematic data: geometry is illustrative.',
  sources: lang === 'zh' ? '数据来源：地块.shp' : 'Sources: parcels.shp',
  legendTitle: lang === 'zh' ? '图例' : 'Legend',
  north: lang === 'zh' ? '北' : 'N',
  scaleText: (n) => `${lang === 'zh' ? '比例尺' : 'Scale'} 1:${n}`,
  lengthText: (m) => (m >= 1000 ? `${m / 1000} km` : `${m} m`),
});

const settings = (paper: PrintSettings['paper'], orientation: PrintSettings['orientation'], lang: 'zh' | 'en'): PrintSettings => ({
  paper,
  orientation,
  custom: { widthMm: 500, heightMm: 300 },
  dpi: 150,
  extent: 'scale',
  scale: 10000,
  lang,
  format: 'pdf',
  furniture: { legend: true, scaleBar: true, northArrow: true, grid: true, overview: true },
  gridUnits: 'degrees',
  sheet: false,
});

const classes = [
  { value: 'a', color: '#e53935', label: { zh: '工业用地', en: 'Industrial land' } },
  { value: 'b', color: '#1e88e5', label: { zh: '居住用地', en: 'Residential land' } },
];

async function printPage(paper: PrintSettings['paper'], orientation: PrintSettings['orientation'], lang: 'zh' | 'en', sheet?: SheetTable): Promise<{ file: string; text: string; plan: PrintPlan }> {
  const plan = planPrint(
    { ...settings(paper, orientation, lang), sheet: !!sheet },
    {
      view: { center: [113.25, 35.15], bounds: [113.1, 35.05, 113.4, 35.25] },
      selectionBox: null,
      zoneBox: null,
      legendFor: () => [{ title: { zh: '地块', en: 'Parcels' }, geometry: 'polygon', style: { color: '#999', categorical: { field: 'k', classes } }, present: true, values: new Set(['a', 'b']), others: false }],
      texts: texts(lang),
      moreText: (n) => `${n} more`,
      gridNote: (crs, epsg) => `${crs} EPSG:${epsg}`,
      maxSide: 8192,
      sheet: sheet ? { table: sheet, box: [113.2, 35.1, 113.21, 35.11] } : null,
    },
    measure,
  );
  if ('kind' in plan) throw new Error(plan.kind);
  const text = pageText(plan.composition);
  const bytes = await renderPdf(plan.composition, await subset(text), {}, { title: 't', author: 'a', subject: 's', keywords: [] });
  const file = join(dir, `${paper}-${orientation}-${lang}.pdf`);
  writeFileSync(file, bytes);
  return { file, text, plan };
}

describe.skipIf(!hasPoppler)('PDF output', () => {
  it('A4 portrait and A3 landscape have their exact page sizes', async () => {
    const a4 = await printPage('A4', 'portrait', 'zh');
    expect(execFileSync('pdfinfo', [a4.file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.276 x 841\.89 pts \(A4\)/);
    const a3 = await printPage('A3', 'landscape', 'en');
    expect(execFileSync('pdfinfo', [a3.file], { encoding: 'utf8' })).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`pdftotext finds the title, legend, scale and notes (${lang})`, async () => {
      const { file } = await printPage('A4', 'landscape', lang);
      const out = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      const t = texts(lang);
      for (const s of [t.title, t.subtitle, t.producer, t.legendTitle, classes[0]!.label[lang], classes[1]!.label[lang], t.scaleText(10000), t.sources, t.dataNote]) expect(out).toContain(s);
    });
  }

  it('embeds a font that draws every character the page prints', async () => {
    const { file, text } = await printPage('A4', 'landscape', 'zh');
    const font = fontkit.create(await subset(text));
    for (const ch of new Set(text.replace(/\s/g, ''))) {
      const g = font.glyphForCodePoint(ch.codePointAt(0)!);
      expect(g.id, ch).not.toBe(0);
      expect(g.path.bbox.maxX - g.path.bbox.minX, ch).toBeGreaterThan(0);
    }
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansSC.*CID TrueType\s+Identity-H\s+yes/);
    // Ink where the title is: every one of its 14 characters is drawn (not the blank boxes of a bad subset).
    execFileSync('pdftoppm', ['-gray', '-r', '100', '-singlefile', file, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    const header = pgm.subarray(0, 20).toString('latin1').split(/\s+/);
    const [w, h] = [Number(header[1]), Number(header[2])];
    const data = pgm.subarray(pgm.length - w * h);
    let dark = 0;
    for (let y = 0; y < Math.round(h * 0.08); y++) for (let x = 0; x < w; x++) if (data[y * w + x]! < 128) dark++;
    expect(dark).toBeGreaterThan(14 * 60);
  });

  it('a compliance sheet puts its table between the map frame and the footer, on the page, every row readable', async () => {
    const table: SheetTable = {
      heading: '三区三线合规审查表',
      rows: [
        ['项目', '安置房一期（项目红线）'],
        ['用地面积', '9 998.85 m² · 0.9999 公顷 · 15.00 亩'],
        ['永久基本农田', '重叠 1 234.56 m² · 1.85 亩 · 12.3 % 占项目'],
        ['城镇开发边界', '部分在外 · 边界外面积 120.00 m²（0.18 亩）'],
      ],
      verdict: { label: '结论', text: '不符合：占用永久基本农田；部分位于城镇开发边界外', ok: false },
    };
    const plain = await printPage('A4', 'portrait', 'zh');
    const { file, plan } = await printPage('A4', 'portrait', 'zh', table);
    expect(plan.composition.frame.h).toBeLessThan(plain.plan.composition.frame.h - 30);
    const out = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of [table.heading, ...table.rows.flat(), table.verdict.label, table.verdict.text]) expect(out).toContain(s.replace(/\s+/g, ''));
    const items = plan.composition.items.filter((i) => i.kind === 'text');
    const frame = plan.composition.frame;
    const sheetTop = Math.min(...items.filter((i) => i.role === 'sheet').map((i) => (i.kind === 'text' ? i.y : 0)));
    const footerTop = Math.min(...items.filter((i) => i.role === 'footer').map((i) => (i.kind === 'text' ? i.y : 0)));
    const sheetBottom = Math.max(...items.filter((i) => i.role === 'sheet').map((i) => (i.kind === 'text' ? i.y : 0)));
    expect(sheetTop).toBeGreaterThan(frame.y + frame.h);
    expect(footerTop).toBeGreaterThan(sheetBottom);
    expect(Math.max(...items.map((i) => (i.kind === 'text' ? i.y : 0)))).toBeLessThan(297 - 5);
  });
});
