import type { ChatKind } from '@erun/contracts';

/** Which chat: a run's or a crew's, by the run's or the crew's id. */
export interface ChatRef {
  kind: ChatKind;
  id: string;
}

/** The chat's own page. */
export const chatPath = (chat: ChatRef) =>
  chat.kind === 'run' ? `/runs/${chat.id}/chat` : `/crews/${chat.id}/chat`;

/** Where the chat's back arrow leads: the run's or the crew's page. */
export const ownerPath = (chat: ChatRef) => (chat.kind === 'run' ? `/runs/${chat.id}` : `/crews/${chat.id}`);
