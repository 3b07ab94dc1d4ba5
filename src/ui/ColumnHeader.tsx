import { FIELD_LABELS, shownFieldName } from '../i18n/fields';

/** A table column header with both language labels; sortable when `onSort` is given. */
export function ColumnHeader({ field, dir = 0, onSort, alias }: { field: string; dir?: -1 | 0 | 1; onSort?: () => void; alias?: string }) {
  const label = alias ? { zh: alias, en: field } : FIELD_LABELS[field];
  return (
    <div role="columnheader" aria-sort={dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none'} className="attr-th">
      <button type="button" onClick={onSort} disabled={!onSort}>
        <span>
          {label ? label.zh : shownFieldName(field)}
          {dir !== 0 && <span aria-hidden="true">{dir === 1 ? ' ▲' : ' ▼'}</span>}
        </span>
        {label && <span className="th-en">{label.en}</span>}
      </button>
    </div>
  );
}
