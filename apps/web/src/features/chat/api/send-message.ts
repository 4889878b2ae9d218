import { ChatMessageSchema, type ChatMessage } from '@erun/contracts';
import { apiClient } from '../../../lib/api-client.ts';
import { messagesPath } from './chat-keys.ts';

export function sendMessage(runId: string, content: string): Promise<ChatMessage> {
  return apiClient.post(messagesPath(runId), { content }, ChatMessageSchema);
}

/** Moves my read marker to now (the unread line and counts are computed from it). */
export function markRead(runId: string): Promise<void> {
  return apiClient.send(`${messagesPath(runId)}/read`, 'POST', {});
}
