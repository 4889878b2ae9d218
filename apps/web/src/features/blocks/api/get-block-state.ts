import { type BlockState, endpoints } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { blockKeys } from './block-keys.ts';

export function getBlockState(userId: string, signal?: AbortSignal): Promise<BlockState> {
  return apiClient.call(endpoints.getBlockState, { params: { userId }, signal });
}

export function getBlockStateQueryOptions(userId: string) {
  return queryOptions({
    queryKey: blockKeys.state(userId),
    queryFn: ({ signal }) => getBlockState(userId, signal),
  });
}

/** Whether I blocked this user (only asked when signed in and not on my own profile). */
export function useBlockState(userId: string, enabled: boolean) {
  return useQuery({ ...getBlockStateQueryOptions(userId), enabled });
}
