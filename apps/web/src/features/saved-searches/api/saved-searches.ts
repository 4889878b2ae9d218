import {
  endpoints,
  type SavedSearch,
  type SavedSearchFiltersInput,
  type SavedSearchList,
} from '@erun/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { meQueryKey } from '../../../lib/session.ts';

/** My saved searches are mine: under the signed-in user's key, gone with the session. */
export const savedSearchKeys = {
  all: [...meQueryKey, 'saved-searches'] as const,
};

export function getSavedSearches(signal?: AbortSignal): Promise<SavedSearchList> {
  return apiClient.call(endpoints.getSavedSearches, { signal });
}

export function savedSearchesQueryOptions() {
  return queryOptions({ queryKey: savedSearchKeys.all, queryFn: ({ signal }) => getSavedSearches(signal) });
}

/** My saved searches, oldest first. */
export function useSavedSearches(enabled = true) {
  return useQuery({ ...savedSearchesQueryOptions(), enabled });
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filters: SavedSearchFiltersInput): Promise<SavedSearch> =>
      apiClient.call(endpoints.createSavedSearch, { body: { filters } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (savedSearchId: string): Promise<void> =>
      apiClient.call(endpoints.deleteSavedSearch, { params: { savedSearchId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}
