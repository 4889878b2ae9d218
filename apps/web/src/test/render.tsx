import type { Me } from '@erun/contracts';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProvider } from '../app/provider.tsx';
import { routes } from '../app/router.tsx';
import { apiClient } from '../lib/api-client.ts';
import { startSession } from '../lib/session.ts';

/**
 * The app's routes with every page already loaded: the pages are lazy chunks in the app, which would make the
 * first render of each test wait a tick for its import; tests look at the page, not at the code splitting.
 */
async function loadPages(list: RouteObject[]): Promise<RouteObject[]> {
  return Promise.all(
    list.map(async ({ lazy, children, ...route }) => {
      const loaded = typeof lazy === 'function' ? await lazy() : {};
      return {
        ...route,
        ...loaded,
        ...(children ? { children: await loadPages(children) } : {}),
      } as RouteObject;
    }),
  );
}
const loadedRoutes = await loadPages(routes);

function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

function mount(router: ReturnType<typeof createMemoryRouter>, user: Me | undefined) {
  const queryClient = testQueryClient();
  if (user) startSession(queryClient, { accessToken: 'test-access-token', user });
  else apiClient.endSession();
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, queryClient, events: userEvent.setup() };
}

/** The whole app at `path`, signed in as `user` or signed out. */
export function renderApp(path: string, { user }: { user?: Me } = {}) {
  return mount(createMemoryRouter(loadedRoutes, { initialEntries: [path] }), user);
}

/** One component with the app's providers and a router around it (at `path`, default `/`). */
export function renderWithProviders(
  ui: ReactElement,
  { user, path = '/' }: { user?: Me; path?: string } = {},
) {
  return mount(createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] }), user);
}
