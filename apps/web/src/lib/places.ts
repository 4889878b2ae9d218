import { endpoints, type Place } from '@erun/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client.ts';

/** Places whose name, district or 초성 match the words (Kakao Local, or the server's built-in list). */
export async function searchPlaces(q: string, signal?: AbortSignal): Promise<Place[]> {
  const result = await apiClient.call(endpoints.searchPlaces, {
    query: { q },
    signal,
  });
  return result.items;
}

export function placeSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['places', q],
    queryFn: ({ signal }) => searchPlaces(q, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The places for the (already debounced) words; idle while they are empty. */
export function usePlaceSearch(q: string) {
  return useQuery({ ...placeSearchQueryOptions(q), enabled: q !== '', placeholderData: keepPreviousData });
}
