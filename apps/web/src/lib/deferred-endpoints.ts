import type { EndpointName, Endpoints } from '@erun/contracts';
import type { DeferredEndpoint } from './api-client.ts';
import { loadContracts } from './load-contracts.ts';

/**
 * `name` by its method and path; the compiler holds both to the contracts' table, which is fetched (with zod
 * and every schema) only to check the first answer.
 */
function deferred<N extends EndpointName>(
  name: N,
  method: Endpoints[N]['method'],
  path: Endpoints[N]['path'],
): DeferredEndpoint<Endpoints[N]> {
  return { method, path, load: async () => (await loadContracts()).endpoints[name] };
}

/**
 * The endpoints that the shell and the home page call, for `apiClient.call`: with the contracts' endpoints
 * instead, the entry would carry zod and all the schemas (about 40 KB gzip) for the first paint, which checks no
 * answer. Pages that load later take `endpoints` from the contracts as usual.
 */
export const deferredEndpoints = {
  getMe: deferred('getMe', 'GET', '/api/me'),
  updateMe: deferred('updateMe', 'PATCH', '/api/me'),
  logout: deferred('logout', 'POST', '/api/auth/logout'),
  logoutAll: deferred('logoutAll', 'POST', '/api/auth/logout-all'),
  resendEmailVerification: deferred('resendEmailVerification', 'POST', '/api/auth/email-verification'),
  getRuns: deferred('getRuns', 'GET', '/api/runs'),
  bookmarkRun: deferred('bookmarkRun', 'PUT', '/api/runs/:runId/bookmark'),
  unbookmarkRun: deferred('unbookmarkRun', 'DELETE', '/api/runs/:runId/bookmark'),
  getCrews: deferred('getCrews', 'GET', '/api/crews'),
  getMyChats: deferred('getMyChats', 'GET', '/api/me/chats'),
  getChatMembers: deferred('getChatMembers', 'GET', '/api/chats/:kind/:id/members'),
  getNotifications: deferred('getNotifications', 'GET', '/api/notifications'),
  markNotificationsRead: deferred('markNotificationsRead', 'POST', '/api/notifications/read'),
};
