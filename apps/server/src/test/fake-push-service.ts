import { createDecipheriv, createECDH, type ECDH, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, type JWTPayload, jwtVerify } from 'jose';

export interface PushRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A push service on loopback: records what the server posts to each subscription endpoint and answers
 * 201, 410 for endpoints marked gone, or a 302 to another path for endpoints marked moved (every request is
 * recorded, so a test sees whether the redirect was followed). Subscriptions carry real P-256 keys so the
 * payload can be encrypted.
 * Used by the integration tests and by the browser journeys (e2e), where the browser subscribes to it.
 */
export class FakePushService {
  private server: Server | undefined;
  private base = '';
  readonly requests: PushRequest[] = [];
  readonly gone = new Set<string>();
  /** Endpoint path → where a 302 sends the caller. */
  readonly moved = new Map<string, string>();
  private readonly keys = new Map<string, { ecdh: ECDH; auth: Buffer }>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '';
        this.requests.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
        const location = this.moved.get(path);
        if (location) res.writeHead(302, { location }).end();
        else res.writeHead(this.gone.has(path) ? 410 : 201).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A browser subscription: an endpoint on this server and fresh keys (kept to decrypt, if a test wants). */
  subscription(name: string) {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.keys.set(`/push/${name}`, { ecdh, auth });
    return {
      endpoint: `${this.base}/push/${name}`,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    };
  }

  /** This server's own origin, e.g. for a redirect target. */
  get origin(): string {
    return this.base;
  }

  to(name: string): PushRequest[] {
    return this.requests.filter((r) => r.path === `/push/${name}`);
  }

  /** Decrypts an aes128gcm body as the browser would (RFC 8291 / RFC 8188, one record). */
  decrypt(request: PushRequest): string {
    const subscriber = this.keys.get(request.path);
    if (!subscriber) throw new Error(`no keys for ${request.path}`);
    const body = request.body;
    const salt = body.subarray(0, 16);
    const idLength = body.readUInt8(20);
    const senderKey = body.subarray(21, 21 + idLength);
    const record = body.subarray(21 + idLength);
    const shared = subscriber.ecdh.computeSecret(senderKey);
    const info = Buffer.concat([Buffer.from('WebPush: info\0'), subscriber.ecdh.getPublicKey(), senderKey]);
    const ikm = Buffer.from(hkdfSync('sha256', shared, subscriber.auth, info, 32));
    const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
    const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    return padded.subarray(0, padded.lastIndexOf(2)).toString('utf8');
  }

  /**
   * The sender's VAPID identity (RFC 8292): the `k=` key of `Authorization: vapid t=…, k=…` and the claims of
   * the `t=` JWT, verified (ES256) with that key; throws when the header is missing or does not verify.
   */
  async vapid(request: PushRequest): Promise<{ key: string; claims: JWTPayload }> {
    const match = /^vapid t=([\w.-]+), k=([\w-]+)$/.exec(String(request.headers.authorization));
    if (!match?.[1] || !match[2]) throw new Error(`no VAPID authorization: ${request.headers.authorization}`);
    const raw = Buffer.from(match[2], 'base64url');
    const key = await importJWK({
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
      alg: 'ES256',
    });
    const { payload } = await jwtVerify(match[1], key, { algorithms: ['ES256'] });
    return { key: match[2], claims: payload };
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
