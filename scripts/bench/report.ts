/**
 * Results of the benchmark run: one Measure per task, each with our timing and its baselines, printed as a
 * Markdown table (the same text goes in README's "## Benchmarks") and saved as JSON.
 */
import { formatMs, type Timing } from './stats';

/** 'speedup': baseline time / our time, goal is a minimum; 'cost': our time / baseline time, goal a maximum. */
export type RatioKind = 'speedup' | 'cost';

export interface Baseline {
  name: string;
  timing: Timing | null;
  /** why there is no timing, or how it was obtained (e.g. extrapolated) */
  note?: string;
  kind: RatioKind;
  /** the goal for this baseline's ratio; absent: shown for information */
  goal?: number;
}

export interface Check {
  text: string;
  /** null: could not be checked (e.g. PostGIS absent) */
  ok: boolean | null;
}

export interface Measure {
  id: string;
  title: string;
  ours: Timing;
  oursNote?: string;
  baselines: Baseline[];
  checks: Check[];
  details?: Record<string, unknown>;
}

export interface SizeMeasure {
  id: string;
  title: string;
  oursBytes: number | null;
  baselineName: string;
  baselineBytes: number | null;
  goalBytes: number;
  note?: string;
  details?: Record<string, unknown>;
}

export function ratioOf(ours: Timing, b: Baseline): number | null {
  if (!b.timing || ours.median <= 0 || b.timing.median <= 0) return null;
  return b.kind === 'speedup' ? b.timing.median / ours.median : ours.median / b.timing.median;
}

/** Whether the baseline's goal is met: null when it has no goal or no timing. */
export function baselineMet(ours: Timing, b: Baseline): boolean | null {
  const r = ratioOf(ours, b);
  if (b.goal === undefined || r === null) return null;
  return b.kind === 'speedup' ? r >= b.goal : r <= b.goal;
}

/** ✓ when every goal and check that could be evaluated passed (✗ otherwise), with "(partial)" if some could not. */
export function measureVerdict(m: Measure): { met: boolean; partial: boolean } {
  const results = [...m.baselines.map((b) => (b.goal === undefined ? undefined : baselineMet(m.ours, b))), ...m.checks.map((c) => c.ok)].filter(
    (x) => x !== undefined,
  );
  return { met: results.every((x) => x !== false), partial: results.some((x) => x === null) };
}

const mark = (ok: boolean | null) => (ok === null ? '–' : ok ? '✓' : '✗');

function ratioText(r: number | null, kind: RatioKind): string {
  if (r === null) return '—';
  const digits = r >= 100 ? 0 : r >= 10 ? 1 : 2;
  return kind === 'speedup' ? `${r.toFixed(digits)}× faster` : `${r.toFixed(digits)}× its time`;
}

function goalText(b: Baseline): string {
  if (b.goal === undefined) return '';
  return b.kind === 'speedup' ? (b.goal === 1 ? 'no slower' : `≥ ${b.goal}× faster`) : `≤ ${b.goal}× its time`;
}

const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024).toFixed(0)} KB`);

/** The results as a Markdown table (median times; min and mean ± std are in the JSON). */
export function markdownTable(measures: readonly Measure[], sizes: readonly SizeMeasure[]): string {
  const lines = [
    '| measure | ours (median) | baseline | baseline (median) | ratio | goal | met |',
    '|---|---:|---|---:|---:|---|:---:|',
  ];
  for (const m of measures) {
    const checks = m.checks.map((c) => `${mark(c.ok)} ${c.text}`).join('; ');
    m.baselines.forEach((b, i) => {
      const first = i === 0;
      const base = b.timing ? formatMs(b.timing.median) : 'skipped';
      lines.push(
        `| ${first ? m.title : ''} | ${first ? formatMs(m.ours.median) : ''} | ${b.name}${b.note ? ` (${b.note})` : ''} | ${base} | ${ratioText(ratioOf(m.ours, b), b.kind)} | ${goalText(b)} | ${b.goal === undefined ? '' : mark(baselineMet(m.ours, b))} |`,
      );
    });
    if (checks) lines.push(`| | | results | | | ${checks} | ${m.checks.every((c) => c.ok !== false) ? (m.checks.some((c) => c.ok === null) ? '–' : '✓') : '✗'} |`);
  }
  for (const s of sizes) {
    const ok = s.oursBytes === null ? null : s.oursBytes <= s.goalBytes;
    const ratio = s.oursBytes !== null && s.baselineBytes ? `${(s.oursBytes / s.baselineBytes).toFixed(2)}× its size` : '—';
    lines.push(
      `| ${s.title} | ${kb(s.oursBytes)}${s.note ? ` (${s.note})` : ''} | ${s.baselineName} | ${kb(s.baselineBytes)} | ${ratio} | ≤ ${kb(s.goalBytes)} | ${mark(ok)} |`,
    );
  }
  return lines.join('\n');
}

/** One line per measure: ✓/✗ overall. */
export function verdictLines(measures: readonly Measure[], sizes: readonly SizeMeasure[]): string[] {
  return [
    ...measures.map((m) => {
      const v = measureVerdict(m);
      return `${v.met ? '✓' : '✗'} ${m.title}${v.partial ? ' (partly unchecked)' : ''}`;
    }),
    ...sizes.map((s) => `${s.oursBytes === null ? '–' : s.oursBytes <= s.goalBytes ? '✓' : '✗'} ${s.title}`),
  ];
}
