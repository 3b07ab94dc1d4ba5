/**
 * Types of untyped text columns (CSV cells, KML `<Data>` values). Text stays text; a column becomes numeric
 * only when the planner says so, or when every value is a plain number written the way a number prints
 * and the column is not code-like (a known code field name, leading zeros, or every value an integer of
 * the same width, as 行政区划代码 are), so an export → import round trip gives back the file's values.
 */
import { isCodeField } from '../../domain/code-fields';

/** A plain decimal without leading zeros that a number holds exactly ('12.5', '-3', '12.50'; not '012', '1e3', 20 digits). */
const isPlainNumber = (s: string) => /^-?(0|[1-9]\d*)(\.\d+)?$/.test(s) && String(Number(s)) === s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

export type ColumnKind = 'number' | 'text';

/** Why a column that reads as numbers is kept as text, for the import note; undefined when it is numeric. */
export function codeLikeReason(name: string, values: readonly string[]): string | undefined {
  const filled = values.filter((v) => v !== '');
  if (!filled.length || !filled.every(isPlainNumber)) return undefined;
  if (isCodeField(name)) return 'its name is a code field name';
  const widths = new Set(filled.map((v) => (/^-?\d+$/.test(v) ? v.replace('-', '').length : -1)));
  if (filled.length >= 2 && widths.size === 1 && !widths.has(-1) && [...widths][0]! >= 5) return 'every value is an integer of the same width, like a code';
  return undefined;
}

/**
 * The kind of each column. When the planner gave the list of numeric columns (`numeric`), exactly those are
 * numeric (values in them that are not numbers stay text); else a column is numeric when every filled value
 * is a plain, non-code number.
 * @example columnKinds(['adcode', '人口'], [['410802', '12345'], ['410803', '678']]) // ['text', 'number']
 */
export function columnKinds(headers: readonly string[], rows: readonly (readonly string[])[], numeric?: readonly string[]): ColumnKind[] {
  return headers.map((h, k) => {
    if (numeric) return numeric.includes(h) ? 'number' : 'text';
    const values = rows.map((r) => (r[k] ?? '').trim() === '' ? '' : r[k]!);
    const filled = values.filter((v) => v !== '');
    if (!filled.length || !filled.every(isPlainNumber)) return 'text';
    return codeLikeReason(h, values) ? 'text' : 'number';
  });
}

/** One cell in its column's kind: '' is null; numbers only where the column is numeric and the text is a number. */
export function typedCell(s: string, kind: ColumnKind): string | number | null {
  if (s === '') return null;
  if (kind === 'number') {
    const t = s.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  }
  return s;
}
