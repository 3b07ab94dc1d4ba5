import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportIssue, ImportResult, InputFile } from '../../../src/io/types';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures/io');
/** Real-world samples live beside the repo (`<repo>/../shared`), never inside it. */
export const samplesDir = path.resolve(repoRoot, '../shared/samples/realworld');
export const haveSamples = existsSync(samplesDir);

export function fixture(name: string): InputFile {
  return { name, bytes: new Uint8Array(readFileSync(path.join(fixturesDir, name))) };
}

export function textFile(name: string, text: string): InputFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export function codes(r: ImportResult | { issues: ImportIssue[] }, severity?: ImportIssue['severity']): string[] {
  return r.issues.filter((i) => !severity || i.severity === severity).map((i) => i.code);
}

export function errors(r: ImportResult): ImportIssue[] {
  return r.issues.filter((i) => i.severity === 'error');
}

/** Deep-frozen copy, so a reader or writer that mutates its input fails the test. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}
