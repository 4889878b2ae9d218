import type { Session } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { SignedInDevices } from './signed-in-devices.tsx';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const session = (overrides: Partial<Session>): Session => ({
  id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  current: false,
  browser: 'Chrome',
  browserVersion: '120',
  os: 'Windows',
  osVersion: '10',
  deviceType: 'desktop',
  createdAt: '2026-12-01T09:00:00+09:00',
  lastUsedAt: minutesAgo(3),
  ip: '203.0.113.x',
  ...overrides,
});

const PHONE = session({
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  current: true,
  browser: 'Safari',
  os: 'iOS',
  osVersion: '17.1',
  deviceType: 'mobile',
  lastUsedAt: minutesAgo(0),
});
const PC = session({});

describe('signed-in devices', () => {
  it('lists devices with this one marked, when each was used, and the masked address', async () => {
    mockApi({ 'GET /api/me/sessions': () => jsonResponse(200, { items: [PHONE, PC] }) });
    renderWithProviders(<SignedInDevices />, { user: onboardedMe() });
    const list = await screen.findByRole('list', { name: '로그인된 기기' });
    const [mine, other] = within(list).getAllByRole('listitem');
    expect(within(mine as HTMLElement).getByText('Safari · iOS 17.1')).toBeTruthy();
    expect(within(mine as HTMLElement).getByText('이 기기')).toBeTruthy();
    // The device in use is signed out with "log out", not from here.
    expect(within(mine as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(other as HTMLElement).getByText('Chrome · Windows 10')).toBeTruthy();
    expect(within(other as HTMLElement).getByText('3분 전')).toBeTruthy();
    expect(within(other as HTMLElement).getByText('IP 203.0.113.x')).toBeTruthy();
    expect(within(other as HTMLElement).getByText(/2026\. 12\. 1\./)).toBeTruthy();
  });

  it('signs one device out after confirming, then reads the list again', async () => {
    let items = [PHONE, PC];
    const { calls } = mockApi({
      'GET /api/me/sessions': () => jsonResponse(200, { items }),
      [`DELETE /api/me/sessions/${PC.id}`]: () => {
        items = [PHONE];
        return new Response(null, { status: 204 });
      },
    });
    const { events } = renderWithProviders(<SignedInDevices />, { user: onboardedMe() });
    await events.click(await screen.findByRole('button', { name: 'Chrome · Windows 10 로그아웃' }));
    const dialog = await screen.findByRole('dialog', { name: '이 기기를 로그아웃할까요?' });
    expect(within(dialog).getByText(/Chrome · Windows 10에서 로그아웃돼요/)).toBeTruthy();
    await events.click(within(dialog).getByRole('button', { name: '로그아웃' }));
    expect(await screen.findByText('그 기기에서 로그아웃했어요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      `/api/me/sessions/${PC.id}`,
    ]);
    await screen.findByRole('list', { name: '로그인된 기기' });
    expect(screen.queryByText('Chrome · Windows 10')).toBeNull();
    expect(screen.queryByRole('button', { name: '다른 기기 모두 로그아웃' })).toBeNull();
  });

  it('signs out every other device; cancelling does nothing', async () => {
    const { calls } = mockApi({
      'GET /api/me/sessions': () => jsonResponse(200, { items: [PHONE, PC] }),
      'DELETE /api/me/sessions': () => new Response(null, { status: 204 }),
    });
    const { events } = renderWithProviders(<SignedInDevices />, { user: onboardedMe() });
    await events.click(await screen.findByRole('button', { name: '다른 기기 모두 로그아웃' }));
    let dialog = await screen.findByRole('dialog', { name: '다른 기기에서 모두 로그아웃할까요?' });
    await events.click(within(dialog).getByRole('button', { name: '취소' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await events.click(screen.getByRole('button', { name: '다른 기기 모두 로그아웃' }));
    dialog = await screen.findByRole('dialog', { name: '다른 기기에서 모두 로그아웃할까요?' });
    await events.click(within(dialog).getByRole('button', { name: '다른 기기 모두 로그아웃' }));
    expect(await screen.findByText('다른 기기에서 모두 로그아웃했어요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/me/sessions']);
  });

  it('says when the list cannot be loaded and tries again', async () => {
    let fail = true;
    mockApi({
      'GET /api/me/sessions': () =>
        fail
          ? jsonResponse(503, { code: 'SERVICE_UNAVAILABLE', message: 'down' })
          : jsonResponse(200, { items: [PHONE] }),
    });
    const { events } = renderWithProviders(<SignedInDevices />, { user: onboardedMe() });
    const retry = await screen.findByRole('button', { name: '다시 시도' });
    expect(screen.getByRole('alert')).toBeTruthy();
    fail = false;
    await events.click(retry);
    expect(await screen.findByText('Safari · iOS 17.1')).toBeTruthy();
  });
});
