import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const TARGET = '3d2a8f6e-1c4b-4e7a-9f0d-5b6c7d8e9f01';
const ENTRY = {
  id: '8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  action: 'warn',
  targetType: 'user',
  targetId: TARGET,
  actor: { id: '7f1c0a52-3b8e-4c41-9a0e-0d6c2b5e9f10', nickname: '달리는곰' },
  subject: { id: TARGET, nickname: '문제러너' },
  reportId: null,
  crewId: null,
  reason: '채팅 예절을 지켜 주세요',
  days: null,
  createdAt: '2026-12-06T10:00:00.000Z',
};
const history = {
  user: {
    id: TARGET,
    nickname: '문제러너',
    email: 'trouble@example.com',
    role: 'user',
    restriction: null,
    deleted: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  actions: [ENTRY],
  reports: [],
};

describe('/admin', () => {
  it('a moderator reads the audit log, finds a user by address and suspends them with a reason', async () => {
    const { calls } = mockApi({
      'GET /api/admin/audit*': () => jsonResponse(200, { items: [ENTRY], nextCursor: null }),
      'GET /api/admin/users?*': () => jsonResponse(200, { id: TARGET, nickname: '문제러너' }),
      [`GET /api/admin/users/${TARGET}/history`]: () => jsonResponse(200, history),
      [`POST /api/admin/users/${TARGET}/actions`]: () =>
        jsonResponse(201, { ...ENTRY, action: 'suspend', days: 7, reason: '반복된 욕설' }),
    });
    const { events } = renderApp('/admin', { user: onboardedMe({ role: 'moderator' }) });
    const log = await screen.findByRole('region', { name: '감사 로그' });
    expect(await within(log).findByText(/채팅 예절을 지켜 주세요/)).toBeTruthy();

    await events.type(screen.getByLabelText('이메일 또는 사용자 ID'), 'trouble@example.com');
    await events.click(screen.getByRole('button', { name: '찾기' }));
    const panel = await screen.findByRole('region', { name: '문제러너님' });
    await events.selectOptions(within(panel).getByLabelText('조치'), 'suspend');
    await events.clear(within(panel).getByLabelText('제한 기간(일, 1–365)'));
    await events.type(within(panel).getByLabelText('제한 기간(일, 1–365)'), '7');
    await events.type(within(panel).getByLabelText('사유'), '반복된 욕설');
    await events.click(within(panel).getByRole('button', { name: '조치하기' }));
    await screen.findByRole('region', { name: '문제러너님' });
    const posted = calls.find((c) => c.method === 'POST');
    expect(posted?.body).toEqual({ action: 'suspend', reason: '반복된 욕설', days: 7 });
  });

  it('a plain user is told it is for moderators, and nothing is asked of the server', async () => {
    const { calls } = mockApi({});
    renderApp('/admin', { user: onboardedMe() });
    expect(await screen.findByText('운영자만 할 수 있어요.')).toBeTruthy();
    expect(calls.filter((c) => c.path.includes('/api/admin'))).toEqual([]);
  });
});
