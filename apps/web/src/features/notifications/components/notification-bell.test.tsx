import type { Notification } from '@erun/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { realtime } from '../../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe, RUN_ID } from '../../../test/fixtures.ts';
import { notificationFixture } from '../../../test/notification-fixtures.ts';
import { fakeSockets, realtimeChecks } from '../../../test/realtime.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { NotificationBell } from './notification-bell.tsx';

const me = onboardedMe();
const page =
  (items: Notification[], unreadCount: number, nextCursor: string | null = null) =>
  () =>
    jsonResponse(200, { items, nextCursor, unreadCount });

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function renderBell() {
  const rendered = renderWithProviders(<NotificationBell />, { user: me });
  const sockets = fakeSockets();
  stop = realtime.start(sockets.factory, realtimeChecks);
  return { ...rendered, socket: () => sockets.last() };
}

describe('NotificationBell', () => {
  it('shows the unread count, 99+ past 99, and follows the live count without a reload', async () => {
    // The server's count and its events agree, whenever the bell fetches it (it does again on connecting).
    let unread = 150;
    mockApi({ 'GET /api/notifications?limit=1': () => page([notificationFixture()], unread)() });
    const { socket, queryClient } = renderBell();
    const push = (count: number) => {
      unread = count;
      act(() => socket()?.serverEmit('notification:count', { unreadCount: count }));
    };
    const bell = await screen.findByRole('button', { name: '알림, 읽지 않음 99+' });
    expect(bell.textContent).toBe('99+');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    push(4);
    expect((await screen.findByRole('button', { name: '알림, 읽지 않음 4' })).textContent).toBe('4');
    const announced = () => screen.getAllByRole('status').map((region) => region.textContent);
    expect(announced()).not.toContain('읽지 않은 알림 4개'); // going down is not announced

    push(5);
    await waitFor(() => expect(announced()).toContain('읽지 않은 알림 5개'));

    push(0);
    const quiet = await screen.findByRole('button', { name: '알림' });
    expect(quiet.textContent).toBe('');

    // A new notification brings the count with it.
    unread = 1;
    act(() => socket()?.serverEmit('notification', { ...notificationFixture(), unreadCount: 1 }));
    expect((await screen.findByRole('button', { name: '알림, 읽지 않음 1' })).textContent).toBe('1');
  });

  it('opens a panel saying who did what, when; an item opens its page and is marked read', async () => {
    const joined = notificationFixture();
    const reminder = notificationFixture({
      category: 'reminder_attendance',
      actor: null,
      data: { title: '토요일 아침 한강 10K' },
      link: `/runs/${RUN_ID}/attendance`,
      read: true,
      createdAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    });
    const { calls } = mockApi({
      'GET /api/notifications?limit=1': page([joined], 1),
      'GET /api/notifications?limit=8': page([joined, reminder], 1),
      'POST /api/notifications/read': () => new Response(null, { status: 204 }),
    });
    const { events, router } = renderBell();
    await events.click(await screen.findByRole('button', { name: '알림, 읽지 않음 1' }));

    const panel = await screen.findByRole('dialog', { name: '알림' });
    expect(document.activeElement).toBe(panel);
    const first = await within(panel).findByRole('link', {
      name: /빠른토끼님이 ‘토요일 아침 한강 10K’ 러닝에 참여했어요\..*3분 전/,
    });
    expect(first.textContent).toContain('읽지 않음');
    const second = within(panel).getByRole('link', { name: /출석을 체크해 주세요.*출석 체크하기.*2시간 전/ });
    expect(second.getAttribute('href')).toBe(`/runs/${RUN_ID}/attendance`);
    expect(second.textContent).not.toContain('읽지 않음');

    await events.click(first);
    expect(router.state.location.pathname).toBe(`/runs/${RUN_ID}`);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ids: [joined.id] });
  });

  it('closes with Escape, giving focus back to the bell', async () => {
    mockApi({
      'GET /api/notifications?limit=1': page([], 0),
      'GET /api/notifications?limit=8': page([], 0),
    });
    const { events } = renderBell();
    const bell = await screen.findByRole('button', { name: '알림' });
    await events.click(bell);
    const panel = await screen.findByRole('dialog', { name: '알림' });
    await within(panel).findByText('아직 알림이 없어요');
    expect(within(panel).getByRole<HTMLButtonElement>('button', { name: '모두 읽음' }).disabled).toBe(true);

    await events.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('false');
  });

  it('"모두 읽음" marks everything read and clears the badge', async () => {
    let items = [notificationFixture(), notificationFixture({ category: 'run_left' })];
    const unread = () => items.filter((n) => !n.read).length;
    const { calls } = mockApi({
      'GET /api/notifications?limit=1': () =>
        jsonResponse(200, { items: items.slice(0, 1), nextCursor: null, unreadCount: unread() }),
      'GET /api/notifications?limit=8': () =>
        jsonResponse(200, { items, nextCursor: null, unreadCount: unread() }),
      'POST /api/notifications/read': () => {
        items = items.map((n) => ({ ...n, read: true }));
        return new Response(null, { status: 204 });
      },
    });
    const { events } = renderBell();
    await events.click(await screen.findByRole('button', { name: '알림, 읽지 않음 2' }));
    const panel = await screen.findByRole('dialog', { name: '알림' });
    expect(await within(panel).findAllByText('읽지 않음', { exact: false })).toHaveLength(2);

    await events.click(within(panel).getByRole('button', { name: '모두 읽음' }));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ all: true });
    await waitFor(() => expect(within(panel).queryAllByText('읽지 않음', { exact: false })).toHaveLength(0));
    expect(screen.getByRole('button', { name: '알림' }).textContent).toBe('');
  });

  it('fetches the latest again when a notification arrives while the panel is open', async () => {
    const first = notificationFixture();
    let items = [first];
    mockApi({
      'GET /api/notifications?limit=1': () =>
        jsonResponse(200, { items, nextCursor: null, unreadCount: items.length }),
      'GET /api/notifications?limit=8': () =>
        jsonResponse(200, { items, nextCursor: null, unreadCount: items.length }),
    });
    const { events, socket } = renderBell();
    await events.click(await screen.findByRole('button', { name: /알림/ }));
    const panel = await screen.findByRole('dialog', { name: '알림' });
    await within(panel).findByText(/참여했어요/);

    const arrived = notificationFixture({
      category: 'comment',
      data: { title: '한강 10K', commentId: null },
    });
    items = [arrived, first];
    act(() => socket()?.serverEmit('notification', { ...arrived, unreadCount: 2 }));
    await within(panel).findByText('빠른토끼님이 ‘한강 10K’에 댓글을 남겼어요.');
  });
});
