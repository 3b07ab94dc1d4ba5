import { findCode } from './code-lists';

export type FieldType = 'text' | 'integer' | 'decimal' | 'date' | 'boolean' | 'code';
export type CodeListId = 'ydyh' | 'dlbm';

export interface FieldDef {
  /** Attribute key in feature.properties. */
  name: string;
  type: FieldType;
  label?: { zh: string; en: string };
  /** e.g. 'm²', '%', 'm'. */
  unit?: string;
  /** For integer/decimal, inclusive. */
  min?: number;
  max?: number;
  /** For type 'code'. */
  codeList?: CodeListId;
  /** For a code field: the field holding the class name, kept in step with the code (YDYHFLDM → YDYHFLMC). */
  nameField?: string;
  /** Value computed from geometry, not typed: 'area_m2' (ellipsoidal area in m²). Read-only in the inspector. */
  computed?: 'area_m2';
  required?: boolean;
}

export type StoredValue = string | number | boolean | null;
export type FieldProblem = {
  code: 'not-integer' | 'not-number' | 'below-min' | 'above-max' | 'not-date' | 'not-boolean' | 'unknown-code' | 'required';
  params?: Record<string, string | number>;
};
export type Coerced = { ok: true; value: StoredValue } | { ok: false; problem: FieldProblem };

// Only the characters a Chinese IME produces in place of ASCII ones are folded. NFKC would fold far more
// (① → 1, ¹ → 1) and so accept strings a person never meant as numbers.
const FULL_WIDTH: Readonly<Record<string, string>> = { '．': '.', '－': '-', '−': '-', '＋': '+', 'ｅ': 'e', 'Ｅ': 'E', '／': '/' };
function halfWidth(s: string): string {
  return s.replace(/[０-９．－−＋ｅＥ／]/g, (ch) => {
    const c = ch.charCodeAt(0);
    return c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 48) : FULL_WIDTH[ch] ?? ch;
  });
}

const fail = (code: FieldProblem['code'], params?: FieldProblem['params']): Coerced =>
  ({ ok: false, problem: params ? { code, params } : { code } });

// Thousands separators are rejected rather than stripped: '1,200' from a European sheet means 1.2, so any
// guess would silently store the wrong number.
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DATE = /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;
const TRUE = new Set(['true', 'yes', '是', '1']);
const FALSE = new Set(['false', 'no', '否', '0']);

function inRange(def: FieldDef, n: number): Coerced {
  if (def.min !== undefined && n < def.min) return fail('below-min', { min: def.min });
  if (def.max !== undefined && n > def.max) return fail('above-max', { max: def.max });
  // -0 would survive into files as "-0"; nobody means it.
  return { ok: true, value: n === 0 ? 0 : n };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseDate(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [m[1], m[2] ?? m[4] ?? m[6], m[3] ?? m[5] ?? m[7]].map(Number) as [number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses what a person typed (a string from an input) into the stored value. Empty → null (or 'required' problem). */
export function coerceValue(def: FieldDef, raw: string): Coerced {
  const s = raw.trim();
  if (!s) return def.required ? fail('required') : { ok: true, value: null };
  switch (def.type) {
    case 'text':
      return { ok: true, value: s };
    case 'integer': {
      const t = halfWidth(s);
      if (!INTEGER.test(t)) return fail('not-integer');
      const n = Number(t);
      // Past 2^53 the typed digits and the stored number differ; better refuse than store another value.
      return Number.isSafeInteger(n) ? inRange(def, n) : fail('not-integer');
    }
    case 'decimal': {
      const t = halfWidth(s);
      const n = DECIMAL.test(t) ? Number(t) : NaN;
      return Number.isFinite(n) ? inRange(def, n) : fail('not-number');
    }
    case 'date': {
      const d = parseDate(halfWidth(s));
      return d ? { ok: true, value: d } : fail('not-date');
    }
    case 'boolean': {
      const t = halfWidth(s).toLowerCase();
      return TRUE.has(t) ? { ok: true, value: true } : FALSE.has(t) ? { ok: true, value: false } : fail('not-boolean');
    }
    case 'code': {
      if (!def.codeList) return { ok: true, value: s };
      const hit = findCode(def.codeList, s);
      return hit ? { ok: true, value: hit.code } : fail('unknown-code', { code: s });
    }
  }
}

/**
 * Checks a stored value (from a file) against the def; null = fine. Numbers, booleans and dates written as
 * text are accepted when they parse: CSV and Excel exports store every cell as a string, and flagging a
 * whole column of "12" as not-integer would bury the real problems.
 */
export function checkValue(def: FieldDef, value: unknown): FieldProblem | null {
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) {
    return def.required ? { code: 'required' } : null;
  }
  const asText = (): FieldProblem | null => {
    const r = coerceValue(def, String(value));
    return r.ok ? null : r.problem;
  };
  switch (def.type) {
    case 'text':
      return null;
    case 'integer':
    case 'decimal':
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) return { code: 'not-number' };
        if (def.type === 'integer' && !Number.isInteger(value)) return { code: 'not-integer' };
        const r = inRange(def, value);
        return r.ok ? null : r.problem;
      }
      return typeof value === 'string' ? asText() : { code: def.type === 'integer' ? 'not-integer' : 'not-number' };
    case 'boolean':
      if (typeof value === 'boolean' || value === 0 || value === 1) return null;
      return typeof value === 'string' ? asText() : { code: 'not-boolean' };
    case 'date':
      return typeof value === 'string' ? asText() : { code: 'not-date' };
    case 'code':
      // A number column that lost a leading zero (701 for 0701) is reported, not repaired: 201 is a valid
      // 三调 code as it stands, so a repair could not tell the two apart.
      return typeof value === 'string' || typeof value === 'number' ? asText() : { code: 'unknown-code', params: { code: String(value) } };
  }
}

/**
 * The property changes one typed value makes: for a code field with nameField, also the name (zh) of the
 * class, so the pair never disagrees in an exported file. An unknown code clears the name rather than
 * leaving the old class's name beside a new code.
 */
export function valueChanges(def: FieldDef, value: StoredValue): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = { [def.name]: value };
  if (def.type === 'code' && def.nameField && def.codeList) {
    out[def.nameField] = value === null ? null : findCode(def.codeList, String(value))?.name_zh ?? null;
  }
  return out;
}

const label = (zh: string, en: string) => ({ zh, en });

/** The red-line (用地红线) preset for a new project layer. */
export const RED_LINE_FIELDS: readonly FieldDef[] = Object.freeze(([
  { name: 'XMMC', type: 'text', label: label('项目名称', 'Project name'), required: true },
  { name: 'YDMJ', type: 'decimal', label: label('用地面积', 'Site area'), unit: 'm²', min: 0, computed: 'area_m2' },
  { name: 'YDYHFLDM', type: 'code', label: label('用地用海分类代码', 'Land-use class code'), codeList: 'ydyh', nameField: 'YDYHFLMC' },
  { name: 'YDYHFLMC', type: 'text', label: label('用地用海分类名称', 'Land-use class name') },
  { name: 'RJL', type: 'decimal', label: label('容积率', 'Floor area ratio'), min: 0, max: 20 },
  { name: 'JZMD', type: 'decimal', label: label('建筑密度', 'Building coverage'), unit: '%', min: 0, max: 100 },
  { name: 'LDL', type: 'decimal', label: label('绿地率', 'Green space ratio'), unit: '%', min: 0, max: 100 },
  { name: 'JZXG', type: 'decimal', label: label('建筑限高', 'Height limit'), unit: 'm', min: 0, max: 1000 },
  { name: 'BZ', type: 'text', label: label('备注', 'Remarks') },
] satisfies FieldDef[]).map((d) => Object.freeze(d)));

/** The national and 控规 fields a planner adds by name (red-line preset, 三调 class): with their labels, units and ranges. */
export const STANDARD_FIELDS: readonly FieldDef[] = Object.freeze([
  ...RED_LINE_FIELDS,
  ...([
    { name: 'DLBM', type: 'code', label: label('地类编码', 'Land survey class code'), codeList: 'dlbm', nameField: 'DLMC' },
    { name: 'DLMC', type: 'text', label: label('地类名称', 'Land survey class name') },
  ] satisfies FieldDef[]).map((d) => Object.freeze(d)),
]);

// Fields an imported layer may carry beyond the preset; they get labels (and the code pair) by name.
const KNOWN: ReadonlyMap<string, FieldDef> = new Map(STANDARD_FIELDS.map((d): [string, FieldDef] => [d.name, d]));

type Seen = { bool: number; int: number; num: number; date: number; other: number };

function guessType(s: Seen): FieldType {
  const { bool, int, num, date, other } = s;
  if (other) return 'text';
  if (bool && !int && !num && !date) return 'boolean';
  if ((int || num) && !bool && !date) return num ? 'decimal' : 'integer';
  if (date && !bool && !int && !num) return 'date';
  return 'text';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A schema guessed from existing features' properties (an imported layer made editable). Keys come in
 * first-seen order; keys starting with '_' are the app's own bookkeeping and are skipped. Known 控规 and
 * survey fields (matched case-insensitively, kept as spelled) get labels, units and ranges, but never
 * `computed` or `required`: an imported 用地面积 is often the surveyed figure and must not be overwritten by
 * our own measurement, and a file's blank cells are its author's business until the planner says otherwise.
 */
export function inferSchema(properties: Iterable<Record<string, unknown> | null>): FieldDef[] {
  const seen = new Map<string, Seen>();
  for (const props of properties) {
    if (!props) continue;
    for (const [key, v] of Object.entries(props)) {
      if (key.startsWith('_')) continue;
      let s = seen.get(key);
      if (!s) seen.set(key, (s = { bool: 0, int: 0, num: 0, date: 0, other: 0 }));
      if (v === null || v === undefined) continue;
      if (typeof v === 'boolean') s.bool++;
      else if (typeof v === 'number' && Number.isFinite(v)) {
        if (Number.isInteger(v)) s.int++;
        else s.num++;
      }
      else if (typeof v === 'string' && ISO_DATE.test(v) && parseDate(v) === v) s.date++;
      else s.other++;
    }
  }
  const byUpper = new Map<string, string>();
  for (const key of seen.keys()) if (!byUpper.has(key.toUpperCase())) byUpper.set(key.toUpperCase(), key);

  return [...seen].map(([name, s]): FieldDef => {
    const guessed = guessType(s);
    const known = KNOWN.get(name.toUpperCase());
    if (!known) return { name, type: guessed };
    const def: FieldDef = { name, type: known.type };
    if (known.label) def.label = known.label;
    // A column of whole numbers is still a ratio or an area; a column of text is left as text, since
    // calling it a number would flag every row at once.
    const empty = !(s.bool || s.int || s.num || s.date || s.other);
    if (known.type === 'decimal' && guessed !== 'integer' && guessed !== 'decimal' && !empty) {
      def.type = guessed;
      return def;
    }
    if (known.unit) def.unit = known.unit;
    if (known.min !== undefined) def.min = known.min;
    if (known.max !== undefined) def.max = known.max;
    if (known.codeList) def.codeList = known.codeList;
    const nameField = known.nameField ? byUpper.get(known.nameField) : undefined;
    if (nameField) def.nameField = nameField;
    return def;
  });
}

/** A blank feature's properties for a schema (all null). */
export function emptyProperties(schema: readonly FieldDef[]): Record<string, null> {
  return Object.fromEntries(schema.map((d) => [d.name, null]));
}

/** A stored value as a person would type it back (the text an input shows; what coerceValue reads). */
export function typedText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
