/** Picks the source CRS of one layer: the user's choice, then the file's declaration, then a guess. */
import type { Bbox } from '../coords';
import { crsFromEpsg, inferCrs, resolveCrs, type ResolvedCrs } from '../crs';
import { makeIssue, type CrsInfo, type ImportIssue, type ImportOptions } from '../types';
import { applyDatumShift } from '../datum/datum-step';

export interface CrsChoice {
  crs?: ResolvedCrs;
  info?: CrsInfo;
  issues: ImportIssue[];
}

export interface CrsChoiceInput {
  file: string;
  /** CRS text found in the file (.prj WKT, GeoJSON `crs` name). */
  declared?: string;
  /** What the format says when nothing is declared: GeoJSON/KML/GPX mean WGS84 lon/lat. */
  defaultWgs84: boolean;
  bbox?: Bbox;
  options?: ImportOptions;
}

function infoOf(crs: ResolvedCrs, assumed: boolean): CrsInfo {
  return { detected: crs.id, assumed, description: crs.description, ...(crs.datumShift ? { datumShift: crs.datumShift } : {}), ...(crs.gk ? { gkDatum: crs.gk.datum } : {}) };
}

function notes(file: string, crs: ResolvedCrs, issues: ImportIssue[]): void {
  if (crs.note === 'cgcs2000') {
    issues.push(
      makeIssue('info', 'crs-cgcs2000-as-wgs84', file, 'CGCS2000 is used as WGS84 (they differ by less than 0.1 m).', { params: { crs: crs.id } }),
    );
  } else if (crs.note === 'datum-approx') {
    issues.push(
      makeIssue('warning', 'crs-datum-approx', file, `"${crs.description}" uses an older Chinese datum (Beijing 1954 / Xian 1980) converted without datum parameters; positions may be off by up to about 100 m. Enter local 7- or 4-parameter values under "Datum parameters" and import again.`, {
        params: { crs: crs.description },
      }),
    );
  }
}

const fmt = (v: number) => (Math.abs(v) >= 1e4 ? v.toFixed(0) : String(Number(v.toFixed(6))));

/** The coordinate ranges a guess rests on, as the planner can check them. */
function rangesOf(b: Bbox): string {
  return `x ${fmt(b[0])} … ${fmt(b[2])}, y ${fmt(b[1])} … ${fmt(b[3])}`;
}

export function chooseCrs({ file, declared, defaultWgs84, bbox, options }: CrsChoiceInput): CrsChoice {
  const issues: ImportIssue[] = [];
  const shifted = (c: ResolvedCrs) => applyDatumShift(file, c, options?.datumShift, issues);
  if (options?.crs) {
    const resolved = resolveCrs(options.crs);
    const r = 'error' in resolved ? resolved : shifted(resolved);
    if ('error' in r) {
      issues.push(makeIssue('error', 'crs-unknown', file, `The chosen CRS "${options.crs}" cannot be used: ${r.error}.`, { params: { crs: options.crs } }));
    } else {
      notes(file, r, issues);
      return { crs: r, info: { ...infoOf(r, false), description: `${r.description} (chosen by the user)` }, issues };
    }
  }
  let unparsed: string | undefined;
  if (declared) {
    const resolved = resolveCrs(declared);
    const r = 'error' in resolved ? resolved : shifted(resolved);
    if ('error' in r) unparsed = r.error;
    else {
      notes(file, r, issues);
      issues.push(makeIssue('info', 'crs-detected', file, `Coordinate system: ${r.description}.`, { params: { crs: r.id, description: r.description } }));
      return { crs: r, info: infoOf(r, false), issues };
    }
  }
  const inferred = bbox ? inferCrs(bbox, options?.defaultCentralMeridian) : undefined;
  const guess = inferred && { ...inferred, crs: shifted(inferred.crs) };
  if (unparsed !== undefined && declared) {
    // One note that says all of it: what could not be parsed, what was assumed instead, and why.
    const what = guess ? `assumed ${guess.crs.description} instead, because ${guess.reason} (${rangesOf(bbox!)})` : defaultWgs84 ? 'used WGS 84 longitude/latitude, as the format means' : 'nothing could be assumed from the coordinates; choose the coordinate system and import again';
    issues.push(
      makeIssue('warning', 'crs-prj-unparsed', file, `The declared coordinate system could not be parsed (${unparsed}); ${what}.`, {
        params: { declared: declared.slice(0, 200), error: unparsed, ...(guess ? { crs: guess.crs.id, description: guess.crs.description, reason: guess.reason } : {}) },
      }),
    );
    if (guess) {
      notes(file, guess.crs, issues);
      return { crs: guess.crs, info: { ...infoOf(guess.crs, true), description: `${guess.crs.description}; the declared one could not be parsed` }, issues };
    }
  }
  if (guess) {
    const isWgs = guess.crs.id === 'EPSG:4326';
    if (!(isWgs && defaultWgs84)) {
      issues.push(
        makeIssue(isWgs ? 'info' : 'warning', 'crs-assumed', file, `No coordinate system was declared; assumed ${guess.crs.description} because ${guess.reason}.`, {
          params: { crs: guess.crs.id, description: guess.crs.description, reason: guess.reason },
        }),
      );
    }
    notes(file, guess.crs, issues);
    return { crs: guess.crs, info: infoOf(guess.crs, !(isWgs && defaultWgs84)), issues };
  }
  if (defaultWgs84) {
    // The format means WGS84; stray coordinates are listed feature by feature instead.
    const wgs = crsFromEpsg(4326)!;
    return { crs: wgs, info: infoOf(wgs, false), issues };
  }
  if (bbox) {
    issues.push(
      makeIssue('error', 'crs-unknown', file, 'The coordinate system is unknown and could not be guessed from the coordinates; choose one and import again.', {
        params: { minX: bbox[0], minY: bbox[1], maxX: bbox[2], maxY: bbox[3] },
      }),
    );
  }
  return { issues };
}
