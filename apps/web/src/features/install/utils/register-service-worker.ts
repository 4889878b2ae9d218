/**
 * Registers public/sw.js (app shell, offline page, web push) in production builds, after the page has loaded
 * so that its install does not compete with the first paint. Push (features/notifications) uses the same worker.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No worker (private mode, a blocked origin): the app works without it, only offline and push do not.
    });
  });
}
