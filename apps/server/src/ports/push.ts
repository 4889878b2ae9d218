/** A browser's push subscription as the Push API gives it. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** `gone`: the push service says the subscription no longer exists (404/410); the caller forgets it. */
export type PushResult = 'sent' | 'gone';

export interface PushSender {
  /** The VAPID public key browsers subscribe with (base64url). */
  readonly publicKey: string;
  /** Encrypts and posts one message; rejects on any other failure. */
  send(target: PushTarget, payload: string): Promise<PushResult>;
}
