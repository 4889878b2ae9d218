/** Cache keys of chats, all under `['chat']`. A chat's messages are keyed by its run's or crew's id. */
export const chatKeys = {
  all: ['chat'] as const,
  messages: (id: string) => [...chatKeys.all, 'messages', id] as const,
  members: (id: string) => [...chatKeys.all, 'members', id] as const,
  /** `/api/me/chats`: the list and the unread total of the navigation badge. */
  mine: () => [...chatKeys.all, 'mine'] as const,
  /** My unread total over every chat: the badge, set live by `chats:changed`. */
  unread: () => [...chatKeys.all, 'unread'] as const,
};
