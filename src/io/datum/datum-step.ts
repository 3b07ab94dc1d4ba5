/** The import step that puts the planner's datum parameters on a layer's source CRS, and says so. */
import type { ResolvedCrs } from '../crs';
import { makeIssue, type ImportIssue } from '../types';
import { datumShiftTransform } from './apply-datum-shift';
import { describeDatumShift, type DatumShift } from './datum-shift';

/** The values of a shift as issue params (plain numbers and its kind), for the UI's own wording. */
export function datumShiftParams(shift: DatumShift): Record<string, string | number> {
  return { ...shift };
}

/**
 * `crs` with the shift applied when it is a Gauss–Krüger CRS on Xian 1980, Beijing 1954 or CGCS2000;
 * otherwise `crs` unchanged and a warning that the parameters were not used.
 */
export function applyDatumShift(file: string, crs: ResolvedCrs, shift: DatumShift | undefined, issues: ImportIssue[]): ResolvedCrs {
  if (!shift) return crs;
  if (!crs.gk) {
    issues.push(
      makeIssue('warning', 'crs-datum-shift-unused', file, `The datum parameters were not applied: "${crs.description}" is not a Gauss–Krüger coordinate system on Xian 1980, Beijing 1954 or CGCS2000.`, {
        params: { crs: crs.description },
      }),
    );
    return crs;
  }
  issues.push(makeIssue('info', 'crs-datum-shift', file, `Datum parameters applied: ${describeDatumShift(shift)}.`, { params: { crs: crs.description, ...datumShiftParams(shift) } }));
  const { note: _approx, ...rest } = crs;
  return { ...rest, toWgs84: datumShiftTransform(crs.gk, shift), datumShift: shift };
}
