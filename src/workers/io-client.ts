import { proxy, wrap, type Remote } from 'comlink';
import type { ImportOptions, ImportResult } from '../io/types';
import type { IoWorkerApi, ProgressFn } from './io.worker';

let remote: Remote<IoWorkerApi> | null = null;

/** The import and big-layer worker, started on first use. */
export function ioWorker(): Remote<IoWorkerApi> {
  if (!remote) remote = wrap<IoWorkerApi>(new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}

/** Reads and parses files in the import worker, reporting progress as it goes. */
export function importInWorker(files: File[], options: ImportOptions, onProgress: ProgressFn): Promise<ImportResult> {
  return ioWorker().importFiles(files, options, proxy(onProgress));
}

export function importKeepingBig(files: File[], options: ImportOptions, onProgress: ProgressFn) {
  return ioWorker().importFilesKeepingBig(files, options, proxy(onProgress));
}
