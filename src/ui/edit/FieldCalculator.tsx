import { useState } from 'react';
import type { Feature } from 'geojson';
import { columnEdit } from '../../edit/column-ops';
import { typedText, type FieldDef, type FieldType } from '../../edit/field-schema';
import type { Compiled } from '../../edit/expression';
import { featureKey } from '../../edit/ops';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';
import { plural } from '../../i18n/plural';

const NEW = '\u0000new';
const TYPES: FieldType[] = ['decimal', 'integer', 'text', 'boolean', 'date'];
type Outcome = { bad: boolean; text: string; rows?: { id: string; value: string }[] };

/** A field filled from an expression over fields and measures (with a preview), or the features it is true for selected. */
export function FieldCalculator({ layerId }: { layerId: string }) {
  const t = useT();
  const lang = useLang();
  const schema = useAtlas((s) => s.editing[layerId]?.schema);
  const conflict = useAtlas((s) => s.editing[layerId]?.conflict ?? false);
  const count = useAtlas((s) => s.layers[layerId]?.data.features.length ?? 0);
  const [field, setField] = useState<string>('');
  const [newName, setNewName] = useState('');
  const [newType, setNewType] = useState<FieldType>('decimal');
  const [expr, setExpr] = useState('["*", ["get", "$area_m2"], 1]');
  const [out, setOut] = useState<Outcome | null>(null);
  if (!schema) return null;
  const writable = schema.filter((d) => !d.computed && !schema.some((x) => x.nameField === d.name));
  const target = field || writable[0]?.name || NEW;
  const compile = async (kind: 'value' | 'filter'): Promise<Compiled> => (await import('../../edit/expression')).compileExpression(expr, kind);
  const features = (): Feature[] => atlasStore.getState().layers[layerId]?.data.features ?? [];
  const evaluateAll = (c: Extract<Compiled, { ok: true }>, fs: Feature[]) => {
    const values: string[] = [];
    for (let i = 0; i < fs.length; i++) {
      try {
        values.push(typedText(c.evaluate(fs[i]!)));
      } catch (e) {
        return { error: t('calc.rowError', { id: featureKey(fs[i]!, i), message: e instanceof Error ? e.message : String(e) }) };
      }
    }
    return { values };
  };
  const preview = async () => {
    const c = await compile('value');
    if (!c.ok) return setOut({ bad: true, text: t('calc.error', { message: c.message }) });
    const fs = features().slice(0, 5);
    const r = evaluateAll(c, fs);
    if ('error' in r) return setOut({ bad: true, text: r.error! });
    setOut({ bad: false, text: t('calc.previewCaption', { n: fs.length }), rows: fs.map((f, i) => ({ id: featureKey(f, i), value: r.values![i]! })) });
  };
  const apply = async () => {
    const c = await compile('value');
    if (!c.ok) return setOut({ bad: true, text: t('calc.error', { message: c.message }) });
    let def: FieldDef | undefined = schema.find((d) => d.name === target);
    if (target === NEW) {
      const name = newName.trim();
      if (!name || schema.some((d) => d.name === name)) return setOut({ bad: true, text: t('calc.badName') });
      def = { name, type: newType };
    }
    const fs = features();
    const r = evaluateAll(c, fs);
    if ('error' in r) return setOut({ bad: true, text: r.error! });
    const edit = columnEdit(fs, def!, r.values!);
    if ('problem' in edit) return setOut({ bad: true, text: t('table.cellProblem', { row: edit.at + 1, problem: t(`edit.problem.${edit.problem.code}`, edit.problem.params) }) });
    const s = atlasStore.getState();
    if (target === NEW) {
      s.setEditSchema(layerId, [...schema, def!]);
      setField(def!.name);
    }
    if (edit.op) s.applyEdit(layerId, edit.op);
    setOut({ bad: false, text: plural(lang, 'calc.applied', fs.length, { field: def!.name }) });
  };
  const select = async () => {
    const c = await compile('filter');
    if (!c.ok) return setOut({ bad: true, text: t('calc.error', { message: c.message }) });
    const refs: { layerId: string; featureId: string }[] = [];
    const fs = features();
    for (let i = 0; i < fs.length; i++) {
      try {
        if (c.evaluate(fs[i]!) === true) refs.push({ layerId, featureId: featureKey(fs[i]!, i) });
      } catch (e) {
        return setOut({ bad: true, text: t('calc.rowError', { id: featureKey(fs[i]!, i), message: e instanceof Error ? e.message : String(e) }) });
      }
    }
    atlasStore.getState().setSelection(refs);
    setOut({ bad: false, text: plural(lang, 'calc.selected', refs.length) });
  };
  return (
    <details className="group field-calculator">
      <summary>{t('calc.title')}</summary>
      <label className="field">
        <span>{t('calc.field')}</span>
        <select value={target} onChange={(e) => setField(e.target.value)}>
          {writable.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
          <option value={NEW}>{t('calc.newField')}</option>
        </select>
      </label>
      {target === NEW && (
        <div className="button-row">
          <label className="field">
            <span>{t('calc.newName')}</span>
            <input value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('calc.newType')}</span>
            <select value={newType} onChange={(e) => setNewType(e.target.value as FieldType)}>
              {TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {ty}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <label className="field">
        <span>{t('calc.expression')}</span>
        <textarea rows={3} spellCheck={false} value={expr} onChange={(e) => setExpr(e.target.value)} />
      </label>
      <p className="hint">{t('calc.help')}</p>
      <div className="button-row">
        <button type="button" onClick={() => void preview()}>
          {t('calc.preview')}
        </button>
        <button type="button" disabled={conflict || count === 0} onClick={() => void apply()}>
          {plural(lang, 'calc.apply', count)}
        </button>
        <button type="button" disabled={count === 0} onClick={() => void select()}>
          {t('calc.select')}
        </button>
      </div>
      {out && (
        <div className={out.bad ? 'warn' : 'hint'} role={out.bad ? 'alert' : 'status'} data-testid="calc-outcome">
          <p>{out.text}</p>
          {out.rows && (
            <table className="mini-table">
              <tbody>
                {out.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.id}</th>
                    <td>{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </details>
  );
}
