import { AsyncLocalStorage } from 'node:async_hooks';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import {
  createStaticHandler,
  createStaticRouter,
  type DataRouteMatch,
  StaticRouterProvider,
} from 'react-router';
import { AppProvider } from './app/provider.tsx';
import { routes } from './app/router.tsx';
import { apiClient, setServerFetch } from './lib/api-client.ts';
import { ApiError } from './lib/api-error.ts';
import { i18nReady } from './lib/i18n.ts';
import { createQueryClient } from './lib/query-client.ts';

/**
 * The server renderer (ADR 023), built by `vite build --ssr` into dist-ssr/ and called by the API's page routes
 * (apps/server/src/http/pages.ts): the public pages of a guest, as the browser would first render them.
 */

/** The pages rendered on the server, by route path, with their source module (its CSS goes in the head). */
const PAGES: Record<string, string> = {
  '': 'src/app/routes/home.tsx',
  runs: 'src/app/routes/runs.tsx',
  'runs/:runId': 'src/app/routes/run-detail.tsx',
  courses: 'src/app/routes/courses.tsx',
  'courses/:courseId': 'src/app/routes/course-detail.tsx',
  crews: 'src/app/routes/crews.tsx',
  'crews/:crewId': 'src/app/routes/crew-detail.tsx',
  '*': 'src/app/routes/not-found.tsx',
};
/** Rendering finds the page's queries, they are fetched, and it renders again: pages needing more rounds stop. */
const MAX_ROUNDS = 3;

export interface RenderedPage {
  status: number;
  html: string;
  state: string;
  modules: string[];
}

// Each render's API calls go through the fetch given with that render (the reader's address for rate limits).
const fetchOfRender = new AsyncLocalStorage<typeof fetch>();
setServerFetch((input, init) => {
  const fetcher = fetchOfRender.getStore();
  if (!fetcher) throw new Error('an API call outside a server render');
  return fetcher(input, init);
});
// A page load carries no session (the access token lives in the browser's memory): the server renders a guest's.
apiClient.endSession();

const pathOf = (match: DataRouteMatch) => (match.route.index ? '' : (match.route.path ?? null));

export function render(url: string, options: { fetch: typeof fetch }): Promise<RenderedPage | null> {
  return fetchOfRender.run(options.fetch, async () => {
    await i18nReady;
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request(new URL(url, 'http://localhost')));
    if (context instanceof Response) return null;
    const leaf = context.matches.at(-1);
    const page = leaf ? PAGES[pathOf(leaf) ?? '\0'] : undefined;
    if (!page || context.errors) return null;

    const queryClient = createQueryClient();
    // A failed call is not tried again here: the browser does, after hydrating.
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
    const router = createStaticRouter(handler.dataRoutes, context);
    const app = () => (
      <AppProvider queryClient={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    );
    for (let round = 0; round < MAX_ROUNDS; round++) {
      renderToString(app());
      const waiting = unfetched(queryClient);
      if (waiting.length === 0) break;
      await Promise.all(waiting.map((query) => query.fetch().catch(() => undefined)));
    }
    const html = renderToString(app());
    const notFound = queryClient
      .getQueryCache()
      .getAll()
      .some((q) => q.state.error instanceof ApiError && q.state.error.status === 404);
    const state = JSON.stringify(dehydrate(queryClient));
    queryClient.clear();
    return { status: page.endsWith('not-found.tsx') || notFound ? 404 : 200, html, state, modules: [page] };
  });
}

/** The queries the last render asked for and nobody fetched (rendering on the server runs no effects). */
function unfetched(queryClient: QueryClient) {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter(
      (q) =>
        q.state.status === 'pending' &&
        q.state.fetchStatus === 'idle' &&
        (q.options as { enabled?: unknown }).enabled !== false &&
        q.options.queryFn !== undefined,
    );
}
