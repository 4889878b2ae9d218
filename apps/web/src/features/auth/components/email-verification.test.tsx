import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderApp, renderWithProviders } from '../../../test/render.tsx';
import { resetResendCooldown } from '../hooks/use-resend-verification.ts';
import { EmailSettings } from './email-settings.tsx';

const TOKEN = 'k3J9dQ2xV7bN1mP4sT6wY8zA0cE5gH2jL4nR6tU8vX0';
const unverified = onboardedMe({ emailVerified: false, email: 'runner@example.com' });
const emptyPage = () => jsonResponse(200, { items: [], nextCursor: null });
const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

afterEach(() => {
  window.sessionStorage.clear();
  resetResendCooldown();
});

describe('the verification banner', () => {
  it('asks a signed-in unverified user to verify, resends with a cooldown and can be closed', async () => {
    const { calls } = mockApi({
      'GET /api/courses*': emptyPage,
      'POST /api/auth/email-verification': () =>
        jsonResponse(202, { email: unverified.email, resendAt: inAMinute() }),
    });
    const { events } = renderApp('/courses', { user: unverified });
    const banner = await screen.findByRole('complementary', { name: '이메일 인증 안내' });
    expect(banner.textContent).toContain('이메일 인증을 완료해 주세요');
    expect(banner.textContent).toContain('runner@example.com(으)로 보낸 메일의 링크를 눌러 주세요.');

    await events.click(within(banner).getByRole('button', { name: '다시 보내기' }));
    expect(
      await within(banner).findByText('runner@example.com(으)로 인증 메일을 다시 보냈어요.'),
    ).toBeTruthy();
    const cooling = within(banner).getByRole('button', { name: /다시 보내기 \(\d+초\)/ });
    expect((cooling as HTMLButtonElement).disabled).toBe(true);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    await events.click(within(banner).getByRole('button', { name: '이메일 인증 안내 닫기' }));
    expect(screen.queryByRole('complementary', { name: '이메일 인증 안내' })).toBeNull();
    expect(window.sessionStorage.getItem('erun.verifyBanner.dismissed')).toBe('1');
  });

  it('says how long to wait when the server refuses another mail', async () => {
    mockApi({
      'GET /api/courses*': emptyPage,
      'POST /api/auth/email-verification': () =>
        jsonResponse(429, { code: 'RATE_LIMITED', message: 'Too many' }, { 'Retry-After': '45' }),
    });
    const { events } = renderApp('/courses', { user: unverified });
    const banner = await screen.findByRole('complementary', { name: '이메일 인증 안내' });
    await events.click(within(banner).getByRole('button', { name: '다시 보내기' }));
    expect(await within(banner).findByText('요청이 너무 많습니다. 45초 후 다시 시도해 주세요.')).toBeTruthy();
    const cooling = within(banner).getByRole<HTMLButtonElement>('button', { name: /다시 보내기 \(\d+초\)/ });
    expect(cooling.disabled).toBe(true);
  });

  // The account's banners arrive together (a chunk of their own): a suspension's banner says they are in.
  const suspended = { kind: 'suspended', until: '2099-12-20T03:00:00.000Z', reason: null } as const;

  it('is not shown to a verified user', async () => {
    mockApi({ 'GET /api/courses*': emptyPage });
    renderApp('/courses', { user: onboardedMe({ restriction: suspended }) });
    await screen.findByRole('complementary', { name: '계정 이용 제한 안내' });
    expect(screen.queryByRole('complementary', { name: '이메일 인증 안내' })).toBeNull();
  });

  it('stays closed for the rest of the session once closed', async () => {
    mockApi({ 'GET /api/courses*': emptyPage });
    window.sessionStorage.setItem('erun.verifyBanner.dismissed', '1');
    renderApp('/courses', { user: { ...unverified, restriction: suspended } });
    await screen.findByRole('complementary', { name: '계정 이용 제한 안내' });
    expect(screen.queryByRole('complementary', { name: '이메일 인증 안내' })).toBeNull();
  });
});

describe('/verify-email', () => {
  it('verifies on a device that is not signed in and takes the token out of the address', async () => {
    const { calls } = mockApi({
      'POST /api/auth/email-verification/confirm': () => new Response(null, { status: 204 }),
    });
    const { router } = renderApp(`/verify-email?token=${TOKEN}`);
    expect(await screen.findByText('이메일 인증이 완료되었어요')).toBeTruthy();
    expect(calls).toEqual([expect.objectContaining({ body: { token: TOKEN } })]);
    expect(router.state.location.search).toBe('');
    expect(screen.getByRole('link', { name: '로그인하기' }).getAttribute('href')).toBe('/login');
  });

  it('explains a used or expired link and offers a new mail to a signed-in user', async () => {
    const { calls } = mockApi({
      'POST /api/auth/email-verification/confirm': () =>
        jsonResponse(400, { code: 'VERIFICATION_TOKEN_INVALID', message: 'invalid' }),
      'POST /api/auth/email-verification': () =>
        jsonResponse(202, { email: unverified.email, resendAt: inAMinute() }),
    });
    const { events } = renderApp(`/verify-email?token=${TOKEN}`, { user: unverified });
    expect(await screen.findByText('인증하지 못했어요')).toBeTruthy();
    expect(
      screen.getByText('링크가 만료되었거나 이미 사용되었어요. 인증 메일을 다시 받아 주세요.'),
    ).toBeTruthy();
    // The page itself offers the resend: the banner stays away.
    expect(screen.queryByRole('complementary', { name: '이메일 인증 안내' })).toBeNull();
    await events.click(screen.getByRole('button', { name: '인증 메일 다시 받기' }));
    expect(await screen.findByText('runner@example.com(으)로 인증 메일을 다시 보냈어요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/auth/email-verification/confirm',
      '/api/auth/email-verification',
    ]);
  });

  it('asks a visitor who is not signed in to sign in for a new mail', async () => {
    mockApi({
      'POST /api/auth/email-verification/confirm': () =>
        jsonResponse(400, { code: 'VERIFICATION_TOKEN_INVALID', message: 'invalid' }),
    });
    renderApp(`/verify-email?token=${TOKEN}`);
    expect(await screen.findByText('로그인하면 인증 메일을 다시 받을 수 있어요.')).toBeTruthy();
    expect(screen.getByRole('link', { name: '로그인하기' }).getAttribute('href')).toBe(
      '/login?next=%2Fme%2Fsettings',
    );
  });

  it('says a link without a token is not valid, without calling the server', () => {
    const { calls } = mockApi({});
    renderApp('/verify-email');
    expect(
      screen.getByText('인증 링크가 올바르지 않아요. 메일에 있는 링크를 다시 눌러 주세요.'),
    ).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});

describe('the email settings', () => {
  it('shows the address as unverified and changes it after the password, explaining what is pending', async () => {
    const { calls } = mockApi({
      'PUT /api/me/email': () => jsonResponse(202, { email: 'new@example.com', resendAt: inAMinute() }),
    });
    const { events } = renderWithProviders(<EmailSettings me={unverified} />, { user: unverified });
    expect(screen.getByText('미인증')).toBeTruthy();
    expect(screen.getByRole('button', { name: '다시 보내기' })).toBeTruthy();

    await events.click(screen.getByRole('button', { name: '이메일 변경' }));
    expect(document.activeElement).toBe(screen.getByLabelText('새 이메일'));
    await events.type(screen.getByLabelText('새 이메일'), 'new@example.com');
    await events.type(screen.getByLabelText('현재 비밀번호'), 'run4fun!2026');
    await events.click(screen.getByRole('button', { name: '인증 메일 보내기' }));

    expect(
      await screen.findByText(
        'new@example.com(으)로 인증 메일을 보냈어요. 메일의 링크를 누르면 이메일이 바뀌어요. 그 전까지는 지금 주소(runner@example.com)를 그대로 사용해요.',
      ),
    ).toBeTruthy();
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: '/api/me/email',
        body: { email: 'new@example.com', currentPassword: 'run4fun!2026' },
      }),
    ]);
  });

  it('puts a wrong password and a taken address beside their fields', async () => {
    let attempt = 0;
    mockApi({
      'PUT /api/me/email': () =>
        ++attempt === 1
          ? jsonResponse(400, {
              code: 'VALIDATION_FAILED',
              message: 'wrong',
              issues: [
                { path: ['body', 'currentPassword'], code: 'custom', message: 'account.passwordIncorrect' },
              ],
            })
          : jsonResponse(409, { code: 'EMAIL_TAKEN', message: 'taken' }),
    });
    const me = onboardedMe();
    const { events } = renderWithProviders(<EmailSettings me={me} />, { user: me });
    expect(screen.getByText('인증됨')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '다시 보내기' })).toBeNull();
    await events.click(screen.getByRole('button', { name: '이메일 변경' }));
    await events.type(screen.getByLabelText('새 이메일'), 'new@example.com');
    await events.type(screen.getByLabelText('현재 비밀번호'), 'wrong-one1');
    await events.click(screen.getByRole('button', { name: '인증 메일 보내기' }));
    expect(await screen.findByText('비밀번호가 올바르지 않아요.')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '인증 메일 보내기' }));
    expect(await screen.findByText('이미 가입된 이메일이에요.')).toBeTruthy();
  });

  it('lets an account without a password (Kakao only) add an address without asking one', async () => {
    const { calls } = mockApi({
      'PUT /api/me/email': () => jsonResponse(202, { email: 'kakao@example.com', resendAt: inAMinute() }),
    });
    const me = onboardedMe({ email: null, emailVerified: false, hasPassword: false, providers: ['kakao'] });
    const { events } = renderWithProviders(<EmailSettings me={me} />, { user: me });
    expect(screen.getByText('등록된 이메일이 없어요.')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '이메일 등록' }));
    expect(screen.queryByLabelText('현재 비밀번호')).toBeNull();
    await events.type(screen.getByLabelText('새 이메일'), 'kakao@example.com');
    await events.click(screen.getByRole('button', { name: '인증 메일 보내기' }));
    await waitFor(() => expect(calls[0]?.body).toEqual({ email: 'kakao@example.com' }));
  });
});

describe('the language of a signed-in account', () => {
  it('is stored when the language is switched', async () => {
    const me = onboardedMe();
    const { calls } = mockApi({
      'GET /api/courses*': emptyPage,
      'PATCH /api/me': () => jsonResponse(200, me),
    });
    const { events } = renderApp('/courses', { user: me });
    await events.click(screen.getAllByRole('button', { name: 'EN (English)' })[0] as HTMLElement);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
        path: '/api/me',
        body: { locale: 'en' },
      }),
    );
  });
});
