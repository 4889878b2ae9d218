import type { BlockedUser } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { AUTHOR_ID, onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { BlockUserButton } from './block-user-button.tsx';
import { BlockedUsers } from './blocked-users.tsx';

const LIST = 'GET /api/me/blocks?limit=100';
const blocked = (id: string, nickname: string): BlockedUser => ({
  user: { id, nickname, avatar: null },
  blockedAt: '2026-12-01T09:00:00+09:00',
});
const A = blocked('0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', '밤러너');
const B = blocked('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '새벽러너');

describe('the block list on /me/settings', () => {
  it('lists the users I blocked with when, and unblocks one', async () => {
    let items = [A, B];
    const { calls } = mockApi({
      [LIST]: () => jsonResponse(200, { items, nextCursor: null }),
      [`DELETE /api/me/blocks/${A.user.id}`]: () => {
        items = [B];
        return new Response(null, { status: 204 });
      },
    });
    const { events } = renderWithProviders(<BlockedUsers />, { user: onboardedMe() });
    const list = await screen.findByRole('list', { name: '차단한 사용자' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByText(/러너$/).textContent)).toEqual(['밤러너', '새벽러너']);
    expect(within(rows[0] as HTMLElement).getByText(/2026년 12월 1일/)).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '밤러너 님 차단 해제' }));
    expect(await screen.findByText('밤러너 님의 차단을 해제했어요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/api/me/blocks/${A.user.id}`,
    ]);
    await screen.findByRole('button', { name: '새벽러너 님 차단 해제' });
    expect(screen.queryByText('밤러너')).toBeNull();
  });

  it('says so when nobody is blocked', async () => {
    mockApi({ [LIST]: () => jsonResponse(200, { items: [], nextCursor: null }) });
    renderWithProviders(<BlockedUsers />, { user: onboardedMe() });
    expect(await screen.findByText('차단한 사용자가 없어요')).toBeTruthy();
  });

  it('shows the loading line, then an error with a retry that reads again', async () => {
    let fail = true;
    mockApi({
      [LIST]: () =>
        fail
          ? jsonResponse(500, { code: 'INTERNAL_ERROR', message: 'x' })
          : jsonResponse(200, { items: [A], nextCursor: null }),
    });
    const { events } = renderWithProviders(<BlockedUsers />, { user: onboardedMe() });
    expect(screen.getByText('차단 목록을 불러오는 중이에요').getAttribute('role')).toBe('status');
    const retry = await screen.findByRole('button', { name: '다시 불러오기' }, { timeout: 5000 });
    fail = false;
    await events.click(retry);
    expect(await screen.findByText('밤러너')).toBeTruthy();
  });
});

describe('차단하기 on a profile', () => {
  it('explains blocking in a dialog, blocks once confirmed, then offers 차단 해제', async () => {
    let state = { blocked: false, blockedAt: null as string | null };
    const { calls } = mockApi({
      [`GET /api/me/blocks/${AUTHOR_ID}`]: () => jsonResponse(200, state),
      [`PUT /api/me/blocks/${AUTHOR_ID}`]: () => {
        state = { blocked: true, blockedAt: '2026-12-06T10:00:00+09:00' };
        return new Response(null, { status: 204 });
      },
    });
    const { events } = renderWithProviders(<BlockUserButton userId={AUTHOR_ID} nickname="밤러너" />, {
      user: onboardedMe(),
    });
    await events.click(await screen.findByRole('button', { name: '밤러너 님 차단하기' }));
    const dialog = await screen.findByRole('dialog', { name: '밤러너 님을 차단할까요?' });
    expect(within(dialog).getByText(/내가 여는 러닝과 내가 운영하는 크루에 참여할 수 없어요/)).toBeTruthy();
    expect(within(dialog).getByText(/상대에게는 알리지 않으며/)).toBeTruthy();
    await events.click(within(dialog).getByRole('button', { name: '차단하기' }));
    expect(await screen.findByText('밤러너 님을 차단했어요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([
      `/api/me/blocks/${AUTHOR_ID}`,
    ]);
    expect(await screen.findByRole('button', { name: '밤러너 님 차단 해제' })).toBeTruthy();
  });

  it('cancelling the dialog blocks nobody', async () => {
    const { calls } = mockApi({
      [`GET /api/me/blocks/${AUTHOR_ID}`]: () => jsonResponse(200, { blocked: false, blockedAt: null }),
    });
    const { events } = renderWithProviders(<BlockUserButton userId={AUTHOR_ID} nickname="밤러너" />, {
      user: onboardedMe(),
    });
    await events.click(await screen.findByRole('button', { name: '밤러너 님 차단하기' }));
    const dialog = await screen.findByRole('dialog', { name: '밤러너 님을 차단할까요?' });
    await events.click(within(dialog).getByRole('button', { name: '취소' }));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
