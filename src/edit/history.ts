import type { FeatureCollection } from 'geojson';
import { applyOp, applyRecorded, invertOp, type EditOp } from './ops';

/** A layer being edited: its features and the steps that can be undone and redone. */
export interface EditHistory {
  data: FeatureCollection;
  done: EditOp[];
  undone: EditOp[];
}

/** What the journal records for each step a person takes. */
export type JournalEntry = { kind: 'do'; op: EditOp } | { kind: 'undo' } | { kind: 'redo' };

export function start(data: FeatureCollection): EditHistory {
  return { data, done: [], undone: [] };
}

/** The step is kept as it fitted the layer, so undo puts back exactly what it changed (see applyRecorded). */
export function doOp(h: EditHistory, op: EditOp): EditHistory {
  const r = applyRecorded(h.data, op);
  return { data: r.data, done: [...h.done, r.op], undone: [] };
}

/** Undo of the last step; the history itself when there is none. */
export function undo(h: EditHistory): EditHistory {
  const op = h.done[h.done.length - 1];
  if (!op) return h;
  return { data: applyOp(h.data, invertOp(op)), done: h.done.slice(0, -1), undone: [...h.undone, op] };
}

export function redo(h: EditHistory): EditHistory {
  const op = h.undone[h.undone.length - 1];
  if (!op) return h;
  return { data: applyOp(h.data, op), done: [...h.done, op], undone: h.undone.slice(0, -1) };
}

export function step(h: EditHistory, e: JournalEntry): EditHistory {
  return e.kind === 'do' ? doOp(h, e.op) : e.kind === 'undo' ? undo(h) : redo(h);
}

/** The state a saved journal leads to, from the layer as it was first saved. */
export function replay(base: EditHistory, entries: readonly JournalEntry[]): EditHistory {
  return entries.reduce(step, base);
}
