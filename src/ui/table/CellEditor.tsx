import type { KeyboardEvent } from 'react';
import type { FieldDef } from '../../edit/field-schema';
import { CodePicker } from '../edit/CodePicker';
import { useT } from '../use-t';

export interface CellEdit {
  col: number;
  def: FieldDef;
  draft: string;
  problem: string | null;
  onChange: (v: string) => void;
  /** `value`, when given, is what to keep (a class chosen in the tree, before the draft has caught up). */
  onDone: (commit: boolean, value?: string) => void;
}

/**
 * The editor of one table cell, by the field's type: a date picker, 是/否, a number box (the schema checks
 * the range on Enter), the code tree, or text. Enter keeps, Esc drops, leaving the cell keeps.
 */
export function CellEditor({ edit, label }: { edit: CellEdit; label: string }) {
  const t = useT();
  const { def } = edit;
  const common = {
    'aria-label': label,
    'aria-invalid': edit.problem ? true : undefined,
    title: edit.problem ?? undefined,
    autoFocus: true,
    'data-field': def.name,
  } as const;
  // A date box half typed or half cleared reads '' (the browser's value sanitizing): kept as it was, not erased.
  const complete = (el: EventTarget) => !(el instanceof HTMLInputElement) || !el.validity.badInput;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      edit.onDone(e.key === 'Enter' && complete(e.currentTarget));
    }
  };
  const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();
  if (def.type === 'code' && def.codeList) {
    return (
      <CodePicker
        list={def.codeList}
        value={edit.draft}
        onChange={edit.onChange}
        onCommit={(v) => edit.onDone(true, v)}
        onCancel={() => edit.onDone(false)}
        input={common}
        placeholder={t('edit.chooseCode')}
      />
    );
  }
  if (def.type === 'boolean') {
    return (
      <select {...common} value={edit.draft} onClick={stop} onChange={(e) => edit.onChange(e.target.value)} onKeyDown={onKeyDown} onBlur={() => edit.onDone(true)}>
        <option value="">{t('edit.unset')}</option>
        <option value="true">{t('edit.yes')}</option>
        <option value="false">{t('edit.no')}</option>
      </select>
    );
  }
  return (
    <input
      {...common}
      type={def.type === 'date' ? 'date' : 'text'}
      inputMode={def.type === 'integer' ? 'numeric' : def.type === 'decimal' ? 'decimal' : undefined}
      value={edit.draft}
      onClick={stop}
      onChange={(e) => edit.onChange(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={(e) => edit.onDone(complete(e.currentTarget))}
    />
  );
}
