// First: before any module that builds zod schemas runs.
import './lib/zod-jitless.ts';
import { type DehydratedState, hydrate, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { matchRoutes, RouterProvider } from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { listenForInstallPrompt } from './features/install/hooks/use-install-offer.ts';
import { registerServiceWorker } from './features/install/utils/register-service-worker.ts';
import { getMeQueryOptions } from './features/users/api/get-me.ts';
import { createAppRouter, routes } from './app/router.tsx';
import { apiClient } from './lib/api-client.ts';
import { i18n, i18nReady } from './lib/i18n.ts';
import { createQueryClient } from './lib/query-client.ts';
import { startRealtime } from './lib/realtime.ts';
import './styles/global.css';

// Restore the session from the refresh cookie once, before anything renders (a reload stays signed in).
const restored = apiClient.restore();
// One socket while signed in (live notifications and run pages), from the first sign-in on.
startRealtime();

// The app shell and offline page (sw.js), and Chrome's install prompt, which may fire before the first render.
registerServiceWorker();
listenForInstallPrompt();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * A public page arrives rendered by the server for a guest, with the queries it read (ADR 023). The cache is
 * filled with them and React hydrates that markup once the page's code is in — unless the reader's language is
 * not the server's (Korean): then the app renders afresh over it.
 */
async function hydrateServerPage(
  queryClient: QueryClient,
  container: HTMLElement,
): Promise<readonly QueryKey[] | null> {
  const state = document.getElementById('erun-ssr-state');
  if (!container.hasAttribute('data-ssr') || !state?.textContent) return null;
  const dehydrated = JSON.parse(state.textContent) as DehydratedState;
  hydrate(queryClient, dehydrated);
  if (i18n.language !== 'ko') return null;
  // The page's own chunk before hydrating: the router then starts initialised, on the server's markup.
  await Promise.all(
    (matchRoutes(routes, window.location) ?? []).map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      Object.assign(route, { ...(await route.lazy()), lazy: undefined });
    }),
  );
  // Who is reading (the refresh cookie), and a signed-in reader's account, so no start-up splash replaces the page.
  await restored.catch(() => undefined);
  if (apiClient.getStatus() === 'signed-in')
    await queryClient.prefetchQuery(getMeQueryOptions()).catch(() => undefined);
  return dehydrated.queries.map((query) => query.queryKey);
}

void i18nReady.then(async () => {
  const queryClient = createQueryClient();
  const serverQueries = await hydrateServerPage(queryClient, root).catch(() => null);
  const app = (
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={createAppRouter()} />
      </AppProvider>
    </StrictMode>
  );
  if (!serverQueries) {
    createRoot(root).render(app);
    return;
  }
  // As a transition, hydration yields to the browser every few milliseconds instead of holding the main thread
  // for the whole page (a phone's CPU: hundreds of ms), so a tap or a scroll is answered meanwhile.
  startTransition(() => {
    hydrateRoot(root, app);
  });
  // Everything the server read, it read as a guest: a signed-in reader's own view (joined, saved, the crew they
  // run, what they may edit) is fetched again now, query by query.
  if (apiClient.getStatus() === 'signed-in') {
    for (const queryKey of serverQueries) void queryClient.invalidateQueries({ queryKey, exact: true });
  }
});
