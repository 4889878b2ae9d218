import { useEffect, useRef, useState } from 'react';
import { realtime, type ChatRoomHandlers, type ChatRoomState } from '../../../lib/realtime.ts';

export type ChatSocketState = ChatRoomState;

/**
 * The run's chat room on the app's one socket while mounted: its state, and the latest `handlers` for its
 * messages and for the resync after each (re)join. Connection, token refresh and rejoining are the socket's.
 */
export function useChatSocket(runId: string, handlers: Omit<ChatRoomHandlers, 'onState'>): ChatSocketState {
  const [state, setState] = useState<ChatSocketState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(
    () =>
      realtime.joinChat(runId, {
        onState: setState,
        onMessage: (message) => latest.current.onMessage(message),
        onResync: () => latest.current.onResync(),
      }),
    [runId],
  );

  return state;
}
