/**
 * Seeded pseudo-random numbers for the generated parcels and the benchmarks: the same seed gives the same
 * sequence on every machine (integer arithmetic only), as mourner/flatbush's bench.js.
 * Algorithm: mulberry32 (Tommy Ettinger, public domain).
 *
 * @example
 * const rand = mulberry32(42);
 * rand(); // 0.6011037519201636, always
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [lo, hi). */
export function uniform(rand: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * rand();
}

/** Integer in [lo, hi] inclusive. */
export function randomInt(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** Picks an item with the given weights (need not sum to 1). */
export function weightedPick<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** k distinct indices of [0, n), ascending (partial Fisher–Yates). */
export function sampleIndices(rand: () => number, n: number, k: number): number[] {
  const m = Math.min(k, n);
  const pool = new Uint32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return Array.from(pool.subarray(0, m)).sort((a, b) => a - b);
}
