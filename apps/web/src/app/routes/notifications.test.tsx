import type { Notification } from '@erun/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe } from '../../test/fixtures.ts';
import { notificationFixture } from '../../test/notification-fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();
const body = (items: Notification[], unreadCount: number, nextCursor: string | null = null) =>
  jsonResponse(200, { items, nextCursor, unreadCount });

describe('NotificationsPage', () => {
  it('sends guests to the login page', async () => {
    mockApi({});
    const { router } = renderApp('/notifications');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });

  it('pages with "더 보기" and marks one read', async () => {
    let first = [notificationFixture(), notificationFixture({ category: 'run_left', read: true })];
    const second = [notificationFixture({ category: 'run_cancelled', actor: null, read: true })];
    const { calls } = mockApi({
      'GET /api/notifications?limit=1': () => body(first.slice(0, 1), 1),
      'GET /api/notifications?limit=20': () => body(first, 1, 'CURSOR'),
      'GET /api/notifications?limit=20&cursor=CURSOR': () => body(second, 1),
      'POST /api/notifications/read': () => {
        first = first.map((n) => ({ ...n, read: true }));
        return new Response(null, { status: 204 });
      },
    });
    const { events } = renderApp('/notifications', { user: me });
    expect(await screen.findByRole('heading', { level: 1, name: '알림' })).toBeDefined();
    const list = (await screen.findByText(/러닝 참여를 취소했어요/)).closest('ul') as HTMLElement;
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    await events.click(screen.getByRole('button', { name: '더 보기' }));
    await screen.findByText('‘토요일 아침 한강 10K’ 러닝이 취소되었어요.');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: '더 보기' })).toBeNull();

    await events.click(within(list).getByRole('button', { name: '읽음으로 표시' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ids: [first[0]?.id] });
    await waitFor(() => expect(within(list).queryByRole('button', { name: '읽음으로 표시' })).toBeNull());
  });

  it('says when there is nothing yet', async () => {
    mockApi({ 'GET /api/notifications?limit=*': () => body([], 0) });
    renderApp('/notifications', { user: me });
    expect(await screen.findByText('아직 알림이 없어요')).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '모두 읽음' }).disabled).toBe(true);
  });

  it('shows an error with a retry that works', async () => {
    let fail = true;
    mockApi({
      'GET /api/notifications?limit=1': () => body([], 0),
      'GET /api/notifications?limit=20': () =>
        fail
          ? jsonResponse(500, { code: 'INTERNAL_ERROR', message: 'boom' })
          : body([notificationFixture()], 1),
    });
    const { events } = renderApp('/notifications', { user: me });
    expect(await screen.findByText('알림을 불러오지 못했어요.')).toBeDefined();
    fail = false;
    await events.click(screen.getByRole('button', { name: '다시 시도' }));
    expect(await screen.findByText(/러닝에 참여했어요/)).toBeDefined();
  });
});
