/** tests/fixtures/datum/reference.json (PROJ cs2cs / cct, scripts/crs/make-datum-fixtures.ts) and a metre-scale comparison. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import { expect } from 'vitest';
import type { Helmert7, Planar4 } from '../../../../src/io/datum/datum-shift';
import type { InputFile } from '../../../../src/io/types';
import { repoRoot } from '../helpers';

export const datumFixture = (name: string): InputFile => ({ name, bytes: new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/datum', name))) });

interface Reference {
  crs: string;
  points: [number, number][];
  helmert7: { params: Omit<Helmert7, 'kind' | 'convention'>; positionVector: [number, number][]; coordinateFrame: [number, number][] };
  planar4: { params: Omit<Planar4, 'kind'>; wgs84: [number, number][] };
  noShift: [number, number][];
}

export const REF = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/datum/reference.json'), 'utf8')) as Reference;
export const SEVEN_PV: Helmert7 = { kind: 'helmert7', ...REF.helmert7.params, convention: 'position-vector' };
export const SEVEN_CF: Helmert7 = { ...SEVEN_PV, convention: 'coordinate-frame' };
export const FOUR: Planar4 = { kind: 'planar4', ...REF.planar4.params };

/** Distance between two lon/lat positions in metres (local plane; fine for millimetres). */
export function metresApart(a: Position, b: Position): number {
  const dn = (a[1]! - b[1]!) * 111_320;
  const de = (a[0]! - b[0]!) * 111_320 * Math.cos((b[1]! * Math.PI) / 180);
  return Math.hypot(dn, de);
}

/** Each expected position is among `got` within `mm` millimetres. */
export function expectAll(got: Position[], expected: [number, number][], mm = 1): void {
  for (const e of expected) {
    const best = Math.min(...got.map((g) => metresApart(g, e)));
    expect(best, `[${e.join(', ')}]`).toBeLessThan(mm / 1000);
  }
}
