/**
 * Reads the datum parameters a planner typed: each field is checked on its own (a number, within
 * the range real transformations have) and every problem names its field, so the form can say
 * which one is wrong.
 */
import { HELMERT7_FIELDS, PLANAR4_FIELDS, type DatumField, type DatumShift, type RotationConvention } from './datum-shift';

export interface DatumShiftDraft {
  kind: 'helmert7' | 'planar4';
  convention: RotationConvention;
  /** Text as typed, by field. */
  values: Partial<Record<DatumField, string>>;
}

export type DatumFieldProblem =
  | { field: DatumField; code: 'empty' }
  | { field: DatumField; code: 'not-a-number'; text: string }
  | { field: DatumField; code: 'out-of-range'; min: number; max: number; value: number }
  | { field: 'ppm'; code: 'scale-factor'; value: number }
  | { field: DatumField; code: 'all-zero' };

/**
 * Plausible limits. Published and local Xian 1980 / Beijing 1954 → CGCS2000 sets stay well inside them;
 * a value outside is a typing or unit mistake (degrees for seconds, a scale factor for ppm).
 */
export const DATUM_LIMITS: Record<'helmert7' | 'planar4', Record<string, number>> = {
  helmert7: { dx: 3000, dy: 3000, dz: 3000, rx: 200, ry: 200, rz: 200, ppm: 500 },
  planar4: { dx: 10000, dy: 10000, rotation: 600, ppm: 500 },
};

export function fieldsOf(kind: DatumShiftDraft['kind']): readonly DatumField[] {
  return kind === 'helmert7' ? HELMERT7_FIELDS : PLANAR4_FIELDS;
}

/** Full-width digits and signs (typed with a Chinese input method) and the minus sign read as ASCII. */
function normalise(text: string): string {
  return text
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2212\uFF0D\u2013]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/\uFF0E/g, '.');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * @example
 * parseDatumShift({ kind: 'planar4', convention: 'position-vector', values: { dx: '-45.2', dy: '91.5', rotation: '0.8', ppm: '1.2' } })
 * // { shift: { kind: 'planar4', dx: -45.2, dy: 91.5, rotation: 0.8, ppm: 1.2 } }
 */
export function parseDatumShift(draft: DatumShiftDraft): { shift: DatumShift } | { problems: DatumFieldProblem[] } {
  const problems: DatumFieldProblem[] = [];
  const limits = DATUM_LIMITS[draft.kind];
  const out: Record<string, number> = {};
  for (const field of fieldsOf(draft.kind)) {
    const text = normalise(draft.values[field] ?? '');
    if (!text) {
      problems.push({ field, code: 'empty' });
      continue;
    }
    if (!NUMBER.test(text)) {
      problems.push({ field, code: 'not-a-number', text: text.slice(0, 40) });
      continue;
    }
    const value = Number(text);
    const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
    // 1.0000045 is a scale factor written as a number near 1; as ppm it would mean 1 ppm and silently mislead.
    if (field === 'ppm' && value > 0.99 && value < 1.01 && decimals >= 5) {
      problems.push({ field, code: 'scale-factor', value });
      continue;
    }
    const max = limits[field]!;
    if (Math.abs(value) > max) {
      problems.push({ field, code: 'out-of-range', min: -max, max, value });
      continue;
    }
    out[field] = value;
  }
  if (problems.length) return { problems };
  if (Object.values(out).every((v) => v === 0)) return { problems: [{ field: fieldsOf(draft.kind)[0]!, code: 'all-zero' }] };
  if (draft.kind === 'helmert7') {
    return { shift: { kind: 'helmert7', dx: out.dx!, dy: out.dy!, dz: out.dz!, rx: out.rx!, ry: out.ry!, rz: out.rz!, ppm: out.ppm!, convention: draft.convention } };
  }
  return { shift: { kind: 'planar4', dx: out.dx!, dy: out.dy!, rotation: out.rotation!, ppm: out.ppm! } };
}

/** The draft that shows a shift again (the last one used, or the one kept with a layer). */
export function draftOf(shift: DatumShift): DatumShiftDraft {
  const values: Partial<Record<DatumField, string>> = {};
  for (const f of fieldsOf(shift.kind)) values[f] = String((shift as unknown as Record<string, number>)[f]);
  return { kind: shift.kind, convention: shift.kind === 'helmert7' ? shift.convention : 'position-vector', values };
}
