/** Cache keys of run chats, all under `['chat']`. */
export const chatKeys = {
  all: ['chat'] as const,
  messages: (runId: string) => [...chatKeys.all, 'messages', runId] as const,
};
