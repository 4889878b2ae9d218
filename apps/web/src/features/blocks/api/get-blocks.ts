import { type BlockPage, endpoints } from '@erun/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';
import { blockKeys } from './block-keys.ts';

/** The settings list shows up to this many (a person blocks a few; the API pages beyond). */
export const BLOCK_LIST_LIMIT = 100;

export function getBlocks(signal?: AbortSignal): Promise<BlockPage> {
  return apiClient.call(endpoints.getMyBlocks, { query: { limit: BLOCK_LIST_LIMIT }, signal });
}

export function getBlocksQueryOptions() {
  return queryOptions({ queryKey: blockKeys.list(), queryFn: ({ signal }) => getBlocks(signal) });
}

/** The users I blocked, most recent first. */
export function useBlocks() {
  return useQuery(getBlocksQueryOptions());
}
