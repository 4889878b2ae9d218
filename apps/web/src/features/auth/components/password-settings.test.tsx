import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { PasswordSettings } from './password-settings.tsx';

const fill = async (events: ReturnType<typeof renderWithProviders>['events'], current: string | null) => {
  if (current !== null) await events.type(screen.getByLabelText('현재 비밀번호'), current);
  await events.type(screen.getByLabelText('새 비밀번호'), 'fresh2run!now');
  await events.type(screen.getByLabelText('새 비밀번호 확인'), 'fresh2run!now');
};

describe('PasswordSettings', () => {
  it('shows a wrong current password on its field', async () => {
    mockApi({
      'PUT /api/me/password': () =>
        jsonResponse(400, {
          code: 'CURRENT_PASSWORD_WRONG',
          message: 'wrong',
          issues: [{ path: ['body', 'currentPassword'], code: 'custom', message: 'password.currentWrong' }],
        }),
    });
    const me = onboardedMe();
    const { events } = renderWithProviders(<PasswordSettings me={me} />, { user: me });
    await fill(events, 'not-it-1!');
    await events.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect(await screen.findByText('현재 비밀번호가 맞지 않아요.')).toBeTruthy();
    expect(screen.getByLabelText('현재 비밀번호').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for the current password before calling the server', async () => {
    const { calls } = mockApi({});
    const me = onboardedMe();
    const { events } = renderWithProviders(<PasswordSettings me={me} />, { user: me });
    await fill(events, null);
    await events.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect(await screen.findByText('비밀번호를 입력해 주세요.')).toBeTruthy();
    expect(calls.filter((c) => c.path.includes('/password'))).toHaveLength(0);
  });

  it('changes the password, says other devices are signed out, and empties the form', async () => {
    const { calls } = mockApi({ 'PUT /api/me/password': () => new Response(null, { status: 204 }) });
    const me = onboardedMe();
    const { events } = renderWithProviders(<PasswordSettings me={me} />, { user: me });
    await fill(events, 'run4fun!2026');
    await events.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect(await screen.findByText('비밀번호를 바꿨어요. 다른 기기에서는 로그아웃되었어요.')).toBeTruthy();
    expect(calls.at(-1)?.body).toEqual({ currentPassword: 'run4fun!2026', password: 'fresh2run!now' });
    expect(screen.getByLabelText('새 비밀번호')).toHaveProperty('value', '');
  });

  it('lets a Kakao/Naver-only account set a password without a current one', async () => {
    const { calls } = mockApi({ 'PUT /api/me/password': () => new Response(null, { status: 204 }) });
    const me = onboardedMe({ hasPassword: false, email: null, providers: ['kakao'] });
    const { events } = renderWithProviders(<PasswordSettings me={me} />, { user: me });
    expect(screen.getByRole('heading', { name: '비밀번호 설정' })).toBeTruthy();
    expect(screen.queryByLabelText('현재 비밀번호')).toBeNull();
    expect(screen.getByText(/비밀번호로 로그인하려면 계정에 이메일 주소가 있어야 해요/)).toBeTruthy();
    await fill(events, null);
    await events.click(screen.getByRole('button', { name: '비밀번호 설정' }));
    expect(await screen.findByText('비밀번호를 설정했어요. 다른 기기에서는 로그아웃되었어요.')).toBeTruthy();
    expect(calls.at(-1)?.body).toEqual({ password: 'fresh2run!now' });
  });
});
