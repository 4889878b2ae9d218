import { endpoints, type ChatMessage } from '@erun/contracts';
import { apiClient } from '../../../lib/api-client.ts';
import type { ChatRef } from './chat-ref.ts';

export function sendMessage(chat: ChatRef, content: string): Promise<ChatMessage> {
  return chat.kind === 'run'
    ? apiClient.call(endpoints.sendChatMessage, { params: { runId: chat.id }, body: { content } })
    : apiClient.call(endpoints.sendCrewChatMessage, { params: { crewId: chat.id }, body: { content } });
}

/** Moves my read marker to now (the unread line and counts are computed from it). */
export function markRead(chat: ChatRef): Promise<void> {
  return chat.kind === 'run'
    ? apiClient.call(endpoints.markChatRead, { params: { runId: chat.id }, body: {} })
    : apiClient.call(endpoints.markCrewChatRead, { params: { crewId: chat.id }, body: {} });
}

export function setMuted(chat: ChatRef, muted: boolean): Promise<void> {
  return apiClient.call(endpoints.muteChat, { params: { kind: chat.kind, id: chat.id }, body: { muted } });
}

/** Pins the message as the chat's notice, or unpins it. */
export function setPinned(chat: ChatRef, messageId: string, pinned: boolean): Promise<void> {
  const params = { kind: chat.kind, id: chat.id, messageId };
  return pinned
    ? apiClient.call(endpoints.pinChatMessage, { params, body: {} })
    : apiClient.call(endpoints.unpinChatMessage, { params });
}
