/** The browser benchmark's table: medians of the runs, ours against the same-run baseline, with verdicts. */
import type { InputResult, RunResult } from './scenarios';
import type { OpenFileRun } from './open-file';
import { WHOLE_TEXT_MAX_BYTES } from '../../../src/io/import/geojson-batches';

export const LONG_TASK_GOAL_MS = 100;
export const INPUT_GOAL_MS = 100;
export const INITIAL_JS_GOAL_BYTES = 600 * 1000;

export interface Row {
  id: string;
  measure: string;
  ours: number | null;
  baseline: number | null;
  unit: 'ms' | 'bytes';
  baselineName: string;
  /** goal on ours (≤), if any */
  goal?: number;
  /** goal on ours as a multiple of the baseline (≤ goalRatio × baseline) */
  goalRatio?: number;
  /** the goal is about the main thread: on software WebGL the baseline alone can miss it */
  renderBound?: boolean;
  samples: { ours: number[]; baseline: number[] };
  met?: string;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * ✓ when ours meets the goal. On SwiftShader, when the baseline page alone misses a main-thread goal, the
 * absolute figure says nothing about our code: "n/a on SwiftShader" as long as what the big layer adds
 * (ours − baseline) stays within the goal, ✗ when even the difference exceeds it.
 */
export function verdict(row: Row, swiftShader: boolean): string {
  if (row.goalRatio !== undefined) return row.ours === null || row.baseline === null ? '?' : row.ours <= row.goalRatio * row.baseline ? '✓' : '✗';
  if (row.goal === undefined) return '–';
  if (row.ours === null) return '?';
  if (row.ours <= row.goal) return '✓';
  if (row.renderBound && swiftShader && row.baseline !== null && row.baseline > row.goal) return row.ours - row.baseline <= row.goal ? 'n/a on SwiftShader' : '✗';
  return '✗';
}

export function fmt(v: number | null, unit: Row['unit']): string {
  if (v === null) return '–';
  if (unit === 'bytes') return v >= 1e6 ? `${(v / 1e6).toFixed(1)} MB` : `${Math.round(v / 1000)} KB`;
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
}

function diff(row: Row): string {
  if (row.ours === null || row.baseline === null) return '–';
  if (row.goalRatio !== undefined) return `${(row.ours / row.baseline).toFixed(2)}×`;
  const d = row.ours - row.baseline;
  const sign = d >= 0 ? '+' : '−';
  return `${sign}${fmt(Math.abs(d), row.unit)}`;
}

function goalText(row: Row): string {
  if (row.goalRatio !== undefined) return `≤ ${row.goalRatio}× baseline`;
  if (row.goal === undefined) return '–';
  return `≤ ${fmt(row.goal, row.unit)}`;
}

export function markdownTable(rows: readonly Row[]): string {
  const lines = ['| measure | ours | baseline | difference | goal | met |', '|---|---:|---|---:|---|:---:|'];
  for (const r of rows) lines.push(`| ${r.measure} | ${fmt(r.ours, r.unit)} | ${r.baselineName}: ${fmt(r.baseline, r.unit)} | ${diff(r)} | ${goalText(r)} | ${r.met ?? '–'} |`);
  return lines.join('\n');
}

/** The rows of the table from the runs (medians per measure). */
export function buildRows(
  big: readonly RunResult[],
  base: readonly RunResult[],
  bigInput: readonly InputResult[],
  baseInput: readonly InputResult[],
  bundle: { ours: number; baseline: number } | null,
): Row[] {
  const rowOf = <T,>(ours: readonly T[], theirs: readonly T[], id: string, measure: string, baselineName: string, pick: (r: T) => number | null, pickBase: (r: T) => number | null, extra: Partial<Row> = {}, unit: Row['unit'] = 'ms'): Row => {
    const o = ours.map(pick).filter((x): x is number => x !== null);
    const b = theirs.map(pickBase).filter((x): x is number => x !== null);
    return { id, measure, baselineName, unit, ours: median(o), baseline: median(b), samples: { ours: o, baseline: b }, ...extra };
  };
  const row = (id: string, measure: string, baselineName: string, pick: (r: RunResult) => number | null, extra: Partial<Row> = {}, unit: Row['unit'] = 'ms'): Row =>
    rowOf(big, base, id, measure, baselineName, pick, pick, extra, unit);
  const workers = (r: RunResult, name?: string) => r.heap.workers.filter((w) => !name || w.name === name).reduce((s, w) => s + w.usedBytes, 0);
  const rows: Row[] = [
    row('open-longest-task', 'longest main-thread task, opening the app (ours: with `?data=` 200 000 parcels, until "1 layer added" and idle)', 'no big layer, until idle', (r) => r.open.longestTaskMs, { goal: LONG_TASK_GOAL_MS, renderBound: true }),
    rowOf(big, base, 'open-longest-task-fetch', '… navigation → import starts (the page fetches the 118 MB file while the base map draws)', 'no big layer, whole opening', (r) => r.open.segments?.fetch.longestTaskMs ?? null, (r) => r.open.longestTaskMs, { goal: LONG_TASK_GOAL_MS, renderBound: true }),
    rowOf(big, base, 'open-longest-task-worker', '… import starts → "1 layer added" (the worker reads, parses, validates, indexes and tiles)', 'no big layer, whole opening', (r) => r.open.segments?.worker.longestTaskMs ?? null, (r) => r.open.longestTaskMs, { goal: LONG_TASK_GOAL_MS, renderBound: true }),
    rowOf(big, base, 'open-longest-task-draw', '… "1 layer added" → idle (MapLibre draws the parcels from the worker\'s tiles)', 'no big layer, whole opening', (r) => r.open.segments?.draw.longestTaskMs ?? null, (r) => r.open.longestTaskMs, { goal: LONG_TASK_GOAL_MS, renderBound: true }),
    rowOf(big, base, 'open-longest-script-load', 'longest script outside MapLibre\'s frame callbacks while the big layer loads (import starts → "1 layer added" → idle; long animation frames)', 'no big layer, whole opening', (r) => r.open.segments ? Math.max(r.open.segments.worker.longestScript.durationMs, r.open.segments.draw.longestScript.durationMs) : null, (r) => r.open.longestScript.durationMs, { goal: LONG_TASK_GOAL_MS }),
    rowOf(big, base, 'open-longest-script-startup', '… and while the app starts (navigation → import starts: module evaluation, first render, bundled layers)', 'no big layer, whole opening', (r) => r.open.segments?.fetch.longestScript.durationMs ?? null, (r) => r.open.longestScript.durationMs),
    row('open-long-task-total', 'total long-task time, opening the app', 'no big layer', (r) => r.open.longTaskTotalMs),
    rowOf(bigInput, baseInput, 'open-input-latency', 'max input latency while opening (separate runs: real click on a sidebar tab every 100 ms → its aria-selected flips)', 'no big layer', (r) => r.maxLatencyMs, (r) => r.maxLatencyMs, { goal: INPUT_GOAL_MS, renderBound: true }),
    rowOf(bigInput, baseInput, 'open-input-latency-median', 'median input latency while opening (same clicks)', 'no big layer', (r) => r.medianLatencyMs, (r) => r.medianLatencyMs),
    row('open-time', 'time from navigation to idle (ours: 118 MB fetched, parsed, indexed and tiled in the worker, drawn)', 'no big layer', (r) => r.open.durationMs),
    row('filter-longest-task', 'longest main-thread task, Yangmiao zone filter (select → count shown → map idle)', 'same filter, no big layer', (r) => r.filter.longestTaskMs, { goal: LONG_TASK_GOAL_MS, renderBound: true }),
    row('filter-longest-script', 'longest script outside MapLibre\'s frame callbacks, Yangmiao zone filter', 'same filter, no big layer', (r) => r.filter.longestScript.durationMs, { goal: LONG_TASK_GOAL_MS }),
    row('filter-long-task-total', 'total long-task time, Yangmiao zone filter', 'same filter, no big layer', (r) => r.filter.longTaskTotalMs),
    row('filter-count-time', 'Yangmiao zone filter: select → count shown', 'same filter, no big layer', (r) => r.filter.durationMs),
    row('heap-page', 'JS heap used, page (after GC, once idle)', 'no big layer', (r) => r.heap.page.usedBytes, {}, 'bytes'),
    row('heap-io-worker', 'JS heap used, import worker (holds the 200 000 features, index, tiles)', 'no big layer', (r) => workers(r, 'io.worker') || null, {}, 'bytes'),
    row('heap-workers', 'JS heap used, all workers (import + MapLibre)', 'no big layer', (r) => workers(r), {}, 'bytes'),
  ];
  rows.push({
    id: 'initial-js',
    measure: 'initial JS + CSS, gzip (what dist/index.html loads up front)',
    ours: bundle?.ours ?? null,
    baseline: bundle?.baseline ?? null,
    unit: 'bytes',
    baselineName: 'MapLibre + React alone',
    goal: INITIAL_JS_GOAL_BYTES,
    samples: { ours: bundle ? [bundle.ours] : [], baseline: bundle ? [bundle.baseline] : [] },
  });
  return rows;
}

/** Rows of the print runs: dialog → file against the bare off-screen render, per paper and dpi. */
export function printRows(runs: readonly { case: { paper: string; dpi: number }; oursMs: number; floorMs: number; pixels: [number, number] }[]): Row[] {
  const keys = [...new Set(runs.map((r) => `${r.case.paper}|${r.case.dpi}`))];
  return keys.map((k) => {
    const of = runs.filter((r) => `${r.case.paper}|${r.case.dpi}` === k);
    const [paper, dpi] = k.split('|');
    const px = of[0]!.pixels;
    const o = of.map((r) => r.oursMs);
    const b = of.map((r) => r.floorMs);
    return {
      id: `print-${paper}-${dpi}`,
      measure: `print ${paper} landscape at ${dpi} dpi, default view, PDF: "Create file" → download (map ${px[0]} × ${px[1]} px)`,
      ours: median(o),
      baseline: median(b),
      unit: 'ms' as const,
      baselineName: 'bare MapLibre render of the same style, view and pixel size (off screen, to idle, read back)',
      goalRatio: paper === 'A3' ? 1.5 : undefined,
      samples: { ours: o, baseline: b },
    };
  });
}

/** Rows of the open-a-file runs (open-file.ts) for a file of `features` parcels and `bytes` bytes. */
export function openFileRows(runs: readonly OpenFileRun[], features: number, bytes: number): Row[] {
  if (!runs.length) return [];
  const n = features.toLocaleString('en-US');
  const mb = Math.round(bytes / 1e6);
  const pick = (f: (r: OpenFileRun) => number | null) => runs.map(f).filter((v): v is number => v !== null);
  const suffix = features === 200_000 ? '' : `-${features}`;
  return [
    {
      id: `open-file${suffix}`,
      measure: `big layer opened: file chosen in the import control (${n} parcels, ${mb} MB) → drawn and filterable (in the store, its first tiles rendered)`,
      ours: median(pick((r) => r.oursMs)),
      baseline: median(pick((r) => r.floorMs)),
      unit: 'ms',
      baselineName: `in the same import worker: read the same File + UTF-8 decode + JSON.parse${bytes > WHOLE_TEXT_MAX_BYTES ? ' in the 16 MB batches the import cuts (past V8\'s longest string)' : ''}`,
      goalRatio: 1.5,
      samples: { ours: pick((r) => r.oursMs), baseline: pick((r) => r.floorMs) },
    },
    {
      id: `open-file-idle${suffix}`,
      measure: '… file chosen → map idle (after the 600 ms fit to the layer\'s extent, every tile drawn)',
      ours: median(pick((r) => r.idleMs)),
      baseline: median(pick((r) => r.floorMs)),
      unit: 'ms',
      baselineName: 'the same floor',
      samples: { ours: pick((r) => r.idleMs), baseline: pick((r) => r.floorMs) },
    },
    {
      id: `open-file-ready${suffix}`,
      measure: '… file chosen → "1 layer added" (read, parse, validate, index, tile; before MapLibre draws)',
      ours: median(pick((r) => r.dataReadyMs)),
      baseline: median(pick((r) => r.floorMs)),
      unit: 'ms',
      baselineName: 'the same floor',
      samples: { ours: pick((r) => r.dataReadyMs), baseline: pick((r) => r.floorMs) },
    },
    {
      id: `open-file-filter${suffix}`,
      measure: `… then the Yangmiao zone filter: select → count shown (${runs[0]!.countText})`,
      ours: median(pick((r) => r.filterMs)),
      baseline: null,
      unit: 'ms',
      baselineName: '–',
      samples: { ours: pick((r) => r.filterMs), baseline: [] },
    },
    {
      id: `heap-io-worker-open-file${suffix}`,
      measure: `JS heap used, import worker, holding the ${n} parcels, index and tiles (after GC, once idle)`,
      ours: median(pick((r) => r.ioWorkerHeapBytes)),
      baseline: null,
      unit: 'bytes',
      baselineName: '–',
      samples: { ours: pick((r) => r.ioWorkerHeapBytes), baseline: [] },
    },
  ];
}
