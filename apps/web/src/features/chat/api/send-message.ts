import { endpoints, type ChatMessage } from '@erun/contracts';
import { apiClient } from '../../../lib/api-client.ts';

export function sendMessage(runId: string, content: string): Promise<ChatMessage> {
  return apiClient.call(endpoints.sendChatMessage, { params: { runId }, body: { content } });
}

/** Moves my read marker to now (the unread line and counts are computed from it). */
export function markRead(runId: string): Promise<void> {
  return apiClient.call(endpoints.markChatRead, { params: { runId }, body: {} });
}
