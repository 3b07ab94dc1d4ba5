/**
 * The last datum parameters the planner entered, one set per kind, kept in this browser's localStorage
 * for the next file from the same survey; never sent anywhere. Unreadable or tampered entries are ignored.
 */
import type { DatumShift } from '../../io/datum/datum-shift';
import { draftOf, parseDatumShift } from '../../io/datum/datum-shift-input';

const KEY = 'atlas:datum-shift:v1';

type Memory = Partial<Record<DatumShift['kind'], DatumShift>>;

function read(): Memory {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    const out: Memory = {};
    for (const kind of ['helmert7', 'planar4'] as const) {
      const v = raw[kind] as DatumShift | undefined;
      if (!v || v.kind !== kind) continue;
      const r = parseDatumShift(draftOf(v));
      if ('shift' in r) out[kind] = r.shift;
    }
    return out;
  } catch {
    return {};
  }
}

export function rememberedShift(kind: DatumShift['kind']): DatumShift | undefined {
  return read()[kind];
}

export function rememberShift(shift: DatumShift): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...read(), [shift.kind]: shift }));
  } catch {
    /* storage off (private mode, quota): only the convenience is lost */
  }
}
