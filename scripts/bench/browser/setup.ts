/**
 * What the browser benchmark needs before it starts: a test-hook build in dist/, the 200 000-parcel file
 * served from dist/, and a `vite preview` server (stopped at the end, also on error or Ctrl-C).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** Newest modification time (ms) of the files under `path` (a file or a folder). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why dist/ has to be rebuilt, or null when it is a current VITE_TEST_HOOKS=1 build. */
export function rebuildReason(root: string): string | null {
  const indexHtml = join(root, 'dist', 'index.html');
  if (!existsSync(indexHtml)) return 'dist/index.html is missing';
  const assets = join(root, 'dist', 'assets');
  const hooks = existsSync(assets) && readdirSync(assets).some((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('__atlasStore'));
  if (!hooks) return 'dist/ was built without VITE_TEST_HOOKS=1';
  const builtAt = statSync(indexHtml).mtimeMs;
  const inputs = ['src', 'index.html', 'vite.config.ts', 'public', 'geodata', 'package-lock.json'];
  const newer = inputs.filter((p) => newestMtime(join(root, p)) > builtAt);
  return newer.length ? `${newer.join(', ')} changed after dist/ was built` : null;
}

/**
 * `VITE_TEST_HOOKS=1 npx vite build` when dist/ is missing, not a test build, or older than its sources
 * (or always with `force`). Data files other runs put in dist/ (*.geojson) survive the rebuild.
 * Returns what was done, for the report.
 */
export function ensureBuild(root: string, force: boolean): { rebuilt: boolean; reason: string } {
  const reason = force ? '--rebuild given' : rebuildReason(root);
  if (!reason) return { rebuilt: false, reason: 'dist/ is a current VITE_TEST_HOOKS=1 build' };
  log(`building dist/ (${reason}) …`);
  const dist = join(root, 'dist');
  const keep = existsSync(dist) ? readdirSync(dist).filter((f) => f.endsWith('.geojson')) : [];
  const aside = join(tmpdir(), `atlas-bench-keep-${process.pid}`);
  mkdirSync(aside, { recursive: true });
  for (const f of keep) moveFile(join(dist, f), join(aside, f));
  try {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, VITE_TEST_HOOKS: '1' } });
    if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
  } finally {
    mkdirSync(dist, { recursive: true });
    for (const f of keep) moveFile(join(aside, f), join(dist, f));
    rmSync(aside, { recursive: true, force: true });
  }
  return { rebuilt: true, reason };
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
    rmSync(from, { force: true });
  }
}

/** generated/parcels-<count>.geojson (generated when missing), copied into dist/ when dist/ lacks it or differs. */
export function ensureParcels(root: string, count: number): { file: string; bytes: number; generated: boolean } {
  const name = `parcels-${count}.geojson`;
  const source = join(root, 'generated', name);
  let generated = false;
  if (!existsSync(source)) {
    log(`generating ${name} (npx tsx scripts/gen-parcels.ts --count ${count}) …`);
    const r = spawnSync('npx', ['tsx', 'scripts/gen-parcels.ts', '--count', String(count)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 || !existsSync(source)) throw new Error(`gen-parcels failed (exit ${r.status})`);
    generated = true;
  }
  const target = join(root, 'dist', name);
  const src = statSync(source);
  if (!existsSync(target) || statSync(target).size !== src.size || statSync(target).mtimeMs < src.mtimeMs) copyFileSync(source, target);
  return { file: name, bytes: src.size, generated };
}

export interface PreviewServer {
  url: string;
  stop: () => void;
}

/**
 * `npx vite preview --port <port> --strictPort --host 127.0.0.1` in its own process group, so stop() ends
 * npx and the vite process under it (and nothing else). Resolves once the server answers.
 */
export async function startPreview(root: string, port: number): Promise<PreviewServer> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(url)) throw new Error(`port ${port} is already in use; stop what listens there first`);
  const child: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (exited) throw new Error(`vite preview exited: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error('vite preview did not answer within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop };
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}
