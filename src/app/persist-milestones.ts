import { readMilestoneDone } from '../domain/milestone-done';
import type { AtlasStore } from '../state/store';

const KEY = 'atlas:milestones-done:v1';

/**
 * Milestones marked done survive a reload: the record is kept in localStorage and written into the
 * layers once they are loaded. Storage failures (private mode, quota) only cost persistence.
 */
export function restoreMilestones(store: AtlasStore): void {
  try {
    const text = window.localStorage.getItem(KEY);
    if (text) store.getState().restoreMilestoneDone(readMilestoneDone(JSON.parse(text)));
  } catch (e) {
    console.warn('Could not restore completed milestones', e);
  }
}

export function persistMilestones(store: AtlasStore): () => void {
  let last = store.getState().milestoneDone;
  return store.subscribe((s) => {
    if (s.milestoneDone === last) return;
    last = s.milestoneDone;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(last));
    } catch (e) {
      console.warn('Could not save completed milestones', e);
    }
  });
}
