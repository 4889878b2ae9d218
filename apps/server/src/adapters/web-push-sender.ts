import webpush from 'web-push';
import type { PushResult, PushSender, PushTarget } from '../ports/push.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * Web push with VAPID: web-push builds the signed, aes128gcm-encrypted request; fetch sends it (web-push's
 * own sender speaks https only, and tests point subscriptions at a loopback http server).
 */
export class WebPushSender implements PushSender {
  readonly publicKey: string;

  constructor(
    private readonly keys: VapidKeys,
    private readonly subject: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.publicKey = keys.publicKey;
  }

  async send(target: PushTarget, payload: string): Promise<PushResult> {
    const details = webpush.generateRequestDetails(target, payload, {
      vapidDetails: {
        subject: this.subject,
        publicKey: this.keys.publicKey,
        privateKey: this.keys.privateKey,
      },
      TTL: 24 * 3600,
      contentEncoding: 'aes128gcm',
      urgency: 'high',
    });
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ?? undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 404 || response.status === 410) return 'gone';
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`push service answered ${response.status}`);
    }
    return 'sent';
  }
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
