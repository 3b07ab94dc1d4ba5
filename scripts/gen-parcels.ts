/**
 * Writes a deterministic synthetic parcel layer over the demonstration zone (for the benchmarks and for
 * trying the app with a big layer).
 *
 *   npm run gen:parcels -- --count 200000 [--seed 42] [--out generated/parcels-200000.geojson]
 *
 * Same count and seed → byte-identical file. See scripts/bench/parcels.ts for what the parcels look like.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateParcels, parcelsGeoJsonChunks, zoneAndTownships } from './bench/parcels';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Options of the command line: `--name value` or `--name=value`. */
export function parseArgs(argv: readonly string[]): { count: number; seed: number; out: string } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const eq = a.indexOf('=');
    if (eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
    else args.set(a.slice(2), argv[++i] ?? '');
  }
  for (const k of args.keys()) if (!['count', 'seed', 'out'].includes(k)) throw new Error(`unknown option --${k}`);
  const count = Number(args.get('count') ?? 200_000);
  const seed = Number(args.get('seed') ?? 42);
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return { count, seed, out: args.get('out') ?? join('generated', `parcels-${count}.geojson`) };
}

function main(): void {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`gen-parcels: ${(e as Error).message}`);
    console.error('usage: npm run gen:parcels -- --count 200000 [--seed 42] [--out generated/parcels-200000.geojson]');
    process.exit(2);
  }
  const t0 = performance.now();
  const { zone, townships } = zoneAndTownships(
    readFileSync(join(root, 'geodata/zone.geojson'), 'utf8'),
    readFileSync(join(root, 'geodata/townships.geojson'), 'utf8'),
  );
  const fc = generateParcels({ count: opts.count, seed: opts.seed, zone, townships });
  const out = resolve(opts.out);
  mkdirSync(dirname(out), { recursive: true });
  // Written in pieces: 1 000 000 parcels are more text than one string can hold.
  const fd = openSync(out, 'w');
  let bytes = 0;
  try {
    for (const chunk of parcelsGeoJsonChunks(fc)) bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`wrote ${opts.count} parcels (seed ${opts.seed}, ${(bytes / 1e6).toFixed(1)} MB) to ${relative(process.cwd(), out)} in ${secs} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
