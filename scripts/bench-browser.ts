/**
 * The big-layer path measured in headless Chromium, against the same app without the big layer, same run.
 *
 *   npm run bench:browser                # rebuilds dist/ only when missing, not a test build, or stale
 *   npm run bench:browser -- --rebuild   # always rebuilds dist/ first
 *   npm run bench:browser -- --runs 5    # more runs per page (default 3)
 *   npm run bench:browser -- --print-only  # only the print rows (A3 at 300 dpi, A0 at 150 dpi)
 *   npm run bench:browser -- --open-file-only --count 1000000  # only the open-a-file rows, at that size
 *
 * Builds dist/ with VITE_TEST_HOOKS=1 when needed, puts generated/parcels-200000.geojson in dist/ (generating
 * it when missing), serves dist/ with `vite preview` on 127.0.0.1:4180 and, for each run, opens
 *   ours:     ?lang=en&data=parcels-200000.geojson   until "1 layer added" and the map is idle
 *   baseline: ?lang=en                               until the map is idle
 * clicking the sidebar tabs every 100 ms meanwhile, reads the JS heaps of the page and of each worker, then
 * applies the Yangmiao zone filter on each. Medians of the runs; a missed goal never fails the process.
 *
 * Headless Chromium renders WebGL with SwiftShader (on the CPU) here, so MapLibre's drawing alone makes long
 * tasks of hundreds of ms on the baseline page: the ≤ 100 ms main-thread goals are meant for a machine with a
 * GPU, and the table shows the baseline and the difference next to every figure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { expectedYangmiaoCount } from './bench/browser/expected';
import { buildRows, markdownTable, openFileRows, printRows, verdict } from './bench/browser/report';
import { runOpenFileOnce, type OpenFileRun } from './bench/browser/open-file';
import { runPrintOnce, type PrintRun } from './bench/browser/print';
import { runInput, runOnce, type InputResult, type RunResult } from './bench/browser/scenarios';
import { ensureBuild, ensureParcels, startPreview, type PreviewServer } from './bench/browser/setup';
import { measureBundle } from './bench/bundle-size';
import { machineInfo } from './bench/machine';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4180;
const DEFAULT_COUNT = 200_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function parseArgs(argv: readonly string[]): { rebuild: boolean; runs: number; printOnly: boolean; openFileOnly: boolean; count: number } {
  let rebuild = false;
  let printOnly = false;
  let openFileOnly = false;
  let runs = 3;
  let count = DEFAULT_COUNT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => Number(a.includes('=') ? a.split('=')[1] : argv[++i]);
    if (a === '--rebuild') rebuild = true;
    else if (a === '--print-only') printOnly = true;
    else if (a === '--open-file-only') openFileOnly = true;
    else if (a === '--runs' || a.startsWith('--runs=')) runs = value();
    else if (a === '--count' || a.startsWith('--count=')) count = value();
    else throw new Error(`unknown option ${a} (use --rebuild, --runs N, --print-only, --open-file-only, --count N)`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(count) || count < 1000) throw new Error('--count must be an integer ≥ 1000');
  if (count !== DEFAULT_COUNT && !openFileOnly) throw new Error('--count goes with --open-file-only (the other rows are published for 200 000 parcels)');
  return { rebuild, runs, printOnly, openFileOnly, count };
}

async function main(): Promise<void> {
  const started = Date.now();
  const { rebuild, runs, printOnly, openFileOnly, count: COUNT } = parseArgs(process.argv.slice(2));
  const mainRows = !printOnly && !openFileOnly;
  const machine = machineInfo();
  log(`bench:browser on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage}`);

  const build = ensureBuild(ROOT, rebuild);
  log(build.rebuilt ? `dist/ rebuilt (${build.reason})` : `dist/ kept: ${build.reason}`);
  const parcels = ensureParcels(ROOT, COUNT);
  const expected = expectedYangmiaoCount(ROOT, join(ROOT, 'dist', parcels.file));
  const expectedText = `${expected.matched.toLocaleString('en-US')} / ${expected.total.toLocaleString('en-US')}`;
  log(`${parcels.file}: ${(parcels.bytes / 1e6).toFixed(0)} MB; the Yangmiao filter must count ${expectedText}`);
  const bundle = await measureBundle(ROOT);

  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  let chromiumVersion: string | null = null;
  const cleanup = () => {
    server?.stop();
    server = null;
  };
  const onSignal = (sig: NodeJS.Signals) => {
    cleanup();
    void browser?.close();
    process.kill(process.pid, sig);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const big: RunResult[] = [];
  const base: RunResult[] = [];
  const bigInput: InputResult[] = [];
  const baseInput: InputResult[] = [];
  const prints: PrintRun[] = [];
  const opens: OpenFileRun[] = [];
  try {
    server = await startPreview(ROOT, PORT);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    chromiumVersion = browser.version();
    log(`Chromium ${chromiumVersion}, preview at ${server.url}`);
    for (let i = 0; i < (mainRows ? runs : 0); i++) {
      // Alternating, so a slow spell of the machine hits both sides.
      for (const kind of i % 2 === 0 ? (['baseline', 'big'] as const) : (['big', 'baseline'] as const)) {
        let t0 = Date.now();
        const r = await runOnce(browser, kind, { baseUrl: server.url, dataFile: parcels.file });
        (kind === 'big' ? big : base).push(r);
        log(
          `run ${i + 1}/${runs} ${kind.padEnd(8)} ${((Date.now() - t0) / 1000).toFixed(1)} s: open ${(r.open.durationMs / 1000).toFixed(1)} s, longest task ${r.open.longestTaskMs.toFixed(0)} ms (total ${r.open.longTaskTotalMs.toFixed(0)}), ` +
            `filter longest ${r.filter.longestTaskMs.toFixed(0)} ms, count "${r.filter.countText}"`,
        );
        t0 = Date.now();
        const inp = await runInput(browser, kind, { baseUrl: server.url, dataFile: parcels.file });
        (kind === 'big' ? bigInput : baseInput).push(inp);
        log(`run ${i + 1}/${runs} ${kind.padEnd(8)} ${((Date.now() - t0) / 1000).toFixed(1)} s: input max ${inp.maxLatencyMs?.toFixed(0) ?? '–'} ms, median ${inp.medianLatencyMs?.toFixed(0) ?? '–'} ms (${inp.answered}/${inp.clicksSent} clicks)`);
      }
    }
    for (let i = 0; i < (printOnly ? 0 : runs); i++) {
      const r = await runOpenFileOnce(browser, server.url, join(ROOT, 'dist', parcels.file), i % 2 === 0);
      opens.push(r);
      log(`open file run ${i + 1}/${runs}: ${(r.oursMs / 1000).toFixed(1)} s to drawn, ${(r.idleMs / 1000).toFixed(1)} s to idle (ready ${(r.dataReadyMs / 1000).toFixed(1)} s), floor ${(r.floorMs / 1000).toFixed(1)} s, worker heap ${((r.ioWorkerHeapBytes ?? 0) / 1e6).toFixed(0)} MB, filter ${r.filterMs.toFixed(0)} ms "${r.countText}"`);
    }
    for (const c of [{ paper: 'A3', dpi: 300 }, { paper: 'A0', dpi: 150 }] as const) {
      for (let i = 0; i < (openFileOnly ? 0 : runs); i++) {
        const r = await runPrintOnce(browser, server.url, c, i % 2 === 0);
        prints.push(r);
        log(`print ${c.paper} ${c.dpi} dpi run ${i + 1}/${runs}: ${(r.oursMs / 1000).toFixed(1)} s (bare render ${(r.floorMs / 1000).toFixed(1)} s), ${(r.bytes / 1e6).toFixed(1)} MB`);
      }
    }
  } finally {
    await browser?.close().catch(() => undefined);
    cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const loadAtEnd = Math.round(loadavg()[0]! * 100) / 100;
  const renderer = big[0]?.webglRenderer ?? base[0]?.webglRenderer ?? 'unknown';
  const swiftShader = /swiftshader/i.test(renderer);
  const rows = mainRows ? buildRows(big, base, bigInput, baseInput, bundle ? { ours: bundle.gzipBytes, baseline: bundle.baseline.gzipBytes } : null) : [];
  rows.push(...openFileRows(opens, expected.total, parcels.bytes));
  rows.push(...printRows(prints));
  for (const r of rows) r.met = verdict(r, swiftShader);
  const countsOk = big.every((r) => r.filter.countText === expectedText) && opens.every((r) => r.countText === expectedText);
  const longTaskSupported = [...big, ...base].every((r) => r.longTaskSupported);
  const longFrameSupported = [...big, ...base].every((r) => r.longFrameSupported);
  const scriptOf = (runs: RunResult[], pick: (r: RunResult) => { durationMs: number; invoker: string | null; source?: string | null } | undefined) =>
    runs
      .map(pick)
      .filter((x) => x?.invoker)
      .map((x) => `${Math.round(x!.durationMs)} ms ${x!.invoker}${x!.source && !x!.invoker!.includes(x!.source) ? ` (${x!.source})` : ''}`)
      .join('; ');

  const notes = [
    `Medians of ${runs} runs per page, ours and baseline alternating in the same browser (a fresh context each run); ${rows.find((r) => r.id === 'initial-js')?.ours === null ? 'dist/ sizes unavailable' : 'bundle sizes from scripts/bench/bundle-size.ts'}.`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Chromium ${chromiumVersion}; 1-min load average ${machine.loadAverage} at start, ${loadAtEnd} at end${machine.loadAverage > machine.cores / 2 || loadAtEnd > machine.cores / 2 ? ' (other processes shared the cores: figures are noisy)' : ''}.`,
    `WebGL renderer: ${renderer}.` +
      (swiftShader
        ? ' Software rendering: WebGL is drawn on the CPU, so every frame MapLibre draws holds the main thread for up to hundreds of ms and the baseline page alone has long tasks far above 100 ms. The absolute long-task and input figures are dominated by SwiftShader; the ≤ 100 ms goals apply on a machine with a GPU. Here a main-thread goal reads "n/a on SwiftShader" when the baseline itself misses it and what the big layer adds (difference) stays ≤ 100 ms, ✗ when the difference alone exceeds it.'
        : ''),
    `Yangmiao filter on the big layer counted ${[...big.map((r) => r.filter.countText), ...opens.map((r) => r.countText)].map((t) => `"${t}"`).join(', ')}; expected ${expectedText} (the app's index and filter run in Node): ${countsOk ? '✓' : '✗'}.`,
    ...(longTaskSupported ? [] : ['✗ this Chromium does not report long tasks: the long-task figures are 0 and mean nothing.']),
    longFrameSupported
      ? `Longest scripts outside frame callbacks, by run — big layer loading: ${scriptOf(big, (r) => { const s = r.open.segments; return s ? (s.worker.longestScript.durationMs >= s.draw.longestScript.durationMs ? s.worker.longestScript : s.draw.longestScript) : undefined; }) || 'none over 5 ms'}; app start: ${scriptOf(big, (r) => r.open.segments?.fetch.longestScript) || 'none over 5 ms'}; filter: ${scriptOf(big, (r) => r.filter.longestScript) || 'none over 5 ms'}.`
      : '✗ this Chromium does not report long animation frames: the script figures are 0 and mean nothing.',
  ];
  const table = markdownTable(rows);
  process.stdout.write(`\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);

  // A partial run keeps the full run's file.
  const out = join(ROOT, 'bench-results', printOnly ? 'browser-print.json' : openFileOnly ? `browser-open-file-${COUNT}.json` : 'browser.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        machine: { ...machine, loadAverageAtEnd: loadAtEnd },
        chromium: chromiumVersion,
        webglRenderer: renderer,
        softwareRendering: swiftShader,
        build,
        parcels: { file: parcels.file, bytes: parcels.bytes, features: expected.total },
        filter: { zone: 'tw-yangmiao (Yangmiao Town)', predicate: 'intersects', expected: expectedText, countsOk },
        goals: { longestTaskMs: 100, inputLatencyMs: 100, initialJsGzipBytes: 600_000 },
        rows,
        bundle,
        runs: { big, baseline: base, inputBig: bigInput, inputBaseline: baseInput, opens, prints },
        notes,
        durationS: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    )}\n`,
  );
  log(`wrote ${out} (${Math.round((Date.now() - started) / 1000)} s in all)`);
}

main().catch((e: unknown) => {
  log(`bench:browser failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
