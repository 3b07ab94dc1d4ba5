/// <reference lib="webworker" />
import { expose } from 'comlink';
import { importFile } from '../io/import/import-file';
import { DEFAULT_MAX_BYTES, makeIssue, type ImportOptions, type ImportResult, type InputFile } from '../io/types';

export type ProgressFn = (phase: 'reading' | 'parsing', fraction: number) => void;

async function readWithProgress(files: File[], onProgress: ProgressFn): Promise<InputFile[]> {
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  let done = 0;
  const out: InputFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(file.size);
    let offset = 0;
    const reader = file.stream().getReader();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      bytes.set(value, offset);
      offset += value.length;
      done += value.length;
      onProgress('reading', done / total);
    }
    out.push({ name: file.name, bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset) });
  }
  return out;
}

/** Parsing runs here so a big file never freezes the page. */
const api = {
  async importFiles(files: File[], options: ImportOptions, onProgress: ProgressFn): Promise<ImportResult> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    // Oversized files are never read into memory: the size alone decides.
    const tooBig = files.filter((f) => f.size > maxBytes);
    const inputs = await readWithProgress(files.filter((f) => f.size <= maxBytes), onProgress);
    onProgress('parsing', 0);
    const result: ImportResult = inputs.length ? await importFile(inputs, options) : { layers: [], issues: [] };
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
    for (const f of tooBig) {
      result.issues.unshift(
        makeIssue('error', 'file-too-large', f.name, `The file is ${mb(f.size)}; the limit is ${mb(maxBytes)}.`, { params: { bytes: f.size, limit: maxBytes } }),
      );
    }
    onProgress('parsing', 1);
    return result;
  },
};

export type IoWorkerApi = typeof api;
expose(api);
