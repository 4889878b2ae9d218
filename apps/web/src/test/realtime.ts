import { RealtimeAckSchema, RealtimeEventSchemas } from '@erun/contracts';
import type { RealtimeChecks, RealtimeSocket, SocketFactory } from '../lib/realtime.ts';

/** What `realtime.start` checks the server's events and answers with (the app loads them with socket.io). */
export const realtimeChecks: RealtimeChecks = { events: RealtimeEventSchemas, ack: RealtimeAckSchema };

type Listener = (...args: never[]) => void;
type Ack = (answer: unknown) => void;

/**
 * A socket.io client socket in memory: tests play the server with `serverEmit`, `answer`, `refuseNext` and
 * `drop`.
 */
export class FakeSocket implements RealtimeSocket {
  /** Every event sent, with its payload (acknowledgement callbacks left out). */
  readonly emitted: [string, ...unknown[]][] = [];
  /** Events sent with an acknowledgement the server has not answered yet, oldest first. */
  readonly awaitingAck: { event: string; payload: unknown; ack: Ack }[] = [];
  readonly tokens: (string | null)[] = [];
  connected = false;
  /** Whether the next handshake is refused as UNAUTHENTICATED. */
  refuseNext = false;
  private readonly listeners = new Map<string, Listener[]>();
  private readonly any: ((event: string, ...args: unknown[]) => void)[] = [];
  /** Emitted while disconnected: sent on the next connection. */
  private readonly buffered: [string, unknown, Ack | undefined][] = [];

  constructor(private readonly auth: Parameters<SocketFactory>[0]) {}

  connect() {
    this.auth(({ token }) => this.tokens.push(token));
    if (this.refuseNext) {
      this.refuseNext = false;
      this.fire('connect_error', new Error('UNAUTHENTICATED'));
      return;
    }
    this.connected = true;
    // As socket.io-client does: what was emitted while disconnected goes out first, then 'connect' fires.
    for (const [event, payload, ack] of this.buffered.splice(0)) this.emit(event, payload, ack);
    this.fire('connect');
  }

  disconnect() {
    this.connected = false;
    this.awaitingAck.length = 0;
  }

  emit(event: string, payload: unknown, ack?: Ack) {
    if (!this.connected) {
      this.buffered.push([event, payload, ack]);
      return;
    }
    this.emitted.push([event, payload]);
    if (ack) this.awaitingAck.push({ event, payload, ack });
  }

  /** The server answers the oldest unanswered `event` that asked for an acknowledgement. */
  answer(event: string, answer: unknown) {
    const index = this.awaitingAck.findIndex((sent) => sent.event === event);
    const [sent] = index >= 0 ? this.awaitingAck.splice(index, 1) : [];
    if (!sent) throw new Error(`no ${event} awaits an answer`);
    sent.ack(answer);
  }

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  onAny(listener: (event: string, ...args: unknown[]) => void) {
    this.any.push(listener);
  }

  /** The server sends an event to this socket. */
  serverEmit(event: string, payload: unknown) {
    this.any.forEach((listener) => listener(event, payload));
  }

  /** The server drops the socket, as it does when the access token expires. */
  drop() {
    this.connected = false;
    // A dropped socket never hears the answers it was waiting for.
    this.awaitingAck.length = 0;
    this.fire('disconnect', 'io server disconnect');
  }

  private fire(event: string, ...args: unknown[]) {
    (this.listeners.get(event) ?? []).forEach((listener) => (listener as (...a: unknown[]) => void)(...args));
  }
}

/** A socket factory that keeps every socket it made; the last one is the live one. */
export function fakeSockets() {
  const sockets: FakeSocket[] = [];
  const factory: SocketFactory = (auth) => {
    const socket = new FakeSocket(auth);
    sockets.push(socket);
    return socket;
  };
  return { factory, sockets, last: () => sockets.at(-1) };
}
