import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../lib/api-client.ts';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { ResetPasswordPage } from './reset-password.tsx';

describe('ResetPasswordPage', () => {
  it('refuses two different new passwords, then sends the token with the password and signs in', async () => {
    const user = onboardedMe();
    const { calls } = mockApi({
      'POST /api/auth/password-reset/confirm': () => jsonResponse(200, { accessToken: 'access', user }),
    });
    const { events, router } = renderWithProviders(<ResetPasswordPage />, {
      path: '/reset-password?token=tok-123',
    });
    await events.type(screen.getByLabelText('새 비밀번호'), 'fresh2run!now');
    await events.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh2run!no');
    await events.click(screen.getByRole('button', { name: '비밀번호 바꾸고 로그인' }));
    expect(await screen.findByText('새 비밀번호가 서로 달라요.')).toBeTruthy();
    expect(calls).toHaveLength(0);

    await events.type(screen.getByLabelText('새 비밀번호 확인'), 'w');
    await events.click(screen.getByRole('button', { name: '비밀번호 바꾸고 로그인' }));
    await waitFor(() => expect(apiClient.getStatus()).toBe('signed-in'));
    expect(calls.map((c) => c.body)).toEqual([{ token: 'tok-123', password: 'fresh2run!now' }]);
    expect(router.state.location.pathname).toBe('/');
    expect(
      await screen.findByText('비밀번호를 바꿨어요. 다른 기기에서는 모두 로그아웃되었어요.'),
    ).toBeTruthy();
  });

  it('turns into "ask again" when the link is expired or used', async () => {
    mockApi({
      'POST /api/auth/password-reset/confirm': () =>
        jsonResponse(400, { code: 'RESET_TOKEN_INVALID', message: 'expired' }),
    });
    const { events } = renderWithProviders(<ResetPasswordPage />, { path: '/reset-password?token=old' });
    await events.type(screen.getByLabelText('새 비밀번호'), 'fresh2run!now');
    await events.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh2run!now');
    await events.click(screen.getByRole('button', { name: '비밀번호 바꾸고 로그인' }));
    expect(await screen.findByRole('heading', { name: '링크를 쓸 수 없어요' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '재설정 메일 다시 받기' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(apiClient.getStatus()).toBe('signed-out');
  });

  it('without a token, says so at once', () => {
    mockApi({});
    renderWithProviders(<ResetPasswordPage />, { path: '/reset-password' });
    expect(screen.getByRole('alert').textContent).toContain('만료되었거나 이미 사용한 링크');
  });
});
