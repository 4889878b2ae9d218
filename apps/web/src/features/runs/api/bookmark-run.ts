import type { Run, RunPage, RunSummary } from '@erun/contracts';
import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { deferredEndpoints } from '../../../lib/deferred-endpoints.ts';
import { runKeys } from './run-keys.ts';

export interface BookmarkInput {
  runId: string;
  bookmarked: boolean;
}

/** PUT saves a run, DELETE forgets it; both are idempotent. */
export function bookmarkRun({ runId, bookmarked }: BookmarkInput): Promise<void> {
  const { bookmarkRun: save, unbookmarkRun: forget } = deferredEndpoints;
  return bookmarked
    ? apiClient.call(save, { params: { runId } })
    : apiClient.call(forget, { params: { runId } });
}

type Cached = RunPage | InfiniteData<RunPage> | Run | undefined;

function withBookmark<T extends RunSummary>(run: T, { runId, bookmarked }: BookmarkInput): T {
  return run.id === runId ? { ...run, bookmarked } : run;
}

function patchPage(page: RunPage, input: BookmarkInput): RunPage {
  return { ...page, items: page.items.map((run) => withBookmark(run, input)) };
}

/** After the server agreed, every cached copy of the run shows the new state (no refetch of long lists). */
function applyBookmark(queryClient: QueryClient, input: BookmarkInput): void {
  queryClient.setQueriesData<Cached>({ queryKey: runKeys.all }, (data) => {
    if (data === undefined) return data;
    if ('pages' in data) return { ...data, pages: data.pages.map((page) => patchPage(page, input)) };
    if ('items' in data) return patchPage(data, input);
    return withBookmark<Run>(data, input);
  });
}

export function useBookmarkRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookmarkRun,
    onSuccess: (_, input) => applyBookmark(queryClient, input),
  });
}
