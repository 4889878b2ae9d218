import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import webpush from 'web-push';
import type { PushEndpointProblem, PushResult, PushSender, PushTarget } from '../ports/push.ts';
import { checkEndpoint, type PushEndpointPolicy } from './push-endpoints.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

type Address = { address: string; family: number };

/**
 * A `lookup` for one request that answers only the addresses already checked: the connection goes where the
 * check looked, whatever the name resolves to by then.
 */
export function pinnedLookup(addresses: Address[]): LookupFunction {
  return (_hostname, options, callback) => {
    const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4);
    } else if (options.all) {
      (callback as unknown as (e: null, a: Address[]) => void)(null, usable);
    } else {
      const [first] = usable as [Address];
      callback(null, first.address, first.family);
    }
  };
}

/**
 * Web push with VAPID: web-push builds the signed, aes128gcm-encrypted request; node's http(s) client sends
 * it to an address the endpoint policy checked, and never follows a redirect (a 3xx is a failed delivery).
 */
export class WebPushSender implements PushSender {
  readonly publicKey: string;

  constructor(
    private readonly keys: VapidKeys,
    private readonly subject: string,
    private readonly policy: PushEndpointPolicy,
    private readonly timeoutMs = 10_000,
  ) {
    this.publicKey = keys.publicKey;
  }

  async check(endpoint: string): Promise<PushEndpointProblem | null> {
    const checked = await checkEndpoint(endpoint, this.policy);
    return checked.ok ? null : checked.problem;
  }

  async send(target: PushTarget, payload: string): Promise<PushResult> {
    const checked = await checkEndpoint(target.endpoint, this.policy);
    if (!checked.ok) {
      // A URL the rules refuse whatever DNS says (stored before them) is forgotten like a 410.
      if (checked.problem !== 'private_address' && checked.problem !== 'unresolved') return 'gone';
      throw new Error(`push endpoint refused: ${checked.problem}`);
    }
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
    const status = await this.post(checked.url, checked.addresses, details);
    if (status === 404 || status === 410) return 'gone';
    if (status < 200 || status >= 300) throw new Error(`push service answered ${status}`);
    return 'sent';
  }

  private post(
    url: URL,
    addresses: Address[],
    details: { method: string; headers: Record<string, unknown>; body?: Buffer | null },
  ): Promise<number> {
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: details.method,
          headers: details.headers as http.OutgoingHttpHeaders,
          lookup: pinnedLookup(addresses),
          agent: false,
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (response) => {
          // The answer's body is of no use; drain it so the socket closes.
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(details.body ?? undefined);
    });
  }
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
