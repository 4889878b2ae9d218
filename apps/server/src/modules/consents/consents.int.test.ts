import {
  CONSENT_VERSIONS,
  type ConsentState,
  type ErrorBody,
  type Me,
  REQUIRED_CONSENTS,
} from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, runBody, SIGNUP_CONSENTS, uniqueEmail } from '../../test/factories.ts';
import { FakeOAuthProvider } from '../../test/fake-oauth-provider.ts';
import { createOAuthTestApp, signInThroughProvider } from '../../test/oauth-test-app.ts';
import type { TestApp } from '../../test/test-app.ts';

const kakao = new FakeOAuthProvider('kakao', 'kakao-client', 'kakao-secret');
let t: TestApp;

beforeAll(async () => {
  t = await createOAuthTestApp([kakao]);
});
afterAll(() => t.close());

const signup = (consents: unknown, email = uniqueEmail()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { email, password: 'run4fun!2026', nickname: '동의러너', consents },
  });
const me = async (who: { accessToken: string }) =>
  (await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(who) })).json<Me>();
const accept = (who: { accessToken: string }, body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/me/consents', headers: bearer(who), payload: body as object });

async function rowsOf(userId: string) {
  const result = await t.database.executeSql(
    'select document, version, granted from user_consents where user_id = $1 order by created_at, document',
    [userId],
  );
  return result.rows as { document: string; version: string; granted: boolean }[];
}

/** A new Kakao user (start → provider → callback → refresh): signed in, never asked to consent. */
async function kakaoUser(id: number): Promise<{ accessToken: string; userId: string }> {
  kakao.nextUser = { id, nickname: '카카오러너' };
  const { accessToken } = await signInThroughProvider(t.app, 'kakao');
  return { accessToken, userId: (await me({ accessToken })).id };
}

describe('sign-up consents', () => {
  it.each(REQUIRED_CONSENTS)(
    'refuses a sign-up without %s: 400 naming it, and no account is made',
    async (doc) => {
      const email = uniqueEmail();
      for (const value of [undefined, false]) {
        const response = await signup({ ...SIGNUP_CONSENTS, [doc]: value }, email);
        expect(response.statusCode).toBe(400);
        const body = response.json<ErrorBody>();
        expect(body.code).toBe('VALIDATION_FAILED');
        const issue = body.issues?.find((i) => i.path.join('.') === `body.consents.${doc}`);
        expect(issue?.message).toBe(`consent.${doc}Required`);
      }
      // The address is still free: nothing was written.
      expect((await signup(SIGNUP_CONSENTS, email)).statusCode).toBe(201);
    },
  );

  it('refuses a sign-up without any consents object', async () => {
    const response = await signup(undefined);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.some((i) => i.path.includes('consents'))).toBe(true);
  });

  it('records each document with its current version, marketing included, with the account', async () => {
    const response = await signup({ ...SIGNUP_CONSENTS, marketingEmail: true });
    expect(response.statusCode).toBe(201);
    const { user } = response.json<{ user: Me }>();
    expect(user.consentsRequired).toEqual([]);
    const rows = await rowsOf(user.id);
    expect(rows).toEqual(
      expect.arrayContaining([
        { document: 'terms', version: CONSENT_VERSIONS.terms, granted: true },
        { document: 'privacy', version: CONSENT_VERSIONS.privacy, granted: true },
        { document: 'age14', version: '1', granted: true },
        { document: 'marketing_email', version: '1', granted: true },
        { document: 'marketing_sms', version: '1', granted: false },
      ]),
    );
    expect(rows).toHaveLength(5);
  });

  it('makes neither the account nor its consents when the address is taken', async () => {
    const first = await newUser(t.app);
    const before = await t.database.executeSql('select count(*)::int as n from user_consents', []);
    expect((await signup(SIGNUP_CONSENTS, first.email)).statusCode).toBe(409);
    const after = await t.database.executeSql('select count(*)::int as n from user_consents', []);
    expect(after.rows).toEqual(before.rows);
  });
});

describe('GET/POST /api/me/consents', () => {
  it('a new Kakao account must consent; accepting clears consentsRequired', async () => {
    const user = await kakaoUser(7_100_001);
    expect((await me(user)).consentsRequired).toEqual(['terms', 'privacy', 'age14']);
    const partly = await accept(user, { accept: ['terms', 'privacy'] });
    expect(partly.statusCode).toBe(200);
    expect(partly.json<ConsentState>().required).toEqual(['age14']);
    const done = await accept(user, { accept: ['age14'], marketingSms: true });
    expect(done.json<ConsentState>()).toMatchObject({
      required: [],
      marketingSms: { granted: true },
      marketingEmail: { granted: false, at: null },
    });
    expect((await me(user)).consentsRequired).toEqual([]);
  });

  it('asks again when a required version changes (an older version accepted only)', async () => {
    const user = await newUser(t.app);
    await t.database.executeSql("delete from user_consents where user_id = $1 and document = 'privacy'", [
      user.user.id,
    ]);
    await t.database.executeSql(
      "insert into user_consents (user_id, document, version, granted) values ($1, 'privacy', '2020-01-01', true)",
      [user.user.id],
    );
    expect((await me(user)).consentsRequired).toEqual(['privacy']);
    const state = await t.app.inject({ method: 'GET', url: '/api/me/consents', headers: bearer(user) });
    expect(state.json<ConsentState>().required).toEqual(['privacy']);
    expect((await accept(user, { accept: ['privacy'] })).json<ConsentState>().required).toEqual([]);
    expect((await me(user)).consentsRequired).toEqual([]);
  });

  it('records each marketing toggle as a new row and shows the latest with its time', async () => {
    const user = await newUser(t.app);
    await accept(user, { marketingEmail: true });
    const off = await accept(user, { marketingEmail: false });
    const state = off.json<ConsentState>();
    expect(state.marketingEmail.granted).toBe(false);
    expect(state.marketingEmail.at).not.toBeNull();
    const email = (await rowsOf(user.user.id)).filter((r) => r.document === 'marketing_email');
    expect(email.map((r) => r.granted)).toEqual([false, true, false]);
    expect(state.accepted.map((a) => a.document).sort()).toEqual(['age14', 'privacy', 'terms']);
  });

  it('refuses unknown documents, marketing in accept, duplicates and extra fields', async () => {
    const user = await newUser(t.app);
    for (const body of [
      { accept: ['cookies'] },
      { accept: ['marketing_email'] },
      { accept: ['terms', 'terms'] },
      { accept: [], extra: 1 },
      { marketingEmail: 'yes' },
    ]) {
      const response = await accept(user, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('requires a signed-in user', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/consents' })).statusCode).toBe(401);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/me/consents',
      payload: { accept: ['terms'] },
    });
    expect(post.statusCode).toBe(401);
  });
});

describe('the write gate', () => {
  it('refuses writes with 403 CONSENT_REQUIRED until accepted, but lets the user read, accept and leave', async () => {
    const user = await kakaoUser(7_100_002);
    const createRun = () =>
      t.app.inject({ method: 'POST', url: '/api/runs', headers: bearer(user), payload: runBody() });
    const refused = await createRun();
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('CONSENT_REQUIRED');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(user),
      payload: { bio: 'hi' },
    });
    expect(patch.json<ErrorBody>().code).toBe('CONSENT_REQUIRED');
    // Reads, the export and signing out everywhere still work.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/runs', headers: bearer(user) })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/me/export', headers: bearer(user) })).statusCode,
    ).toBe(200);
    await accept(user, { accept: [...REQUIRED_CONSENTS] });
    expect((await createRun()).statusCode).toBe(201);
  });

  it('lets a user who has not consented delete the account', async () => {
    const user = await kakaoUser(7_100_003);
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(user),
      payload: { confirm: '카카오러너' },
    });
    expect(response.statusCode).toBe(204);
    expect(await rowsOf(user.userId)).toEqual([]);
  });

  it('gates again after a version change, for a user who once accepted', async () => {
    const user = await newUser(t.app);
    await t.database.executeSql("delete from user_consents where user_id = $1 and document = 'terms'", [
      user.user.id,
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(user),
      payload: runBody(),
    });
    expect(refused.json<ErrorBody>().code).toBe('CONSENT_REQUIRED');
  });
});

describe('export and deletion', () => {
  it('the export lists every consent decision with its version and time', async () => {
    const user = await newUser(t.app);
    const response = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: bearer(user) });
    const data = JSON.parse(response.body) as {
      consents: { document: string; version: string; at: string }[];
    };
    expect(data.consents.map((c) => c.document).sort()).toEqual([
      'age14',
      'marketing_email',
      'marketing_sms',
      'privacy',
      'terms',
    ]);
    expect(data.consents.find((c) => c.document === 'terms')?.version).toBe(CONSENT_VERSIONS.terms);
  });
});
