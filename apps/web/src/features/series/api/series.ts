import {
  endpoints,
  type CreatedSeries,
  type CreateSeries,
  type SeriesPage,
  type UpdateSeries,
} from '@erun/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

/** Every run query sits under `['runs']` (features/runs/api/run-keys.ts): occurrences are runs. */
const runKeys = { all: ['runs'] as const };

/** Cache keys of series pages (their occurrences are runs: run lists are refreshed with them). */
export const seriesKeys = {
  all: ['series'] as const,
  detail: (seriesId: string) => [...seriesKeys.all, seriesId] as const,
};

export function getSeriesQueryOptions(seriesId: string) {
  return queryOptions({
    queryKey: seriesKeys.detail(seriesId),
    queryFn: ({ signal }) => apiClient.call(endpoints.getSeries, { params: { seriesId }, signal }),
  });
}

export function useSeries(seriesId: string) {
  return useQuery(getSeriesQueryOptions(seriesId));
}

/** `POST /api/series`: a template and a schedule, or "run again" from a run (`fromRunId`). */
export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeries): Promise<CreatedSeries> =>
      apiClient.call(endpoints.createSeries, { body }),
    onSuccess: (created) => {
      queryClient.setQueryData<SeriesPage>(seriesKeys.detail(created.series.id), {
        series: created.series,
        upcoming: created.occurrences,
      });
      return queryClient.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}

/** "This and following": changes from a date on. */
export function useUpdateSeries(seriesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSeries) =>
      apiClient.call(endpoints.updateSeries, { params: { seriesId }, body }),
    onSuccess: (page) => {
      queryClient.setQueryData(seriesKeys.detail(seriesId), page);
      return queryClient.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}

/** Ends the series: its occurrences still ahead are cancelled. */
export function useEndSeries(seriesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.call(endpoints.endSeries, { params: { seriesId } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: seriesKeys.detail(seriesId) }),
        queryClient.invalidateQueries({ queryKey: runKeys.all }),
      ]),
  });
}
