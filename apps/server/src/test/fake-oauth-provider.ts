import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  id: string | number;
  nickname?: string;
}

interface Grant {
  user: FakeUser;
  challenge: string | null;
  redirectUri: string;
}

/**
 * A stand-in for Kakao or Naver on loopback: authorize redirects straight back with a code, the token
 * endpoint checks the client secret, redirect URI and (for PKCE) the verifier, and user info answers in the
 * provider's own shape.
 */
export class FakeOAuthProvider {
  private server: Server | undefined;
  private readonly grants = new Map<string, Grant>();
  private readonly tokens = new Map<string, FakeUser>();
  /** The user the next authorization signs in as. */
  nextUser: FakeUser = { id: 1 };
  tokenRequests: URLSearchParams[] = [];

  constructor(
    readonly shape: 'kakao' | 'naver',
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage) {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/authorize') return this.authorize(url.searchParams);
    if (url.pathname === '/token' && req.method === 'POST') return this.token(await formOf(req));
    if (url.pathname === '/me') return this.me(req.headers.authorization);
    return json(404, { error: 'not_found' });
  }

  private authorize(q: URLSearchParams) {
    if (q.get('client_id') !== this.clientId || q.get('response_type') !== 'code')
      return json(400, { error: 'bad' });
    const code = randomUUID();
    const redirectUri = q.get('redirect_uri') ?? '';
    this.grants.set(code, { user: this.nextUser, challenge: q.get('code_challenge'), redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', q.get('state') ?? '');
    return { status: 302, headers: { location: back.toString() }, body: '' };
  }

  private token(form: URLSearchParams) {
    this.tokenRequests.push(form);
    const grant = this.grants.get(form.get('code') ?? '');
    this.grants.delete(form.get('code') ?? '');
    const secretOk =
      form.get('client_id') === this.clientId && form.get('client_secret') === this.clientSecret;
    const verifier = form.get('code_verifier') ?? '';
    const pkceOk =
      grant?.challenge == null ||
      createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
    if (!grant || !secretOk || !pkceOk || form.get('redirect_uri') !== grant.redirectUri) {
      return json(400, { error: 'invalid_grant' });
    }
    const accessToken = randomUUID();
    this.tokens.set(accessToken, grant.user);
    return json(200, { access_token: accessToken, token_type: 'bearer', expires_in: 3600 });
  }

  private me(authorization: string | undefined) {
    const user = this.tokens.get(authorization?.replace(/^Bearer /, '') ?? '');
    if (!user) return json(401, { msg: 'invalid token' });
    return this.shape === 'kakao'
      ? json(200, { id: user.id, kakao_account: { profile: { nickname: user.nickname } } })
      : json(200, {
          resultcode: '00',
          message: 'success',
          response: { id: String(user.id), nickname: user.nickname },
        });
  }
}

function json(status: number, body: unknown) {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}
