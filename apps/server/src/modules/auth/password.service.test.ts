import { describe, expect, it } from 'vitest';
import type { Me } from '@erun/contracts';
import { RateLimitedError } from '../../lib/errors.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import { FakeUnitOfWork, fakeOf } from '../../test/fake-unit-of-work.ts';
import type { MailService } from '../mail/mail.service.ts';
import type { PhoneService } from '../phone/phone.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { AccountTokensRepository, NewAccountToken } from './account-tokens.repository.ts';
import type { AuthRepository, UserRow } from './auth.repository.ts';
import type { AuthService } from './auth.service.ts';
import { PasswordService } from './password.service.ts';

// Who may be mailed a reset link and who is told nothing, and that the answer is the same for all; the
// flows themselves (single use, expiry, sessions, races) are the integration tests' job.

const NOW = new Date('2026-12-06T09:00:00+09:00');

function user(overrides: Partial<UserRow> = {}): UserRow {
  return fakeOf<UserRow>({
    id: 'u1',
    email: 'runner@example.com',
    emailVerifiedAt: NOW,
    passwordHash: '$argon2id$…',
    nickname: '달리는곰',
    locale: 'en',
    deletedAt: null,
    ...overrides,
  });
}

function setup(
  found: UserRow | undefined,
  sendCode: PhoneService['sendCode'] = async () => ({ expiresAt: '', resendAt: '' }),
) {
  const uow = new FakeUnitOfWork();
  const tokens: NewAccountToken[] = [];
  const mails: { to: string; template: string; locale: string }[] = [];
  const service = new PasswordService(
    fakeOf<AccountTokensRepository>({
      replace: async (_tx: Tx, token: NewAccountToken) => void tokens.push(token),
    }),
    fakeOf<AuthRepository>({ findUserByEmail: async () => found }),
    {
      auth: fakeOf<AuthService>({}),
      users: fakeOf<UsersService>({
        getMe: async () => fakeOf<Me>({ email: found?.email ?? null }),
      }),
      phone: fakeOf<PhoneService>({ ownerOfVerified: async () => found?.id ?? null, sendCode }),
      mail: fakeOf<MailService>({
        enqueue: async (_tx, mail) =>
          void mails.push({ to: mail.to, template: mail.template, locale: mail.locale }),
      }),
      clock: { now: () => NOW },
      uow,
    },
  );
  return { service, tokens, mails, uow };
}

describe('PasswordService.requestByEmail', () => {
  it('mails a verified address of an account with a password, in its language, storing only a hash', async () => {
    const { service, tokens, mails } = setup(user());
    const answer = await service.requestByEmail('runner@example.com');
    expect(answer).toEqual({ resendAt: new Date(NOW.getTime() + 60_000).toISOString() });
    expect(mails).toEqual([{ to: 'runner@example.com', template: 'password_reset', locale: 'en' }]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ userId: 'u1', purpose: 'password_reset', email: 'runner@example.com' });
    expect(tokens[0]?.expiresAt).toEqual(new Date(NOW.getTime() + 30 * 60_000));
    expect(tokens[0]?.tokenHash).toMatch(/^[\w-]{43}$/);
  });

  it.each([
    ['an unknown address', undefined],
    ['an unverified address', user({ emailVerifiedAt: null })],
    ['an account without a password (Kakao/Naver only)', user({ passwordHash: null })],
    ['a deleted account', user({ deletedAt: NOW })],
  ])('answers the same to %s and mails nothing', async (_case, found) => {
    const { service, tokens, mails } = setup(found);
    expect(await service.requestByEmail('runner@example.com')).toEqual({
      resendAt: new Date(NOW.getTime() + 60_000).toISOString(),
    });
    expect(tokens).toEqual([]);
    expect(mails).toEqual([]);
  });
});

describe('PasswordService.requestByPhone', () => {
  const expected = {
    expiresAt: new Date(NOW.getTime() + 3 * 60_000).toISOString(),
    resendAt: new Date(NOW.getTime() + 60_000).toISOString(),
  };

  it('keeps the phone module’s own limits silent, so a known number answers as an unknown one', async () => {
    let asked = 0;
    const { service } = setup(user(), async () => {
      asked += 1;
      throw new RateLimitedError(3600);
    });
    expect(await service.requestByPhone('01012345678', '10.0.0.1')).toEqual(expected);
    expect(asked).toBe(1);
    expect(await setup(undefined).service.requestByPhone('01012345678', '10.0.0.1')).toEqual(expected);
  });

  it('texts no code for an account without an email (a password would not sign it in)', async () => {
    let asked = 0;
    const { service } = setup(user({ email: null }), async () => {
      asked += 1;
      return { expiresAt: '', resendAt: '' };
    });
    expect(await service.requestByPhone('01012345678', '10.0.0.1')).toEqual(expected);
    expect(asked).toBe(0);
  });

  it('lets an unexpected failure through (a bug is not hidden as a neutral answer)', async () => {
    const { service } = setup(user(), async () => {
      throw new Error('boom');
    });
    await expect(service.requestByPhone('01012345678', '10.0.0.1')).rejects.toThrow('boom');
  });
});
