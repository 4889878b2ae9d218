import type { Me } from '@erun/contracts';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '../app/provider.tsx';
import { routes } from '../app/router.tsx';
import { apiClient } from '../lib/api-client.ts';
import { startSession } from '../lib/session.ts';

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
  return mount(createMemoryRouter(routes, { initialEntries: [path] }), user);
}

/** One component with the app's providers and a router around it (at `path`, default `/`). */
export function renderWithProviders(
  ui: ReactElement,
  { user, path = '/' }: { user?: Me; path?: string } = {},
) {
  return mount(createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] }), user);
}
