import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { NoticeProvider } from '../components/notice/notice-provider.tsx';
import { courseKeys } from '../features/courses/api/course-keys.ts';
import { runKeys } from '../features/runs/api/run-keys.ts';
import { apiClient } from '../lib/api-client.ts';
import { meQueryKey } from '../lib/session.ts';

/**
 * When a session ends (logout, or a refresh that failed), drop everything cached for that user. Runs and courses
 * carry the caller's own state (joined, bookmarked, my rating), so they are fetched again whenever the user changes.
 */
function useForgetUserOnSignOut(queryClient: QueryClient) {
  useEffect(
    () =>
      apiClient.subscribe(() => {
        if (apiClient.getStatus() === 'signed-out') queryClient.removeQueries({ queryKey: meQueryKey });
        void queryClient.invalidateQueries({ queryKey: runKeys.all });
        void queryClient.invalidateQueries({ queryKey: courseKeys.all });
      }),
    [queryClient],
  );
}

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useForgetUserOnSignOut(queryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>{children}</NoticeProvider>
    </QueryClientProvider>
  );
}
