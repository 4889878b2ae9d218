import { endpoints, type Crew } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { crewKeys } from './crew-keys.ts';

export function getCrew(crewId: string, signal?: AbortSignal): Promise<Crew> {
  return apiClient.call(endpoints.getCrew, { params: { crewId }, signal });
}

export function getCrewQueryOptions(crewId: string) {
  return queryOptions({
    queryKey: crewKeys.detail(crewId),
    queryFn: ({ signal }) => getCrew(crewId, signal),
  });
}

export function useCrew(crewId: string) {
  return useQuery(getCrewQueryOptions(crewId));
}
