import { randomUUID } from 'node:crypto';
import type { AuthResponse } from '@erun/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface TestUser extends AuthResponse {
  email: string;
  password: string;
  /** The refresh cookie as a `Cookie` header value. */
  cookie: string;
}

export function uniqueEmail(): string {
  return `runner-${randomUUID().slice(0, 8)}@example.com`;
}

export function refreshCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'erun_refresh');
  return cookie && cookie.value !== '' ? `erun_refresh=${cookie.value}` : undefined;
}

export async function newUser(
  app: FastifyInstance,
  overrides: Partial<{ email: string; nickname: string }> = {},
) {
  const email = overrides.email ?? uniqueEmail();
  const password = 'run4fun!2026';
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { email, password, nickname: overrides.nickname ?? '테스트러너' },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const cookie = refreshCookieOf(response);
  if (!cookie) throw new Error('signup set no refresh cookie');
  return { ...response.json<AuthResponse>(), email, password, cookie } satisfies TestUser;
}

export function bearer(user: { accessToken: string }) {
  return { authorization: `Bearer ${user.accessToken}` };
}
