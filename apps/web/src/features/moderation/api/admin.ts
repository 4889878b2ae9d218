import {
  endpoints,
  type AuditPage,
  type EscalatedDisputes,
  type ModerateUser,
  type ReportAction,
  type ReportQueuePage,
  type UserModerationHistory,
} from '@erun/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client.ts';

const adminKey = ['admin'] as const;
const historyKey = (userId: string) => [...adminKey, 'history', userId] as const;
const auditKey = [...adminKey, 'audit'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id behind what a moderator typed: an id as is, an address through `GET /api/admin/users`. */
export async function findUser(text: string): Promise<string> {
  const value = text.trim();
  if (UUID.test(value)) return value;
  return (await apiClient.call(endpoints.findUserByEmail, { query: { email: value } })).id;
}

export function useFindUser() {
  return useMutation({ mutationFn: findUser });
}

/** Actions and reports about a user, newest first (moderators and admins). */
export function useUserHistory(userId: string | null) {
  return useQuery({
    queryKey: historyKey(userId ?? ''),
    queryFn: ({ signal }): Promise<UserModerationHistory> =>
      apiClient.call(endpoints.getUserModerationHistory, { params: { userId: userId ?? '' }, signal }),
    enabled: userId !== null,
  });
}

export const AUDIT_PAGE = 50;

/** The audit log, newest first, a page at a time. */
export function useAudit() {
  return useInfiniteQuery({
    queryKey: auditKey,
    queryFn: ({ pageParam, signal }): Promise<AuditPage> =>
      apiClient.call(endpoints.getModerationAudit, {
        query: { limit: AUDIT_PAGE, cursor: pageParam ?? undefined },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export type QueueStatus = 'open' | 'closed';
const QUEUE_PAGE = 20;

/** The report queue (all of it for moderators; one crew's for its staff), a page at a time. */
export function useReportQueue(status: QueueStatus, crewId: string | null) {
  return useInfiniteQuery({
    queryKey: [...adminKey, 'reports', status, crewId ?? ''] as const,
    queryFn: ({ pageParam, signal }): Promise<ReportQueuePage> =>
      apiClient.call(endpoints.getReportQueue, {
        query: {
          status,
          limit: QUEUE_PAGE,
          ...(crewId ? { crewId } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Dismiss, hide, restore or act on the author; the queue, histories and the log are read again. */
export function useActOnReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, body }: { reportId: string; body: ReportAction }) =>
      apiClient.call(endpoints.actOnReport, { params: { reportId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

/** Warn, suspend, ban or restore; the history and the log are read again. */
export function useModerateUser(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModerateUser) => apiClient.call(endpoints.moderateUser, { params: { userId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}

/** Attendance disputes the hosts left open for 72 h (moderators decide them). */
export function useEscalatedDisputes() {
  return useQuery({
    queryKey: [...adminKey, 'disputes'] as const,
    queryFn: ({ signal }): Promise<EscalatedDisputes> =>
      apiClient.call(endpoints.getEscalatedDisputes, { signal }),
  });
}

/** Accept (the runner counts as present) or reject an escalated dispute. */
export function useDecideDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      runId,
      userId,
      decision,
    }: {
      runId: string;
      userId: string;
      decision: 'accept' | 'reject';
    }) => apiClient.call(endpoints.decideEscalatedDispute, { params: { runId, userId }, body: { decision } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKey }),
  });
}
