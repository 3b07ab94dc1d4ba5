import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { applyOp, EditConflict, freshFeatureId, invertOp, withExplicitIds, type EditOp } from '../../../src/edit/ops';
import { doOp, redo, replay, start, undo, type EditHistory, type JournalEntry } from '../../../src/edit/history';

const square = (x: number, y: number, d = 0.001): Geometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const feat = (id: string, g: Geometry, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', id, geometry: g, properties: props });
const layer = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

describe('edit ops', () => {
  const base = layer(feat('1', square(113, 35), { XMMC: 'A' }), feat('2', { type: 'Point', coordinates: [113.2, 35.1] }));

  it('adds at a position and deletes by id, leaving the old collection as it was', () => {
    const f = feat('3', square(113.1, 35.1));
    const added = applyOp(base, { type: 'add', feature: f, index: 1 });
    expect(added.features.map((x) => x.id)).toEqual(['1', '3', '2']);
    expect(base.features).toHaveLength(2);
    const back = applyOp(added, invertOp({ type: 'add', feature: f, index: 1 }));
    expect(back).toEqual(base);
  });

  it('replaces geometry and attributes of the named feature only', () => {
    const after = square(113.5, 35.5);
    const g = applyOp(base, { type: 'geometry', id: '1', before: base.features[0]!.geometry, after });
    expect(g.features[0]!.geometry).toBe(after);
    expect(g.features[1]).toBe(base.features[1]);
    const a = applyOp(g, { type: 'attributes', id: '1', before: { XMMC: 'A' }, after: { XMMC: 'B' } });
    expect(a.features[0]!.properties).toEqual({ XMMC: 'B' });
  });

  it('says when an op does not fit the layer instead of changing the wrong feature', () => {
    expect(() => applyOp(base, { type: 'delete', feature: feat('9', square(0, 0)), index: 0 })).toThrow(EditConflict);
    expect(() => applyOp(base, { type: 'add', feature: feat('1', square(0, 0)), index: 0 })).toThrow(EditConflict);
  });

  it('gives drawn features ids no other feature has, and imported ones explicit unique ids', () => {
    expect(freshFeatureId(base.features)).toBe('3');
    const dup = withExplicitIds(layer({ type: 'Feature', geometry: null as unknown as Geometry, properties: {} }, feat('0', square(0, 0)), feat('0', square(1, 1))));
    const ids = dup.features.map((f) => String(f.id));
    expect(new Set(ids).size).toBe(3);
  });
});

/** One op built against `fs` so it fits. */
function oneOp(fs: readonly Feature[], p: number, ids: { next: number }): EditOp {
  const kind = p % 4;
  const target = fs.length ? fs[p % fs.length]! : null;
  if (kind === 0 || !target) return { type: 'add', feature: feat(String(ids.next++), square(113 + (p % 7) * 0.01, 35)), index: p % (fs.length + 1) };
  if (kind === 1) return { type: 'delete', feature: target, index: fs.indexOf(target) };
  if (kind === 2) return { type: 'geometry', id: String(target.id), before: target.geometry, after: square(113, 35 + (p % 5) * 0.01) };
  return { type: 'attributes', id: String(target.id), before: (target.properties ?? {}) as Record<string, unknown>, after: { n: p } };
}

/**
 * Several ops as one step. Positions are those of the layer before the step wherever the feature was in it,
 * as a tool that builds its step from the layer it sees records them (merge): a run of adjacent deletes,
 * or a mix in which later ops name features the earlier ones added or moved.
 */
function batchOp(fs: readonly Feature[], p: number, ids: { next: number }): EditOp {
  const n = 2 + (p % 4);
  if (p % 2 === 0 && fs.length >= 2) {
    const from = p % (fs.length - 1);
    return { type: 'batch', ops: fs.slice(from, from + n).map((f): EditOp => ({ type: 'delete', feature: f, index: fs.indexOf(f) })) };
  }
  const ops: EditOp[] = [];
  let scratch = layer(...fs);
  for (let i = 0; i < n; i++) {
    let o = oneOp(scratch.features, p * 31 + i * 7, ids);
    if (o.type === 'delete' && fs.includes(o.feature)) o = { ...o, index: fs.indexOf(o.feature) };
    scratch = applyOp(scratch, o);
    ops.push(o);
  }
  return { type: 'batch', ops };
}

/** Random edit sequences over a small layer, with the state after each step (`states[0]` is the seed's). */
function randomOps(seed: EditHistory, picks: number[], ids = { next: 100 }): { h: EditHistory; ops: EditOp[]; states: FeatureCollection[] } {
  let h = seed;
  const ops: EditOp[] = [];
  const states = [seed.data];
  for (const p of picks) {
    const fs = h.data.features;
    let op = p % 9 === 1 ? batchOp(fs, Math.floor(p / 9), ids) : oneOp(fs, p, ids);
    if (p % 9 === 0) op = { type: 'batch', ops: [op] };
    h = doOp(h, op);
    ops.push(op);
    states.push(h.data);
  }
  return { h, ops, states };
}

describe('undo and redo', () => {
  const seed = start(layer(...['1', '2', '3', '4', '5'].map((id, i) => feat(id, square(113 + i * 0.01, 35), { n: i }))));

  it('any sequence of edits then as many undos gives each earlier state in turn, and as many redos the end state', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 40 }), (picks) => {
        const { h: end, states } = randomOps(seed, picks);
        let h = end;
        for (let i = picks.length - 1; i >= 0; i--) {
          h = undo(h);
          expect(h.data).toEqual(states[i]);
        }
        expect(h.data).toEqual(seed.data);
        expect(h.done).toHaveLength(0);
        for (let i = 0; i < picks.length; i++) h = redo(h);
        expect(h.data).toEqual(end.data);
      }),
    );
  });

  it('takes back a step that deletes adjacent features in place (ABCD less B and C, undone, is ABCD)', () => {
    const abcd = start(layer(...['A', 'B', 'C', 'D'].map((id, i) => feat(id, square(113 + i * 0.01, 35), { n: i }))));
    const [, b, c] = abcd.data.features;
    // each at its place in ABCD, as merge records them
    const step: EditOp = { type: 'batch', ops: [{ type: 'delete', feature: b!, index: 1 }, { type: 'delete', feature: c!, index: 2 }] };
    const done = doOp(abcd, step);
    expect(done.data.features.map((f) => f.id)).toEqual(['A', 'D']);
    const back = undo(done);
    expect(back.data).toEqual(abcd.data);
    expect(back.data.features.map((f) => f.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(redo(back).data).toEqual(done.data);
    // the same step deleting C before B, and adds in the same step, come back in order too
    const cb: EditOp = { type: 'batch', ops: [{ type: 'delete', feature: c!, index: 2 }, { type: 'delete', feature: b!, index: 1 }] };
    expect(undo(doOp(abcd, cb)).data).toEqual(abcd.data);
    const e = feat('E', square(114, 35));
    const mixed: EditOp = { type: 'batch', ops: [{ type: 'delete', feature: b!, index: 1 }, { type: 'add', feature: e, index: 1 }, { type: 'delete', feature: c!, index: 2 }] };
    const m = doOp(abcd, mixed);
    expect(m.data.features.map((f) => f.id)).toEqual(['A', 'E', 'D']);
    expect(undo(m).data).toEqual(abcd.data);
  });

  it('a new edit after undo drops what could be redone; undo with nothing done changes nothing', () => {
    expect(undo(seed)).toBe(seed);
    const a = doOp(seed, { type: 'attributes', id: '1', before: { n: 0 }, after: { n: 5 } });
    const b = doOp(undo(a), { type: 'attributes', id: '2', before: { n: 1 }, after: { n: 6 } });
    expect(b.undone).toHaveLength(0);
    expect(redo(b)).toBe(b);
  });

  it('replaying the journal of a session gives the state the session ended in', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 30 }), fc.array(fc.nat(2), { maxLength: 30 }), (picks, moves) => {
        const journal: JournalEntry[] = [];
        let h = seed;
        const ids = { next: 100 };
        // undo and redo interleaved with the edits, as a person works
        picks.forEach((p, i) => {
          const live = randomOps(h, [p], ids).ops[0]!;
          h = doOp(h, live);
          journal.push({ kind: 'do', op: live });
          const m = moves[i] ?? 0;
          if (m === 1) {
            h = undo(h);
            journal.push({ kind: 'undo' });
          } else if (m === 2) {
            h = redo(h);
            journal.push({ kind: 'redo' });
          }
        });
        const replayed = replay(seed, journal);
        expect(replayed.data).toEqual(h.data);
        expect(replayed.done).toEqual(h.done);
        expect(replayed.undone).toEqual(h.undone);
      }),
    );
  });
});
