/**
 * Timing of synchronous functions for the benchmarks: warm-up runs first (JIT, caches), then timed runs;
 * median, min and mean ± standard deviation (ms), as mourner/flatbush's bench.js reports.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Timing {
  runs: number;
  median: number;
  min: number;
  mean: number;
  std: number;
  /** every timed run (ms), in run order */
  samples: number[];
}

export interface TimeOptions {
  /** untimed runs first (default 1) */
  warmup?: number;
  /** at least this many timed runs (default 5) */
  minRuns?: number;
  /** at most this many (default 51) */
  maxRuns?: number;
  /** keep adding runs up to maxRuns while the total stays under this (ms, default 1500) */
  budgetMs?: number;
  /** untimed, before every run (e.g. {@link collectGarbage}) */
  before?: () => void;
}

/**
 * A full garbage collection, so a run does not pay for the garbage of the one before (for the big parse
 * and stringify measures). Uses V8's `gc`, exposed at run time.
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return () => gc?.();
})();

/**
 * Times `fn`; returns the timing and the last run's result (so callers can check what was computed).
 * @example const { timing, result } = timeSync(() => filterByZone(index, zone, 'intersects'));
 */
export function timeSync<T>(fn: () => T, opts: TimeOptions = {}): { timing: Timing; result: T } {
  const { warmup = 1, minRuns = 5, maxRuns = 51, budgetMs = 1500, before } = opts;
  let result!: T;
  for (let i = 0; i < warmup; i++) result = fn();
  const samples: number[] = [];
  let total = 0;
  while (samples.length < minRuns || (samples.length < maxRuns && total + median(samples) < budgetMs)) {
    before?.();
    const t0 = performance.now();
    result = fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    total += dt;
  }
  return { timing: summarize(samples), result };
}

/**
 * Times several functions in rounds (one run of each per round, the order rotating), so a slow spell of
 * the machine or a heap that grew meanwhile weighs on all of them alike; for the big, noisy measures.
 * @example const [parse, ours] = timeRounds([() => JSON.parse(text), () => load(text)], { rounds: 5, before: collectGarbage });
 */
export function timeRounds<T extends readonly (() => unknown)[]>(
  fns: T,
  opts: { rounds?: number; warmup?: number; before?: () => void } = {},
): { [K in keyof T]: { timing: Timing; result: ReturnType<T[K]> } } {
  const { rounds = 5, warmup = 1, before } = opts;
  const results: unknown[] = fns.map(() => undefined);
  const samples: number[][] = fns.map(() => []);
  for (let w = 0; w < warmup; w++) fns.forEach((fn, i) => (results[i] = fn()));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (k + r) % fns.length;
      before?.();
      const t0 = performance.now();
      results[i] = fns[i]!();
      samples[i]!.push(performance.now() - t0);
    }
  }
  return fns.map((_, i) => ({ timing: summarize(samples[i]!), result: results[i] })) as { [K in keyof T]: { timing: Timing; result: ReturnType<T[K]> } };
}

/** Median, min, mean and (sample) standard deviation of run times. */
export function summarize(samples: readonly number[]): Timing {
  const n = samples.length;
  const mean = samples.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { runs: n, median: median(samples), min: Math.min(...samples), mean, std: Math.sqrt(variance), samples: [...samples] };
}

/** Scales a timing measured on part of the data to the whole (linear extrapolation). */
export function scaleTiming(t: Timing, factor: number): Timing {
  return summarize(t.samples.map((x) => x * factor));
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** `12.3 ms`, `1.23 s`, `45.6 µs`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

/** `12.3 ms (min 11.9, 12.5 ± 0.4, n=7)` */
export function describeTiming(t: Timing): string {
  return `${formatMs(t.median)} (min ${formatMs(t.min)}, ${formatMs(t.mean)} ± ${formatMs(t.std)}, n=${t.runs})`;
}

/** Adds two timings run by run (e.g. a loop timed on a subset, scaled, plus a sort timed on the whole). */
export function addTimings(a: Timing, b: Timing): Timing {
  const n = Math.min(a.samples.length, b.samples.length);
  return summarize(Array.from({ length: n }, (_, i) => a.samples[i]! + b.samples[i]!));
}
