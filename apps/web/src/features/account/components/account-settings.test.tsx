import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/render.tsx';

const connections = (overrides: Record<string, unknown> = {}) => ({
  hasPassword: true,
  email: 'runner@example.com',
  providers: [],
  available: { kakao: true, naver: false },
  ...overrides,
});

describe('account settings', () => {
  it('shows sign-in methods for configured providers only, and never offers to drop the last one', async () => {
    mockApi({
      'GET /api/me/connections': () =>
        jsonResponse(200, connections({ hasPassword: false, email: null, providers: ['kakao'] })),
    });
    renderApp('/me/settings', { user: onboardedMe({ hasPassword: false, providers: ['kakao'] }) });
    const list = await screen.findByRole('list', { name: '로그인 방법' });
    expect(within(list).getByText('카카오')).toBeTruthy();
    expect(within(list).queryByText('네이버')).toBeNull();
    const unlink = within(list).getByRole('button', { name: '카카오 계정 연결 해제' });
    expect((unlink as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/로그인할 방법이 하나뿐이라/)).toBeTruthy();
  });

  it('deleting: explains what happens, refuses a wrong password, then signs out and goes home', async () => {
    let attempts = 0;
    const { calls } = mockApi({
      'GET /api/me/connections': () => jsonResponse(200, connections()),
      'DELETE /api/me': () => {
        attempts += 1;
        return attempts === 1
          ? jsonResponse(400, {
              code: 'VALIDATION_FAILED',
              message: 'The password is not correct',
              issues: [{ path: ['body', 'password'], code: 'custom', message: 'account.passwordIncorrect' }],
            })
          : new Response(null, { status: 204 });
      },
      'GET /api/*': () => jsonResponse(200, { items: [], nextCursor: null }),
    });
    const { events, router } = renderApp('/me/settings', { user: onboardedMe({ hasPassword: true }) });
    await events.click(await screen.findByRole('button', { name: '회원 탈퇴' }));
    const dialog = await screen.findByRole('dialog', { name: '정말 탈퇴할까요?' });
    expect(within(dialog).getByText(/내가 만든 앞으로의 러닝은 모두 취소되고/)).toBeTruthy();
    expect(within(dialog).getByText(/‘탈퇴한 사용자’로 표시돼요/)).toBeTruthy();

    const confirm = within(dialog).getByRole('button', { name: '탈퇴하기' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await events.type(within(dialog).getByLabelText('확인을 위해 비밀번호를 입력해 주세요'), 'wrong');
    await events.click(confirm);
    expect(await within(dialog).findByText('비밀번호가 올바르지 않아요.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me/settings');

    await events.click(confirm);
    expect(await screen.findByText('탈퇴했어요. 그동안 함께 달려 주셔서 고마워요.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.body)).toEqual([
      { password: 'wrong' },
      { password: 'wrong' },
    ]);
  });

  // The server closes the account's sockets as it deletes it; the realtime client then asks for a fresh token,
  // the refresh is refused (the account is gone) and the session ends. That sign-out may arrive before the
  // DELETE's own answer, or right after it: either way the deletion, not the login guard, decides where we go.
  it.each([
    ['before the answer', 'before'],
    ['together with the answer', 'together'],
  ] as const)(
    'deleting: the sign-out it causes arriving %s does not send the user to the login page',
    async (_, order) => {
      let answer: ((response: Response) => void) | undefined;
      mockApi({
        'GET /api/me/connections': () => jsonResponse(200, connections()),
        'DELETE /api/me': () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
        'POST /api/auth/refresh': () => jsonResponse(401, { code: 'UNAUTHENTICATED', message: 'No session' }),
        'GET /api/*': () => jsonResponse(200, { items: [], nextCursor: null }),
      });
      const { events, router } = renderApp('/me/settings', { user: onboardedMe({ hasPassword: true }) });
      const visited: string[] = [];
      router.subscribe((state) => visited.push(state.location.pathname));
      await events.click(await screen.findByRole('button', { name: '회원 탈퇴' }));
      const dialog = await screen.findByRole('dialog', { name: '정말 탈퇴할까요?' });
      await events.type(within(dialog).getByLabelText('확인을 위해 비밀번호를 입력해 주세요'), 'my-password');
      await events.click(within(dialog).getByRole('button', { name: '탈퇴하기' }));
      await waitFor(() => expect(answer).toBeDefined());

      if (order === 'before') {
        await act(() => apiClient.refreshAccessToken());
        expect(apiClient.getStatus()).toBe('signed-out');
        // Still on the page, the dialog waiting for the answer.
        expect(router.state.location.pathname).toBe('/me/settings');
        expect(screen.getByRole('dialog', { name: '정말 탈퇴할까요?' })).toBeTruthy();
        await act(async () => answer?.(new Response(null, { status: 204 })));
      } else {
        await act(async () => {
          answer?.(new Response(null, { status: 204 }));
          await apiClient.refreshAccessToken();
        });
      }

      expect(await screen.findByText('탈퇴했어요. 그동안 함께 달려 주셔서 고마워요.')).toBeTruthy();
      await waitFor(() => expect(router.state.location.pathname).toBe('/'));
      expect(visited).not.toContain('/login');
      expect(apiClient.getStatus()).toBe('signed-out');
      // Home reached, the guard is itself again: a signed-in page sends this signed-out visitor to log in.
      await act(() => router.navigate('/me'));
      await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    },
  );
});
