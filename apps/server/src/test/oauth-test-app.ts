import type { FastifyInstance } from 'fastify';
import type { FakeOAuthProvider } from './fake-oauth-provider.ts';
import { refreshCookieOf } from './factories.ts';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.ts';

/** The env that points a provider's client at its fake (KAKAO_* or NAVER_*), given where the fake listens. */
function providerEnv(provider: FakeOAuthProvider, url: string): Record<string, string> {
  const p = provider.shape.toUpperCase();
  return {
    [`${p}_CLIENT_ID`]: provider.clientId,
    [`${p}_CLIENT_SECRET`]: provider.clientSecret,
    [`${p}_AUTHORIZE_URL`]: `${url}/authorize`,
    [`${p}_TOKEN_URL`]: `${url}/token`,
    [`${p}_USERINFO_URL`]: `${url}/me`,
  };
}

/**
 * Starts the fake providers and a test app that signs in through them (PUBLIC_URL set, as the redirect URIs
 * need). `close()` of the app it returns also stops the providers.
 */
export async function createOAuthTestApp(
  providers: FakeOAuthProvider[],
  options: TestAppOptions = {},
): Promise<TestApp> {
  const urls = await Promise.all(providers.map((p) => p.start()));
  const env = Object.assign(
    { PUBLIC_URL: 'http://localhost:3000' },
    ...providers.map((p, i) => providerEnv(p, urls[i] ?? '')),
    options.env,
  ) as Record<string, string>;
  const t = await createTestApp({ ...options, env });
  return {
    ...t,
    close: async () => {
      await t.close();
      await Promise.all(providers.map((p) => p.stop()));
    },
  };
}

/**
 * The login flow through a fake provider (start → provider → callback → refresh), as a browser would follow
 * it: the signed-in user's access token.
 */
export async function signInThroughProvider(
  app: FastifyInstance,
  provider: 'kakao' | 'naver',
): Promise<{ accessToken: string }> {
  const start = await app.inject({ method: 'GET', url: `/api/auth/${provider}/start` });
  const state = start.cookies.find((c) => c.name === 'erun_oauth');
  const atProvider = await fetch(start.headers.location as string, { redirect: 'manual' });
  const callback = new URL(atProvider.headers.get('location') ?? '');
  const signedIn = await app.inject({
    method: 'GET',
    url: callback.pathname + callback.search,
    headers: { cookie: `erun_oauth=${state?.value}` },
  });
  const refresh = await app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    headers: { cookie: refreshCookieOf(signedIn) ?? '' },
    payload: {},
  });
  return { accessToken: refresh.json<{ accessToken: string }>().accessToken };
}
