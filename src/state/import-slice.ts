import type { StateCreator } from 'zustand';
import type { ImportOptions, ImportResult } from '../io/types';
import type { AtlasState } from './store';

export interface ImportSession {
  /** Names of the files being imported (kept so the user can re-run with other options). */
  fileNames: string[];
  options: ImportOptions;
  status: 'running' | 'done';
  phase: 'reading' | 'library' | 'parsing';
  progress: number;
  result: ImportResult | null;
  /** Ids of the layers this import added (replaced when re-run with other options). */
  layerIds: string[];
}

export interface ImportSlice {
  importSession: ImportSession | null;
  setImportSession: (s: ImportSession | null) => void;
  patchImportSession: (change: Partial<ImportSession>) => void;
}

export const createImportSlice: StateCreator<AtlasState, [], [], ImportSlice> = (set) => ({
  importSession: null,
  setImportSession: (importSession) => set({ importSession }),
  patchImportSession: (change) => set((s) => (s.importSession ? { importSession: { ...s.importSession, ...change } } : {})),
});
