import { endpoints, type AuditPage, type ModerateUser, type UserModerationHistory } from '@erun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** The audit log's newest page. */
export function useAudit() {
  return useQuery({
    queryKey: auditKey,
    queryFn: ({ signal }): Promise<AuditPage> =>
      apiClient.call(endpoints.getModerationAudit, { query: { limit: 50 }, signal }),
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
