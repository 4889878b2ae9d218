import { CodeChallengeMethod, OAuth2Client, OAuth2Tokens } from 'arctic';
import { NICKNAME, type OAuthProvider } from '@erun/contracts';
import type { Env } from '../../config/env.ts';
import type { ProviderProfile } from './auth.service.ts';

export interface OAuthProviderConfig {
  provider: OAuthProvider;
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  /** Kakao accepts PKCE; Naver does not. */
  pkce: boolean;
}

export function oauthConfigsFrom(env: Env): OAuthProviderConfig[] {
  const configs: OAuthProviderConfig[] = [];
  if (env.KAKAO_CLIENT_ID) {
    configs.push({
      provider: 'kakao',
      clientId: env.KAKAO_CLIENT_ID,
      clientSecret: env.KAKAO_CLIENT_SECRET ?? '',
      authorizeUrl: env.KAKAO_AUTHORIZE_URL,
      tokenUrl: env.KAKAO_TOKEN_URL,
      userinfoUrl: env.KAKAO_USERINFO_URL,
      pkce: true,
    });
  }
  if (env.NAVER_CLIENT_ID && env.NAVER_CLIENT_SECRET) {
    configs.push({
      provider: 'naver',
      clientId: env.NAVER_CLIENT_ID,
      clientSecret: env.NAVER_CLIENT_SECRET,
      authorizeUrl: env.NAVER_AUTHORIZE_URL,
      tokenUrl: env.NAVER_TOKEN_URL,
      userinfoUrl: env.NAVER_USERINFO_URL,
      pkce: false,
    });
  }
  return configs;
}

/** The authorization-code flow against one provider; endpoints come from config so tests can run a fake. */
export class OAuthProviderClient {
  private readonly client: OAuth2Client;

  constructor(
    readonly config: OAuthProviderConfig,
    private readonly redirectUri: string,
  ) {
    this.client = new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  }

  authorizationUrl(state: string, codeVerifier: string): URL {
    const { authorizeUrl, pkce } = this.config;
    return pkce
      ? this.client.createAuthorizationURLWithPKCE(
          authorizeUrl,
          state,
          CodeChallengeMethod.S256,
          codeVerifier,
          [],
        )
      : this.client.createAuthorizationURL(authorizeUrl, state, []);
  }

  /** Kakao and Naver take the client secret in the form body (client_secret_post), not Basic auth. */
  async exchange(code: string, codeVerifier: string): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri,
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
    });
    if (this.config.pkce) body.set('code_verifier', codeVerifier);
    const response = await fetch(this.config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const json: unknown = await response.json();
    if (!response.ok || typeof json !== 'object' || json === null || 'error' in json) {
      throw new Error(`token exchange failed with status ${response.status}`);
    }
    return new OAuth2Tokens(json).accessToken();
  }

  async profile(accessToken: string): Promise<ProviderProfile> {
    const response = await fetch(this.config.userinfoUrl, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`user info failed with status ${response.status}`);
    const json = (await response.json()) as Record<string, unknown>;
    return this.config.provider === 'kakao' ? kakaoProfile(json) : naverProfile(json);
  }
}

function kakaoProfile(json: Record<string, unknown>): ProviderProfile {
  const account = json.kakao_account as { profile?: { nickname?: unknown } } | undefined;
  const properties = json.properties as { nickname?: unknown } | undefined;
  return {
    provider: 'kakao',
    providerUserId: requireId(json.id),
    nickname: fitNickname(account?.profile?.nickname ?? properties?.nickname),
  };
}

function naverProfile(json: Record<string, unknown>): ProviderProfile {
  const response = json.response as { id?: unknown; nickname?: unknown } | undefined;
  return {
    provider: 'naver',
    providerUserId: requireId(response?.id),
    nickname: fitNickname(response?.nickname),
  };
}

function requireId(id: unknown): string {
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') {
    throw new Error('provider returned no user id');
  }
  return String(id);
}

/** A provider nickname that fits our rules, or a placeholder the user replaces during onboarding. */
export function fitNickname(raw: unknown): string {
  const cleaned = typeof raw === 'string' ? raw.replace(/[^\p{L}\p{N}_.\- ]/gu, '').trim() : '';
  const nickname = [...cleaned].slice(0, NICKNAME.max).join('').trim();
  if ([...nickname].length >= NICKNAME.min) return nickname;
  return `러너${Math.floor(1000 + Math.random() * 9000)}`;
}
