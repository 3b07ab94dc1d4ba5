import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noteItems } from '../../../src/print/note-text';
import { planPrint, type PrintInputs, type PrintSettings } from '../../../src/print/print-plan';
import { pageText, renderPdf } from '../../../src/print/pdf-render';
import { measure, subset } from './print-font';

// Review notes printed as invisible text over their labels: where they go on the page, and that a PDF
// reader (poppler's pdftotext) finds them.

const frame = { x: 10, y: 20, w: 200, h: 100 };

describe('noteItems', () => {
  it('puts a note at its place in the frame, as invisible text, one line', () => {
    const items = noteItems([{ at: [1, 2], text: '请核实\n红线  距离' }], frame, () => [0.25, 0.5], 7);
    expect(items).toEqual([{ kind: 'text', x: 60, y: 70, text: '请核实 红线 距离', size: 7, color: '#000', align: 'center', role: 'note', invisible: true }]);
  });

  it('leaves out notes outside the frame and blank ones', () => {
    const at = (x: number, y: number) => () => [x, y] as [number, number];
    expect(noteItems([{ at: [0, 0], text: '外' }], frame, at(1.01, 0.5), 7)).toEqual([]);
    expect(noteItems([{ at: [0, 0], text: '外' }], frame, at(0.5, -0.01), 7)).toEqual([]);
    expect(noteItems([{ at: [0, 0], text: '外' }], frame, at(NaN, 0.5), 7)).toEqual([]);
    expect(noteItems([{ at: [0, 0], text: ' \n ' }], frame, at(0.5, 0.5), 7)).toEqual([]);
    expect(noteItems([{ at: [0, 0], text: '边' }], frame, at(1, 0), 7)).toHaveLength(1);
  });
});

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'atlas-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings: PrintSettings = {
  paper: 'A4',
  orientation: 'landscape',
  custom: { widthMm: 500, heightMm: 300 },
  dpi: 150,
  extent: 'scale',
  scale: 5000,
  lang: 'zh',
  format: 'pdf',
  furniture: { legend: false, scaleBar: true, northArrow: true, grid: false, overview: false },
  gridUnits: 'degrees',
  sheet: false,
};

const inputs = (notesFor?: PrintInputs['notesFor']): PrintInputs => ({
  view: { center: [113.25, 35.15], bounds: [113.2, 35.1, 113.3, 35.2] },
  selectionBox: null,
  zoneBox: null,
  legendFor: () => [],
  texts: { title: '审查意见图', subtitle: '', producer: '', date: '', notes: '', dataNote: '', sources: '', legendTitle: '图例', north: '北', scaleText: (n) => `比例尺 1:${n}`, lengthText: (m) => `${m} m` },
  moreText: (n) => `${n}`,
  gridNote: () => '',
  maxSide: 8192,
  sheet: null,
  ...(notesFor ? { notesFor } : {}),
});

describe('a printed plan with review notes', () => {
  it('lays a note in view at its place in the map frame, and none from out of view', () => {
    const plan = planPrint(settings, inputs(() => [{ at: [113.25, 35.15], text: '请核实红线与河道的距离' }, { at: [113.4, 35.15], text: '图外' }]), measure);
    if ('kind' in plan) throw new Error(plan.kind);
    const notes = plan.composition.items.filter((it) => it.kind === 'text' && it.role === 'note');
    const { frame } = plan.composition;
    expect(notes).toMatchObject([{ text: '请核实红线与河道的距离', invisible: true }]);
    expect(notes[0]).toMatchObject({ x: expect.closeTo(frame.x + frame.w / 2, 6), y: expect.closeTo(frame.y + frame.h / 2, 6) });
    const none = planPrint(settings, inputs(), measure);
    if ('kind' in none) throw new Error(none.kind);
    expect(none.composition.items).toHaveLength(plan.composition.items.length - 1);
  });

  it.skipIf(!hasPoppler)('writes the note where pdftotext finds it', async () => {
    const plan = planPrint(settings, inputs(() => [{ at: [113.25, 35.15], text: '请核实红线与河道的距离' }]), measure);
    if ('kind' in plan) throw new Error(plan.kind);
    const bytes = await renderPdf(plan.composition, await subset(pageText(plan.composition)), {}, { title: 't', author: 'a', subject: 's', keywords: [] });
    const file = join(dir, 'notes.pdf');
    writeFileSync(file, bytes);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('请核实红线与河道的距离');
  });
});
