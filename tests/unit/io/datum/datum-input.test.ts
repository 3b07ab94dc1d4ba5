/** What the planner types into the datum-parameter fields: numbers, ranges, and which field is wrong. */
import { describe, expect, it } from 'vitest';
import { draftOf, parseDatumShift, type DatumShiftDraft } from '../../../../src/io/datum/datum-shift-input';

const seven = (values: DatumShiftDraft['values'], convention: DatumShiftDraft['convention'] = 'position-vector'): DatumShiftDraft => ({ kind: 'helmert7', convention, values });
const ok7 = { dx: '-13.84', dy: '112.36', dz: '85.51', rx: '2.13', ry: '-1.95', rz: '3.27', ppm: '-4.2' };

describe('parseDatumShift', () => {
  it('reads a 7-parameter set with its convention', () => {
    expect(parseDatumShift(seven(ok7, 'coordinate-frame'))).toEqual({
      shift: { kind: 'helmert7', dx: -13.84, dy: 112.36, dz: 85.51, rx: 2.13, ry: -1.95, rz: 3.27, ppm: -4.2, convention: 'coordinate-frame' },
    });
  });

  it('reads a 4-parameter set, full-width digits and the minus sign as typed with a Chinese input method', () => {
    expect(parseDatumShift({ kind: 'planar4', convention: 'position-vector', values: { dx: '－４５．２', dy: '91.5', rotation: '−0.8', ppm: '1e-1' } })).toEqual({
      shift: { kind: 'planar4', dx: -45.2, dy: 91.5, rotation: -0.8, ppm: 0.1 },
    });
  });

  it('names each wrong field: empty, not a number, out of range', () => {
    const r = parseDatumShift(seven({ ...ok7, dy: '', rx: '2,13', dz: '5000' }));
    expect(r).toEqual({
      problems: [
        { field: 'dy', code: 'empty' },
        { field: 'dz', code: 'out-of-range', min: -3000, max: 3000, value: 5000 },
        { field: 'rx', code: 'not-a-number', text: '2,13' },
      ],
    });
  });

  it('catches a scale factor typed where ppm is asked', () => {
    expect(parseDatumShift(seven({ ...ok7, ppm: '1.0000042' }))).toEqual({ problems: [{ field: 'ppm', code: 'scale-factor', value: 1.0000042 }] });
    expect('shift' in parseDatumShift(seven({ ...ok7, ppm: '1.2' }))).toBe(true);
  });

  it('refuses a set of zeros (nothing to apply)', () => {
    expect(parseDatumShift({ kind: 'planar4', convention: 'position-vector', values: { dx: '0', dy: '0', rotation: '0', ppm: '0' } })).toEqual({ problems: [{ field: 'dx', code: 'all-zero' }] });
  });

  it('a shift shown again reads back the same', () => {
    const r = parseDatumShift(seven(ok7, 'coordinate-frame'));
    if (!('shift' in r)) throw new Error('expected a shift');
    expect(parseDatumShift(draftOf(r.shift))).toEqual(r);
  });
});
