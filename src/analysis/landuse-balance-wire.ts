/**
 * A land-use balance as it crosses from the big-layer worker to the page: per row the numbers and the
 * feature positions as a typed array, no id strings (a big layer's feature ids are its positions).
 */
import type { BalanceRow, LandUseBalance } from './landuse-balance';

export interface BalanceRowWire extends Omit<BalanceRow, 'featureIds' | 'featureIndices'> {
  featureIndices: Uint32Array;
}

export interface LandUseBalanceWire extends Omit<LandUseBalance, 'rows' | 'skipped'> {
  rows: BalanceRowWire[];
  skipped: Uint32Array;
}

/** @example toWire(landUseBalance(features)).rows[0].featureIndices // Uint32Array [0, 4, …] */
export function toWire(b: LandUseBalance): LandUseBalanceWire {
  return {
    ...b,
    rows: b.rows.map(({ featureIds: _ids, featureIndices, ...r }) => ({ ...r, featureIndices: Uint32Array.from(featureIndices) })),
    skipped: Uint32Array.from(b.skipped),
  };
}

/** The buffers to transfer rather than copy. */
export function wireBuffers(w: LandUseBalanceWire): ArrayBuffer[] {
  return [...w.rows.map((r) => r.featureIndices.buffer as ArrayBuffer), w.skipped.buffer as ArrayBuffer];
}

/** Back to a balance whose feature ids are the positions, as the page names a big layer's features. */
export function fromWire(w: LandUseBalanceWire): LandUseBalance {
  return {
    ...w,
    rows: w.rows.map(({ featureIndices, ...r }) => {
      const featureIds = new Array<string>(featureIndices.length);
      const indices = new Array<number>(featureIndices.length);
      for (let k = 0; k < featureIndices.length; k++) {
        indices[k] = featureIndices[k]!;
        featureIds[k] = String(featureIndices[k]);
      }
      return { ...r, featureIds, featureIndices: indices };
    }),
    skipped: Array.from(w.skipped),
  };
}
