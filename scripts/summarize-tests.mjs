// Prints one "N passed, N failed" line summed over the unit (vitest) and browser (Playwright) JSON reports.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const [, , vitestJson, playwrightJson, ...extra] = process.argv;

if (vitestJson && existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  failed += 1;
  console.error('unit test report missing');
}

if (playwrightJson && existsSync(playwrightJson)) {
  const r = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  const s = r.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  if ((r.errors ?? []).length) failed += r.errors.length;
} else {
  failed += 1;
  console.error('browser test report missing');
}

// Steps that are not test runners (typecheck, build) count as one test each.
for (const step of extra) {
  const [name, code] = step.split('=');
  if (code === '0') passed += 1;
  else {
    failed += 1;
    console.error(`${name} failed`);
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
