/**
 * The one 三区三线 check of a whole big layer that may be running (or done): kept outside the panel,
 * so switching tabs neither loses its progress nor its answer, and a cancel reaches the worker.
 */
import { proxy } from 'comlink';
import type { Feature } from 'geojson';
import type { ComplianceControls } from '../analysis/compliance';
import { ioWorker } from '../workers/io-client';
import { NOT_CHECKED, type BigComplianceAnswer } from '../workers/big-compliance';

/** The worst conflicts listed by name (the CSV holds every failing feature). */
const LISTED = 50;

export interface BigComplianceJob {
  layerId: string;
  key: string;
  /** 0–1 while running; null once answered or cancelled. */
  progress: number | null;
  answer: BigComplianceAnswer | null;
  /** How many features were checked, and the positions of those that do not comply. */
  checked: number;
  failing: number[];
  worst: { i: number; f: Feature | undefined }[];
}

let job: BigComplianceJob | null = null;
let seq = 0;
const listeners = new Set<() => void>();
const set = (next: BigComplianceJob | null) => {
  job = next;
  for (const l of listeners) l();
};

export const conflictM2 = (a: BigComplianceAnswer, i: number) => a.farmlandM2[i]! + a.redLineM2[i]! + a.outsideM2[i]!;

export function bigComplianceJob(): BigComplianceJob | null {
  return job;
}

export function subscribeBigCompliance(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts checking `key` (cancelling a check still running). */
export function startBigCompliance(layerId: string, key: string, controls: ComplianceControls, slivers: number): void {
  cancelBigCompliance();
  const id = ++seq;
  set({ layerId, key, progress: 0, answer: null, checked: 0, failing: [], worst: [] });
  const mine = () => seq === id && job !== null;
  void (async () => {
    const a = await ioWorker().complianceBig(key, id, controls, slivers, proxy((f: number) => mine() && job!.progress !== null && set({ ...job!, progress: f })));
    if (!mine() || a.cancelled) return;
    const failing: number[] = [];
    let checked = 0;
    a.ok.forEach((v, i) => {
      if (v !== NOT_CHECKED) checked++;
      if (v === 0) failing.push(i);
    });
    const worst = [...failing].sort((x, y) => conflictM2(a, y) - conflictM2(a, x)).slice(0, LISTED);
    const features = await ioWorker().featuresBig(key, worst);
    if (mine()) set({ layerId, key, progress: null, answer: a, checked, failing, worst: worst.map((i, k) => ({ i, f: features[k] })) });
  })().catch((e: unknown) => {
    console.error('compliance in the worker failed', e);
    if (mine()) set(null);
  });
}

export function cancelBigCompliance(): void {
  if (job && job.progress !== null) void ioWorker().cancelJob(seq);
  seq++;
  set(null);
}
