import { CHAT_EVENTS, type ChatJoinAck, type ChatMessage } from '@erun/contracts';
import { useEffect, useRef, useState } from 'react';
import { io } from 'socket.io-client';
import { apiClient } from '../../../lib/api-client.ts';

export type ChatSocketState = 'connecting' | 'live' | 'offline' | 'refused';

interface Handlers {
  onMessage: (message: ChatMessage) => void;
  /** Once in the room (again): messages sent before were not heard, the history should be fetched again. */
  onResync: () => void;
}

/**
 * The chat's own small socket: authenticated with the in-memory access token, it enters the run's chat room
 * with `chat:join` (the server checks membership) on every (re)connect. An expired token gets the socket
 * disconnected by the server; it refreshes the token and connects again.
 */
export function useChatSocket(runId: string, enabled: boolean, handlers: Handlers): ChatSocketState {
  const [state, setState] = useState<ChatSocketState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const socket = io({
      path: '/socket.io',
      transports: ['websocket'],
      auth: (cb) => cb({ token: apiClient.getAccessToken() ?? '' }),
    });
    // Refused handshakes and server-side disconnects are not retried by socket.io itself.
    const reconnectFresh = (delayMs: number) => {
      clearTimeout(retry);
      retry = setTimeout(() => {
        void apiClient.refreshAccessToken().then((token) => {
          if (token !== null) socket.connect();
        });
      }, delayMs);
    };
    socket.on('connect', () => {
      socket.emit(CHAT_EVENTS.join, { runId }, (ack: ChatJoinAck) => {
        if ('ok' in ack) {
          setState('live');
          // Messages sent between loading the history and entering the room (or while disconnected) were
          // not heard: fetch the history again once in the room.
          latest.current.onResync();
        } else {
          setState('refused');
        }
      });
    });
    socket.on('connect_error', () => {
      setState('offline');
      if (!socket.active) reconnectFresh(2000);
    });
    socket.on('disconnect', (reason) => {
      setState('offline');
      if (reason === 'io server disconnect') reconnectFresh(0);
    });
    socket.on(CHAT_EVENTS.message, (message: ChatMessage) => {
      if (message.runId === runId) latest.current.onMessage(message);
    });
    return () => {
      clearTimeout(retry);
      socket.disconnect();
    };
  }, [runId, enabled]);

  return state;
}
