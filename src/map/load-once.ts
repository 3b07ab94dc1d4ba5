/**
 * A loader of code fetched on demand that downloads at most once at a time: calls share the pending or
 * finished load, and a failed one is forgotten so the next call tries again (the network may be back).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = null;
      });
    }
    return pending;
  };
}
