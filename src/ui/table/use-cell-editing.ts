import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Feature } from 'geojson';
import { columnEdit, pastedColumn } from '../../edit/column-ops';
import { coerceValue, typedText, type FieldDef, type FieldProblem } from '../../edit/field-schema';
import { codeFromInput } from '../../edit/code-input';
import { setAttribute } from '../../app/edit-actions';
import { atlasStore, useAtlas } from '../../state/store';
import { featureId } from '../../state/selectors';
import type { GridCell } from './use-grid-keys';

export type CellNote = { ok: true; kind: 'paste' | 'fill'; n: number } | { ok: false; problem: FieldProblem; row: number; value: string };

/**
 * Cell editing of an edited layer's table, as in a spreadsheet: F2 or a double-click edits the focused
 * cell (Enter keeps, Esc drops), Ctrl+V pastes a copied column from the focused cell down, Ctrl+D fills
 * the focused cell's value into the selected rows. Every change goes through the schema and is one undo step.
 */
export function useCellEditing(layerId: string, rows: readonly Feature[], columns: readonly string[], active: GridCell) {
  const schema = useAtlas((s) => (s.layers[layerId]?.editable && !s.editing[layerId]?.conflict ? s.editing[layerId]?.schema : undefined));
  // `initial` is the draft as the editor opened: leaving it unchanged is no edit.
  const [cell, setCell] = useState<{ row: number; col: number; draft: string; initial: string; problem: FieldProblem | null } | null>(null);
  const [note, setNote] = useState<CellNote | null>(null);
  const defOf = (col: number): FieldDef | undefined => {
    const d = schema?.find((x) => x.name === columns[col]);
    const names = new Set(schema?.flatMap((x) => (x.nameField ? [x.nameField] : [])));
    return d && !d.computed && !names.has(d.name) ? d : undefined;
  };
  const editable = (col: number) => !!defOf(col);
  const start = (row: number, col: number) => {
    const f = rows[row];
    const def = defOf(col);
    const v = f?.properties?.[columns[col]!];
    if (!f || !def || (typeof v === 'object' && v !== null)) return;
    let draft = typedText(v);
    // A date picker shows only ISO dates; one a file wrote as 2026/5/1 opens as the same day.
    if (def.type === 'date') {
      const r = coerceValue(def, draft);
      if (r.ok && typeof r.value === 'string') draft = r.value;
    }
    setCell({ row, col, draft, initial: draft, problem: null });
  };
  const finish = (commit: boolean, value?: string) => {
    if (!cell) return true;
    const f = rows[cell.row];
    const def = defOf(cell.col);
    const draft = value ?? cell.draft;
    if (commit && f && def && draft !== cell.initial) {
      const typed = def.type === 'code' && def.codeList ? codeFromInput(def.codeList, draft) : draft;
      const problem = setAttribute(atlasStore, layerId, featureId(f), def, typed);
      if (problem) {
        setCell({ ...cell, draft, problem });
        return false;
      }
    }
    setCell(null);
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): boolean => {
    if (!schema || cell || !(e.target as HTMLElement).matches('[data-cell]')) return false;
    if (e.key === 'F2') {
      start(active.row, active.col);
      return true;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'd') {
      const def = defOf(active.col);
      const source = rows[active.row];
      if (!def || !source) return true;
      const s = atlasStore.getState();
      const chosen = new Set(s.selection.filter((r) => r.layerId === layerId).map((r) => r.featureId));
      const targets = rows.filter((f) => chosen.has(featureId(f)) && f !== source);
      const value = typedText(source.properties?.[def.name]);
      const r = columnEdit(targets, def, targets.map(() => value));
      if ('problem' in r) setNote({ ok: false, problem: r.problem, row: rows.indexOf(targets[r.at]!) + 1, value });
      else {
        if (r.op) s.applyEdit(layerId, r.op);
        setNote({ ok: true, kind: 'fill', n: targets.length });
      }
      return true;
    }
    return false;
  };
  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    const def = schema && !cell ? defOf(active.col) : undefined;
    if (!def || !(e.target as HTMLElement).matches('[data-cell]')) return;
    e.preventDefault();
    const values = pastedColumn(e.clipboardData.getData('text/plain'));
    const targets = rows.slice(active.row, active.row + values.length);
    const r = columnEdit(targets, def, values);
    if ('problem' in r) setNote({ ok: false, problem: r.problem, row: active.row + r.at + 1, value: values[r.at]! });
    else {
      if (r.op) atlasStore.getState().applyEdit(layerId, r.op);
      setNote({ ok: true, kind: 'paste', n: targets.length });
    }
  };
  return { editing: !!schema, cell, cellDef: cell ? defOf(cell.col) : undefined, setDraft: (draft: string) => cell && setCell({ ...cell, draft, problem: null }), start, finish, editable, onKeyDown, onPaste, note };
}
