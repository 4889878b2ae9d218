import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SensMessage {
  type: string;
  from: string;
  content: string;
  to: string;
  /** Whether x-ncp-apigw-signature-v2 matched what this server recomputed from the secret key. */
  signatureValid: boolean;
}

/**
 * Naver Cloud SENS on loopback. It recomputes the v2 signature itself (independently of the adapter's
 * code) and answers 401 to a bad one, like the real gateway; good messages are kept for the test to read.
 */
export class FakeSens {
  private server: Server | undefined;
  readonly messages: SensMessage[] = [];
  rejected = 0;

  constructor(
    readonly serviceId: string,
    readonly accessKey: string,
    readonly secretKey: string,
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const timestamp = String(req.headers['x-ncp-apigw-timestamp'] ?? '');
        const expected = createHmac('sha256', this.secretKey)
          .update(`${req.method ?? ''} ${req.url ?? ''}\n${timestamp}\n${this.accessKey}`)
          .digest('base64');
        const signatureValid =
          req.headers['x-ncp-apigw-signature-v2'] === expected &&
          req.headers['x-ncp-iam-access-key'] === this.accessKey &&
          Math.abs(Date.now() - Number(timestamp)) < 5 * 60_000;
        if (req.method !== 'POST' || req.url !== `/sms/v2/services/${this.serviceId}/messages`) {
          res.writeHead(404).end();
          return;
        }
        if (!signatureValid) {
          this.rejected++;
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"signature"}');
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          type: string;
          from: string;
          content: string;
          messages: { to: string }[];
        };
        for (const m of body.messages) {
          this.messages.push({
            type: body.type,
            from: body.from,
            content: body.content,
            to: m.to,
            signatureValid,
          });
        }
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: '202', statusName: 'success', requestId: 'fake' }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The 6-digit code in the last message to a number. */
  codeFor(to: string): string | undefined {
    const last = this.messages.filter((m) => m.to === to).at(-1);
    return /인증번호 (\d{6})/.exec(last?.content ?? '')?.[1];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
