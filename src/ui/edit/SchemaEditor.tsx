import { useState } from 'react';
import { STANDARD_FIELDS, type FieldDef } from '../../edit/field-schema';
import type { MessageKey } from '../../i18n/zh';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

type Choice = 'text' | 'integer' | 'decimal' | 'date' | 'boolean' | 'ydyh' | 'dlbm';
const CHOICES: Choice[] = ['text', 'integer', 'decimal', 'date', 'boolean', 'ydyh', 'dlbm'];
const NAME_FIELD: Record<'ydyh' | 'dlbm', string> = { ydyh: 'YDYHFLMC', dlbm: 'DLMC' };

function defOf(name: string, label: string, choice: Choice): FieldDef[] {
  const l = label.trim() ? { label: { zh: label.trim(), en: label.trim() } } : {};
  if (choice === 'ydyh' || choice === 'dlbm') {
    // A class code keeps its class name in step, in the field the national standards name for it.
    const nameField = name === 'YDYHFLDM' || name === 'DLBM' ? NAME_FIELD[choice] : `${name}_MC`;
    return [
      { name, type: 'code', codeList: choice, nameField, ...l },
      { name: nameField, type: 'text' },
    ];
  }
  return [{ name, type: choice, ...l }];
}

/** The edited layer's fields: what they are, add one (typed, code lists included), remove one from the form. */
export function SchemaEditor({ layerId }: { layerId: string }) {
  const t = useT();
  const lang = useLang();
  const schema = useAtlas((s) => s.editing[layerId]?.schema);
  const [name, setName] = useState('');
  const [label, setLabel] = useState('');
  const [choice, setChoice] = useState<Choice>('text');
  const [problem, setProblem] = useState(false);
  const [standard, setStandard] = useState('');
  if (!schema) return null;
  const missing = STANDARD_FIELDS.filter((d) => !schema.some((x) => x.name === d.name));
  const addStandard = () => {
    const def = STANDARD_FIELDS.find((d) => d.name === standard);
    if (!def) return;
    // A class code comes with its class-name field, kept in step with it.
    const pair = def.nameField ? STANDARD_FIELDS.filter((d) => d.name === def.nameField && !schema.some((x) => x.name === d.name)) : [];
    atlasStore.getState().setEditSchema(layerId, [...schema, { ...def }, ...pair.map((d) => ({ ...d }))]);
    setStandard('');
  };
  const add = () => {
    const n = name.trim();
    const defs = defOf(n, label, choice);
    if (!n || defs.some((d) => schema.some((x) => x.name === d.name))) return setProblem(true);
    setProblem(false);
    atlasStore.getState().setEditSchema(layerId, [...schema, ...defs]);
    setName('');
    setLabel('');
  };
  return (
    <details className="group schema-editor">
      <summary>{t('fields.title')}</summary>
      <ul className="field-list">
        {schema.map((d) => (
          <li key={d.name}>
            <span>
              <strong>{d.name}</strong> {d.label?.[lang] && d.label[lang] !== d.name ? `${d.label[lang]} · ` : ''}
              {t(`fields.type.${d.type === 'code' ? (d.codeList ?? 'text') : d.type}` as MessageKey)}
              {d.unit ? ` (${d.unit})` : ''}
            </span>
            <button type="button" className="icon-btn" aria-label={t('fields.remove', { name: d.name })} onClick={() => atlasStore.getState().setEditSchema(layerId, schema.filter((x) => x !== d))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{t('fields.removeNote')}</p>
      {missing.length > 0 && (
        <div className="edit-new">
          <label className="field">
            <span>{t('fields.standard')}</span>
            <select value={standard} onChange={(e) => setStandard(e.target.value)}>
              <option value="">{t('fields.standardPick')}</option>
              {missing.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name} {d.label?.[lang] ?? ''}
                  {d.unit ? ` (${d.unit})` : ''}
                  {d.min !== undefined && d.max !== undefined ? ` ${d.min}–${d.max}` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!standard} onClick={addStandard}>
            {t('fields.standardAdd')}
          </button>
        </div>
      )}
      <form
        className="edit-new"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="field">
          <span>{t('fields.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problem || undefined} />
        </label>
        <label className="field">
          <span>{t('fields.label')}</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('fields.type')}</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(`fields.type.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {problem && (
          <p className="warn" role="alert">
            {t('calc.badName')}
          </p>
        )}
        <button type="submit">{t('fields.add')}</button>
      </form>
    </details>
  );
}
