import { useEffect, useRef, useState } from 'react';
import type { ChatRef } from '../api/chat-ref.ts';
import { realtime, type ChatRoomHandlers, type ChatRoomState } from '../../../lib/realtime.ts';

export type ChatSocketState = ChatRoomState;

/**
 * The run's or crew's chat room on the app's one socket while mounted: its state, and the latest `handlers` for its
 * messages and for the resync after each (re)join. Connection, token refresh and rejoining are the socket's.
 */
export function useChatSocket(chat: ChatRef, handlers: Omit<ChatRoomHandlers, 'onState'>): ChatSocketState {
  const [state, setState] = useState<ChatSocketState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(
    () =>
      realtime.joinChat(
        chat.id,
        {
          onState: setState,
          onMessage: (message) => latest.current.onMessage(message),
          onPinned: (pinned) => latest.current.onPinned?.(pinned),
          onResync: () => latest.current.onResync(),
        },
        chat.kind,
      ),
    [chat.id, chat.kind],
  );

  return state;
}
