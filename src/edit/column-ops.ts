import type { Feature } from 'geojson';
import { coerceValue, valueChanges, type FieldDef, type FieldProblem } from './field-schema';
import type { EditOp } from './ops';
import { codeFromInput } from './code-input';

type Props = Record<string, unknown>;

/** Cells pasted as spreadsheets copy them: one value per line, the first cell of each line (tabs split cells). */
export function pastedColumn(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t')[0]!);
}

/**
 * One step that sets `def`'s field of each feature to the matching typed value (paste a column, fill
 * down). A code field reads class names as the inspector does (a pasted column of 城镇住宅用地 stores
 * 0701). Nothing is changed unless every value fits the schema: the first that does not is returned
 * with its position in `values`.
 */
export function columnEdit(features: readonly Feature[], def: FieldDef, values: readonly string[]): { op: EditOp | null } | { problem: FieldProblem; at: number } {
  const ops: EditOp[] = [];
  for (let i = 0; i < features.length && i < values.length; i++) {
    const typed = def.type === 'code' && def.codeList ? codeFromInput(def.codeList, values[i]!) : values[i]!;
    const r = coerceValue(def, typed);
    if (!r.ok) return { problem: r.problem, at: i };
    const f = features[i]!;
    const before = (f.properties ?? {}) as Props;
    const changes = valueChanges(def, r.value);
    if (Object.entries(changes).every(([k, v]) => before[k] === v)) continue;
    ops.push({ type: 'attributes', id: String(f.id), before, after: { ...before, ...changes } });
  }
  return { op: ops.length === 0 ? null : ops.length === 1 ? ops[0]! : { type: 'batch', ops } };
}
