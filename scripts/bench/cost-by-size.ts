/**
 * The README's cost-by-size table from the bench runs at each size:
 *
 *   npm run bench -- --count 20000      # bench-results/latest-20000.json
 *   npm run bench                       # bench-results/latest.json (200 000)
 *   npm run bench -- --count 1000000    # bench-results/latest-1000000.json
 *   npx tsx scripts/bench/cost-by-size.ts
 *
 * Per-parcel cost is the median time over the parcel count; the goal is that 1 000 000 parcels cost at most
 * 1.5× per parcel what 200 000 do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const GOAL = 1.5;

interface Run {
  count: number;
  date: string;
  load: number;
  medians: Map<string, { ms: number }>;
  heapMB?: number;
}

function readRun(file: string): Run | null {
  const path = join(ROOT, 'bench-results', file);
  if (!existsSync(path)) return null;
  const j = JSON.parse(readFileSync(path, 'utf8')) as {
    machine: { date: string; loadAverage: number };
    data: { count: number; heapAfterLoadMB?: number };
    measures: { id: string; ours: { median: number } }[];
  };
  return {
    count: j.data.count,
    date: j.machine.date,
    load: j.machine.loadAverage,
    heapMB: j.data.heapAfterLoadMB,
    medians: new Map(j.measures.map((m) => [m.id, { ms: m.ours.median }])),
  };
}

/** The measures worth a row, with the names the table gives them. */
const ROWS: [id: string, name: string, perParcel: boolean][] = [
  ['zone-filter', 'zone filter (one township)', true],
  ['zone-stats', 'zone statistics (5 townships)', true],
  ['compliance', '三区三线 overlap with 永久基本农田 and 生态保护红线', true],
  ['landuse-balance', '用地平衡表 (16 classes)', true],
  ['radius', 'radius 1 km', true],
  ['nearest', 'nearest 10', false],
  ['area', 'ellipsoidal area of every parcel', true],
  ['load-validated', 'load, validated import (decode, parse, validate, index)', true],
];

function fmtMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  return `${Math.round(ms * 1000)} µs`;
}

function main(): void {
  const runs = [readRun('latest-20000.json'), readRun('latest.json'), readRun('latest-1000000.json')];
  const [small, mid, big] = [runs[0] ?? null, runs[1] ?? null, runs[2] ?? null];
  if (!mid || mid.count !== 200_000) throw new Error('bench-results/latest.json is not a 200 000-parcel run: npm run bench');
  const head = runs.map((r, k) => (r ? r.count.toLocaleString('en-US').replace(/,/g, ' ') : ['20 000', '200 000', '1 000 000'][k]!));
  const lines = [
    `| measure | ${head.join(' | ')} | per parcel at 200 000 | per parcel at 1 000 000 | 1 000 000 vs 200 000 per parcel (goal ≤ ${GOAL}×) |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [id, name, perParcel] of ROWS) {
    const cell = (r: Run | null) => {
      const m = r?.medians.get(id);
      return m ? fmtMs(m.ms) : '–';
    };
    const per = (r: Run | null) => {
      const m = r?.medians.get(id);
      return m && perParcel ? `${((m.ms * 1000) / r!.count).toPrecision(2)} µs` : '–';
    };
    const a = mid.medians.get(id);
    const b = big?.medians.get(id);
    const ratio = a && b && perParcel ? (b.ms / big!.count / (a.ms / mid.count)) : null;
    const verdict = ratio === null ? (a && b ? `${(b.ms / a.ms).toFixed(1)}× in all` : '–') : `${ratio.toFixed(2)}× ${ratio <= GOAL ? '✓' : '✗'}`;
    lines.push(`| ${name} | ${runs.map(cell).join(' | ')} | ${per(mid)} | ${per(big)} | ${verdict} |`);
  }
  const heap = runs.map((r) => (r?.heapMB === undefined ? '–' : `${r.heapMB} MB`));
  lines.push(`| Node heap holding the parcels and their index | ${heap.join(' | ')} | – | – | – |`);
  console.log(lines.join('\n'));
  console.log(`\nruns: ${runs.map((r) => (r ? `${r.count} on ${r.date} (load ${r.load})` : 'missing')).join('; ')}`);
  if (!small || !big) console.log('a size is missing: run npm run bench -- --count 20000 / --count 1000000');
}

main();
