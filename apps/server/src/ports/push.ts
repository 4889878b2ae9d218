/** A browser's push subscription as the Push API gives it. */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** `gone`: the push service says the subscription no longer exists (404/410); the caller forgets it. */
export type PushResult = 'sent' | 'gone';

/**
 * Why the server will not post to an endpoint: not a URL (or one with credentials), not https, a host that is
 * not a known push service, a loopback/private/link-local/… address, or a name that does not resolve.
 */
export type PushEndpointProblem =
  'invalid' | 'not_https' | 'host_not_allowed' | 'private_address' | 'unresolved';

export interface PushSender {
  /** The VAPID public key browsers subscribe with (base64url). */
  readonly publicKey: string;
  /** Whether an endpoint may be posted to (null: yes); asked when a browser subscribes. */
  check(endpoint: string): Promise<PushEndpointProblem | null>;
  /**
   * Encrypts and posts one message, to a checked address only and following no redirect; rejects on any
   * other answer than 2xx, 404 or 410 and on an endpoint `check` refuses.
   */
  send(target: PushTarget, payload: string): Promise<PushResult>;
}
