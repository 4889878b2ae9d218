import {
  CHAT_EVENTS,
  type ChatKind,
  type ChatMessage,
  type RealtimeEvent,
  type RealtimePayload,
  type RealtimeAckSchema,
  type RealtimeEventSchemas,
} from '@erun/contracts';
import { apiClient, type ApiClient } from './api-client.ts';
import { loadContracts } from './load-contracts.ts';

/** The part of a socket.io client socket this module uses (a fake one in tests). */
export interface RealtimeSocket {
  connect(): unknown;
  disconnect(): unknown;
  /** `ack`, when given, receives the server's answer (never, if the socket drops first). */
  emit(event: string, payload: unknown, ack?: (answer: unknown) => void): unknown;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
}

/** Opens a socket (not yet connected) whose handshake asks `auth` for the token on every attempt. */
export type SocketFactory = (
  auth: (callback: (data: { token: string | null }) => void) => void,
) => RealtimeSocket;

/**
 * The contracts' schemas of what the server sends. They come with socket.io's code (`startRealtime`), not with
 * this module: the entry carries neither zod nor the schemas.
 */
export interface RealtimeChecks {
  events: typeof RealtimeEventSchemas;
  ack: typeof RealtimeAckSchema;
}

type Session = Pick<ApiClient, 'getStatus' | 'subscribe' | 'getAccessToken' | 'refreshAccessToken'>;
type Listener = (payload: unknown) => void;

/** Where a run's chat room stands: entering, in it, disconnected (retrying), or not let in. */
export type ChatRoomState = 'connecting' | 'live' | 'offline' | 'refused';

export interface ChatRoomHandlers {
  onState: (state: ChatRoomState) => void;
  onMessage: (message: ChatMessage) => void;
  /** The chat's pinned notice changed (null: unpinned). */
  onPinned?: (pinned: ChatMessage | null) => void;
  /** In the room (again): messages sent before were not heard, the history should be fetched again. */
  onResync: () => void;
}

interface ChatRoom {
  kind: ChatKind;
  id: string;
  state: ChatRoomState;
  members: Set<ChatRoomHandlers>;
  /** Counts the joins sent: only the answer to the latest one counts. */
  attempt: number;
}

// The server refuses a handshake whose token is missing, forged or expired with this message.
const UNAUTHENTICATED = 'UNAUTHENTICATED';
const MAX_BACKOFF_MS = 30_000;

/**
 * One socket per signed-in session (guests never connect). The handshake carries the in-memory access token;
 * when the server refuses it or drops the socket because it expired, a fresh token comes from the API client's
 * single-flight refresh and the socket reconnects. Rooms of watched runs and chats are joined again after every
 * reconnect.
 */
export function createRealtime(session: Session) {
  const listeners = new Map<string, Set<Listener>>();
  const connectListeners = new Set<() => void>();
  const watched = new Map<string, number>();
  const chats = new Map<string, ChatRoom>();
  let connected = false;
  let factory: SocketFactory | null = null;
  let checks: RealtimeChecks | null = null;
  let socket: RealtimeSocket | null = null;
  let usedToken: string | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function dispatch(event: string, payload: unknown): void {
    // Undefined for an event the contracts do not know (or before start).
    const schema = checks?.events[event as RealtimeEvent];
    const parsed = schema?.safeParse(payload);
    if (!parsed?.success) return;
    listeners.get(event)?.forEach((listener) => listener(parsed.data));
  }

  function on<E extends RealtimeEvent>(
    event: E,
    listener: (payload: RealtimePayload<E>) => void,
  ): () => void {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const wrapped = listener as Listener;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  function setChatState(room: ChatRoom, state: ChatRoomState): void {
    if (room.state === state) return;
    room.state = state;
    room.members.forEach((member) => member.onState(state));
  }

  /** Asks to enter the chat room (the server checks membership) when connected; otherwise on connect. */
  function enterChat(key: string, room: ChatRoom): void {
    const current = socket;
    if (!current || !connected) return;
    room.attempt += 1;
    const attempt = room.attempt;
    const [event, payload] =
      room.kind === 'run'
        ? [CHAT_EVENTS.join, { runId: room.id }]
        : [CHAT_EVENTS.crewJoin, { crewId: room.id }];
    current.emit(event, payload, (answer) => {
      // An answer to a join of a socket since replaced, or of a room since left, is old news.
      if (socket !== current || chats.get(key) !== room || room.attempt !== attempt) return;
      const ack = checks?.ack.safeParse(answer);
      if (ack?.success && 'ok' in ack.data) {
        setChatState(room, 'live');
        room.members.forEach((member) => member.onResync());
      } else {
        setChatState(room, 'refused');
      }
    });
  }

  function chatsOffline(): void {
    for (const room of chats.values()) setChatState(room, 'offline');
  }

  const chatKey = (kind: ChatKind, id: string) => `${kind}:${id}`;
  on(CHAT_EVENTS.message, (message) => {
    const key = message.runId ? chatKey('run', message.runId) : chatKey('crew', message.crewId ?? '');
    chats.get(key)?.members.forEach((member) => member.onMessage(message));
  });
  on(CHAT_EVENTS.pinned, ({ kind, id, pinned }) => {
    chats.get(chatKey(kind, id))?.members.forEach((member) => member.onPinned?.(pinned));
  });

  /** Gets a token the server has not refused yet, then connects again (backing off if it keeps failing). */
  async function reconnect(current: RealtimeSocket): Promise<void> {
    failures += 1;
    const latest = session.getAccessToken();
    const token = latest !== null && latest !== usedToken ? latest : await session.refreshAccessToken();
    if (token === null || socket !== current) return; // the session ended meanwhile
    const delay = failures <= 1 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 2));
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (socket === current) current.connect();
    }, delay);
  }

  function open(): void {
    if (socket || !factory) return;
    const current = factory((callback) => {
      usedToken = session.getAccessToken();
      callback({ token: usedToken });
    });
    socket = current;
    current.on('connect', () => {
      failures = 0;
      connected = true;
      for (const runId of watched.keys()) current.emit('run:watch', runId);
      for (const [key, room] of chats) enterChat(key, room);
      connectListeners.forEach((listener) => listener());
    });
    current.on('connect_error', (error) => {
      if (socket === current) chatsOffline();
      if (error.message === UNAUTHENTICATED) void reconnect(current);
    });
    current.on('disconnect', (reason) => {
      if (socket === current) {
        connected = false;
        chatsOffline();
      }
      // The server drops a socket whose token expired; socket.io does not retry those by itself.
      if (reason === 'io server disconnect') void reconnect(current);
    });
    // The server's fan-out was interrupted (Redis away) and is back: what a reconnection does, without one.
    current.onAny((event, payload) => {
      if (event === 'resync') {
        connectListeners.forEach((listener) => listener());
        // Also sent to one chat's room when a message in it was hidden or shown again by moderation.
        for (const room of chats.values()) room.members.forEach((member) => member.onResync());
      }
      dispatch(event, payload);
    });
    current.connect();
  }

  function close(): void {
    clearTimeout(retryTimer);
    const current = socket;
    socket = null;
    usedToken = null;
    failures = 0;
    connected = false;
    current?.disconnect();
    if (current) chatsOffline();
  }

  const sync = () => (session.getStatus() === 'signed-in' ? open() : close());

  return {
    /** Connects whenever a session is signed in, from now on; returns a function that stops it. */
    start(socketFactory: SocketFactory, socketChecks: RealtimeChecks): () => void {
      factory = socketFactory;
      checks = socketChecks;
      const unsubscribe = session.subscribe(sync);
      sync();
      return () => {
        unsubscribe();
        close();
        factory = null;
        checks = null;
      };
    },
    /** Calls `listener` with each valid payload of `event`; returns the unsubscribe function. */
    on,
    /** Called after each (re)connection: events sent while disconnected were missed. */
    onConnect(listener: () => void): () => void {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
    /** Joins the run's room while at least one caller watches it; returns the function that stops watching. */
    watchRun(runId: string): () => void {
      const count = watched.get(runId) ?? 0;
      watched.set(runId, count + 1);
      // Only on a live socket: socket.io would hold it until connected, and the connect handler asks again.
      if (count === 0 && connected) socket?.emit('run:watch', runId);
      return () => {
        const left = (watched.get(runId) ?? 1) - 1;
        if (left > 0) {
          watched.set(runId, left);
          return;
        }
        watched.delete(runId);
        if (connected) socket?.emit('run:unwatch', runId);
      };
    },
    /**
     * Enters the run's (or crew's) chat room (on every (re)connect, while at least one caller is in it) and
     * reports its state and messages to `handlers`; returns the function that leaves it.
     */
    joinChat(id: string, handlers: ChatRoomHandlers, kind: ChatKind = 'run'): () => void {
      const member = { ...handlers }; // one membership per call, even with the same handlers
      const key = chatKey(kind, id);
      const existing = chats.get(key);
      const room: ChatRoom = existing ?? { kind, id, state: 'connecting', members: new Set(), attempt: 0 };
      room.members.add(member);
      member.onState(room.state);
      if (!existing) {
        chats.set(key, room);
        enterChat(key, room);
      } else if (room.state === 'live') {
        member.onResync(); // its history may predate the messages the room heard so far
      }
      let left = false;
      return () => {
        if (left) return;
        left = true;
        room.members.delete(member);
        if (room.members.size > 0 || chats.get(key) !== room) return;
        chats.delete(key);
        // A disconnected socket is in no room; socket.io would send a buffered leave after reconnecting.
        if (connected) {
          if (kind === 'run') socket?.emit(CHAT_EVENTS.leave, { runId: id });
          else socket?.emit(CHAT_EVENTS.crewLeave, { crewId: id });
        }
      };
    },
  };
}

export const realtime = createRealtime(apiClient);

/**
 * Starts the socket with the first signed-in session. socket.io's code (and the contracts' schemas, which check
 * what it hears) is fetched only then: guests, who never connect, never download it.
 */
export function startRealtime(): void {
  let loading = false;
  const load = () => {
    if (loading || apiClient.getStatus() !== 'signed-in') return;
    loading = true;
    void Promise.all([import('socket.io-client'), loadContracts()]).then(([{ io }, contracts]) =>
      realtime.start(
        (auth) => io({ path: '/socket.io', autoConnect: false, transports: ['websocket'], auth }),
        { events: contracts.RealtimeEventSchemas, ack: contracts.RealtimeAckSchema },
      ),
    );
  };
  apiClient.subscribe(load);
  load();
}
