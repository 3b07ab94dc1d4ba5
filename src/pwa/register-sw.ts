import { setOfflineStatus } from './offline-status';

/**
 * Registers the build's service worker (`sw.js`, made by `scripts/vite-pwa.ts`) once the page has loaded,
 * so its precaching does not compete with the first load.
 *
 * Not in the dev server (there is no worker to register), and not in test builds (`VITE_TEST_HOOKS=1`),
 * whose browser tests reuse one origin and intercept requests, unless the address asks for it with `?sw`:
 * the offline tests opt in that way.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (import.meta.env.VITE_TEST_HOOKS === '1' && !new URLSearchParams(window.location.search).has('sw')) return;
  const container = navigator.serviceWorker;
  // A page that already had a worker and gets another one is running an older build than the worker's.
  let hadController = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    setOfflineStatus(hadController ? 'updated' : 'ready');
    hadController = true;
  });
  const register = (): void => {
    container.register('./sw.js', { scope: './' }).catch((e: unknown) => {
      // Without a worker the app still runs online; say why offline use is not available.
      console.warn('Service worker not registered:', e);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
