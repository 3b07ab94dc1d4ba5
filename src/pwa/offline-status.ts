/**
 * Where the app stands with offline use, for the notice that tells the planner: `ready` once the first
 * service worker controls the page (the app and the bundled data are kept), `updated` when a newer build's
 * worker has taken over while an older page was open (reloading brings the new version).
 */
export type OfflineStatus = 'none' | 'ready' | 'updated';

let status: OfflineStatus = 'none';
const listeners = new Set<() => void>();

export function getOfflineStatus(): OfflineStatus {
  return status;
}

export function setOfflineStatus(next: OfflineStatus): void {
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

export function subscribeOfflineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
