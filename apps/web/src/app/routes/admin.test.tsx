import { screen, waitFor, within } from '@testing-library/react';
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

const REPORT = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const COMMENT = '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c';
const CREW = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const RUN = '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e';
const item = {
  targetType: 'comment',
  targetId: COMMENT,
  content: { title: null, text: '너 같은 건 뛰지 마', link: `/runs/${RUN}`, hidden: false, removed: false },
  subject: { id: TARGET, nickname: '문제러너' },
  crew: { id: CREW, name: '반포 달빛 러너스' },
  reports: [
    {
      id: REPORT,
      reason: 'harassment',
      note: '모욕적이에요',
      status: 'open',
      reporter: { id: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', nickname: '신고한러너' },
      createdAt: '2026-12-06T09:00:00.000Z',
    },
  ],
  openCount: 1,
  firstReportedAt: '2026-12-06T09:00:00.000Z',
  actions: [],
};
const queuePage = (canActOnAccounts: boolean, items: unknown[] = [item]) => ({
  items,
  nextCursor: null,
  canActOnAccounts,
});

describe('/admin', () => {
  it('shows the report queue with the content in context; hiding it posts the decision with its reason', async () => {
    const { calls } = mockApi({
      'GET /api/admin/audit*': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/admin/reports*': () => jsonResponse(200, queuePage(true)),
      [`POST /api/admin/reports/${REPORT}/actions`]: () =>
        jsonResponse(201, { ...ENTRY, action: 'hide', targetType: 'comment', reportId: REPORT }),
    });
    const { events } = renderApp('/admin', { user: onboardedMe({ role: 'moderator' }) });
    const queue = await screen.findByRole('region', { name: '신고 대기열' });
    const card = await within(queue).findByRole('article', { name: /댓글/ });
    expect(within(card).getByText('너 같은 건 뛰지 마')).toBeTruthy();
    expect(within(card).getByText(/반포 달빛 러너스/)).toBeTruthy();
    expect(within(card).getByText(/괴롭힘·욕설/)).toBeTruthy();
    expect(within(card).getByText(/신고한러너/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: '원래 자리에서 보기' }).getAttribute('href')).toBe(
      `/runs/${RUN}`,
    );
    // Submitting without a choice says what is missing and sends nothing.
    await events.type(within(card).getByLabelText('사유'), '욕설');
    await events.click(within(card).getByRole('button', { name: '조치하기' }));
    expect(await within(card).findByText('처리 방법을 골라 주세요.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    await events.click(within(card).getByRole('radio', { name: '숨기기' }));
    await events.click(within(card).getByRole('button', { name: '조치하기' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ action: 'hide', reason: '욕설' });
    expect(within(card).getByRole('radio', { name: '작성자 이용 제한' })).toBeTruthy();
  });

  it('a crew’s staff see their crew’s queue without who reported, and no account actions', async () => {
    const staffItem = { ...item, reports: [{ ...item.reports[0], reporter: null }] };
    const { calls } = mockApi({
      'GET /api/admin/reports*': () => jsonResponse(200, queuePage(false, [staffItem])),
    });
    renderApp(`/admin?crew=${CREW}`, { user: onboardedMe() });
    const queue = await screen.findByRole('region', { name: '신고 대기열' });
    const card = await within(queue).findByRole('article', { name: /댓글/ });
    expect(within(card).queryByText(/신고한러너/)).toBeNull();
    expect(within(card).getByRole('radio', { name: '숨기기' })).toBeTruthy();
    expect(within(card).queryByRole('radio', { name: '작성자 이용 제한' })).toBeNull();
    expect(calls.find((c) => c.path.startsWith('/api/admin/reports'))?.path).toContain(`crewId=${CREW}`);
    expect(screen.getByRole('heading', { level: 1, name: '크루 신고 관리' })).toBeTruthy();
  });

  it('pages the audit log past its first 50 entries', async () => {
    const { calls } = mockApi({
      'GET /api/admin/reports*': () => jsonResponse(200, queuePage(true, [])),
      'GET /api/admin/audit*': (request) =>
        request.path.includes('cursor=next-page')
          ? jsonResponse(200, { items: [{ ...ENTRY, id: REPORT, reason: '오래된 경고' }], nextCursor: null })
          : jsonResponse(200, { items: [ENTRY], nextCursor: 'next-page' }),
    });
    const { events } = renderApp('/admin', { user: onboardedMe({ role: 'admin' }) });
    const log = await screen.findByRole('region', { name: '감사 로그' });
    await events.click(await within(log).findByRole('button', { name: '더 보기' }));
    expect(await within(log).findByText(/오래된 경고/)).toBeTruthy();
    expect(within(log).getByText(/채팅 예절을 지켜 주세요/)).toBeTruthy();
    expect(within(log).queryByRole('button', { name: '더 보기' })).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/admin/audit'))).toHaveLength(2);
  });

  it('lists disputes the hosts left open, and a moderator accepts one', async () => {
    const dispute = {
      runId: RUN,
      userId: TARGET,
      note: '끝까지 같이 달렸어요. 사진도 있어요.',
      status: 'escalated',
      createdAt: '2026-12-01T12:00:00.000Z',
      resolvedAt: null,
      run: {
        id: RUN,
        title: '반포 야간 10K',
        startsAt: '2026-12-01T11:00:00.000Z',
        host: { id: CREW, nickname: '달빛크루장' },
      },
      user: { id: TARGET, nickname: '문제러너' },
    };
    const { calls } = mockApi({
      'GET /api/admin/audit*': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/admin/reports*': () => jsonResponse(200, queuePage(true, [])),
      'GET /api/admin/disputes': () => jsonResponse(200, { items: [dispute] }),
      [`POST /api/admin/disputes/${RUN}/${TARGET}`]: () =>
        jsonResponse(200, { ...dispute, status: 'accepted', resolvedAt: '2026-12-06T10:00:00.000Z' }),
    });
    const { events } = renderApp('/admin', { user: onboardedMe({ role: 'moderator' }) });
    const section = await screen.findByRole('region', { name: '출석 이의' });
    const card = await within(section).findByRole('article', { name: /반포 야간 10K/ });
    expect(within(card).getByText('끝까지 같이 달렸어요. 사진도 있어요.')).toBeTruthy();
    expect(within(card).getByText(/문제러너님 · 크루장 달빛크루장/)).toBeTruthy();
    await events.click(within(card).getByRole('button', { name: '인정 (출석으로)' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ decision: 'accept' });
  });

  it('an empty queue says so', async () => {
    mockApi({
      'GET /api/admin/audit*': () => jsonResponse(200, { items: [], nextCursor: null }),
      'GET /api/admin/reports*': () => jsonResponse(200, queuePage(true, [])),
    });
    renderApp('/admin', { user: onboardedMe({ role: 'admin' }) });
    expect(await screen.findByText('처리할 신고가 없어요.')).toBeTruthy();
  });

  it('a moderator reads the audit log, finds a user by address and suspends them with a reason', async () => {
    const { calls } = mockApi({
      'GET /api/admin/audit*': () => jsonResponse(200, { items: [ENTRY], nextCursor: null }),
      'GET /api/admin/reports*': () => jsonResponse(200, queuePage(true, [])),
      'GET /api/admin/disputes': () => jsonResponse(200, { items: [] }),
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
