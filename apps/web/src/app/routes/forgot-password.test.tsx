import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

describe('/forgot-password', () => {
  it('is reached from the login page and offers a reset by email or by phone, with the keyboard', async () => {
    mockApi({});
    const { events, router } = renderApp('/login');
    await events.click(await screen.findByRole('link', { name: '비밀번호를 잊으셨나요?' }));
    expect(router.state.location.pathname).toBe('/forgot-password');
    expect(screen.getByRole('heading', { level: 1, name: '비밀번호 찾기' })).toBeTruthy();

    const email = screen.getByRole('tab', { name: '이메일로 찾기' });
    expect(email.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('이메일')).toBeTruthy();
    email.focus();
    await events.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: '휴대폰으로 찾기' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('휴대폰 번호')).toBeTruthy();
  });

  it('after a reset by phone, the signed-in runner lands home and is told the other devices were signed out', async () => {
    const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
    mockApi({
      'POST /api/auth/password-reset/phone': () =>
        jsonResponse(202, { resendAt: soon(60_000), expiresAt: soon(180_000) }),
      'POST /api/auth/password-reset/phone/confirm': () =>
        jsonResponse(200, { accessToken: 'access', user: onboardedMe() }),
    });
    const { events, router } = renderApp('/forgot-password');
    await events.click(await screen.findByRole('tab', { name: '휴대폰으로 찾기' }));
    await events.type(screen.getByLabelText('휴대폰 번호'), '010-1234-5678');
    await events.click(screen.getByRole('button', { name: '인증번호 받기' }));
    await events.type(await screen.findByLabelText('인증번호 6자리'), '654321');
    await events.type(screen.getByLabelText('새 비밀번호'), 'fresh2run!now');
    await events.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh2run!now');
    await events.click(screen.getByRole('button', { name: '비밀번호 바꾸기' }));
    // The guest-only page leaves as soon as the session starts; the notice must still come.
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(
      await screen.findByText('비밀번호를 바꿨어요. 다른 기기에서는 모두 로그아웃되었어요.'),
    ).toBeTruthy();
  });
});
