import type { Attendance, MyAttendance, RunDisputes } from '@erun/contracts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/render.tsx';

const RUNNER = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const runner = onboardedMe({ id: RUNNER, nickname: '비러너' });
const host = onboardedMe({ id: HOST_ID, nickname: '한강크루장' });

const absentMine = (overrides: Partial<MyAttendance> = {}): MyAttendance => ({
  runId: RUN_ID,
  present: false,
  disputeClosesAt: '2026-12-07T08:30:00+09:00',
  canDispute: true,
  dispute: null,
  ...overrides,
});

describe('dispute of an absent mark (run page)', () => {
  it('an absent runner sends a note within the window, then sees the status', async () => {
    let mine = absentMine();
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () =>
        jsonResponse(200, runFixture({ myStatus: 'joined', joinState: 'started' })),
      [`GET /api/runs/${RUN_ID}/attendance/me`]: () => jsonResponse(200, mine),
      [`POST /api/runs/${RUN_ID}/attendance/disputes`]: (call) => {
        const note = (call.body as { note: string }).note;
        mine = absentMine({
          canDispute: false,
          dispute: {
            runId: RUN_ID,
            userId: RUNNER,
            note,
            status: 'open',
            createdAt: '2026-12-05T10:00:00+09:00',
            resolvedAt: null,
          },
        });
        return jsonResponse(201, mine.dispute);
      },
    });
    const { events } = renderApp(`/runs/${RUN_ID}`, { user: runner });

    expect(await screen.findByRole('heading', { name: '불참으로 기록되었어요 — 이의 제기' })).toBeTruthy();
    expect(screen.getByText(/까지 이의를 제기할 수 있어요/)).toBeTruthy();
    const note = screen.getByRole('textbox', { name: '이의 제기 내용' });
    await events.click(screen.getByRole('button', { name: '이의 제기하기' }));
    expect(await screen.findByText('두 글자 이상 적어 주세요.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await events.type(note, '7시 정각에 도착해서 함께 달렸어요');
    await events.click(screen.getByRole('button', { name: '이의 제기하기' }));
    expect(await screen.findByText('이의 제기를 보냈어요. 크루장이 확인하고 있어요.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ note: '7시 정각에 도착해서 함께 달렸어요' });
  });

  it('says when the window has closed, and shows nothing to a runner marked present', async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () =>
        jsonResponse(200, runFixture({ myStatus: 'joined', joinState: 'started' })),
      [`GET /api/runs/${RUN_ID}/attendance/me`]: () => jsonResponse(200, absentMine({ canDispute: false })),
    });
    renderApp(`/runs/${RUN_ID}`, { user: runner });
    expect(await screen.findByText(/이의 제기 기간\(.*까지\)이 지났어요/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '이의 제기하기' })).toBeNull();
  });
});

describe('disputes on the attendance page (host)', () => {
  const sheet: Attendance = {
    runId: RUN_ID,
    opensAt: '2026-12-05T06:30:00+09:00',
    closesAt: '2026-12-07T08:30:00+09:00',
    absentOpensAt: '2026-12-05T07:00:00+09:00',
    editable: true,
    absentEditable: true,
    participants: [{ id: RUNNER, nickname: '비러너', avatar: null, present: false, reviewed: false }],
    present: [],
    absent: [RUNNER],
  };

  it('shows the note, accepts with 인정, and shows each runner’s record', async () => {
    let disputes: RunDisputes = {
      items: [
        {
          runId: RUN_ID,
          userId: RUNNER,
          note: '늦게 도착했지만 함께 달렸어요',
          status: 'open',
          createdAt: '2026-12-05T10:00:00+09:00',
          resolvedAt: null,
          user: { id: RUNNER, nickname: '비러너', avatar: null },
        },
      ],
    };
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture({ canManage: true })),
      [`GET /api/runs/${RUN_ID}/attendance`]: () => jsonResponse(200, sheet),
      [`GET /api/runs/${RUN_ID}/attendance/disputes`]: () => jsonResponse(200, disputes),
      [`GET /api/runs/${RUN_ID}/reliability`]: () =>
        jsonResponse(200, {
          items: [
            { userId: RUNNER, joined: 13, present: 12, absent: 1, lateCancellations: 0, attendanceRate: 92 },
          ],
        }),
      [`PATCH /api/runs/${RUN_ID}/attendance/disputes/${RUNNER}`]: () => {
        disputes = {
          items: disputes.items.map((d) => ({
            ...d,
            status: 'accepted',
            resolvedAt: '2026-12-05T12:00:00+09:00',
          })),
        };
        return jsonResponse(200, disputes.items[0]);
      },
    });
    const { events } = renderApp(`/runs/${RUN_ID}/attendance`, { user: host });

    expect(await screen.findByRole('heading', { name: '불참 이의 제기' })).toBeTruthy();
    expect(screen.getByText('늦게 도착했지만 함께 달렸어요')).toBeTruthy();
    expect(await screen.findByText('출석률 92% · 노쇼 1')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '비러너님의 이의 제기 인정' }));
    await waitFor(() => expect(screen.getByText('인정함 — 출석으로 바뀌었어요')).toBeTruthy());
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ decision: 'accept' });
    expect(screen.queryByRole('button', { name: '비러너님의 이의 제기 거절' })).toBeNull();
  });

  it('an escalated dispute shows 운영팀 확인 중, without 인정 / 거절', async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture({ canManage: true })),
      [`GET /api/runs/${RUN_ID}/attendance`]: () => jsonResponse(200, sheet),
      [`GET /api/runs/${RUN_ID}/attendance/disputes`]: () =>
        jsonResponse(200, {
          items: [
            {
              runId: RUN_ID,
              userId: RUNNER,
              note: '늦게 도착했지만 함께 달렸어요',
              status: 'escalated',
              createdAt: '2026-12-05T10:00:00+09:00',
              resolvedAt: null,
              user: { id: RUNNER, nickname: '비러너', avatar: null },
            },
          ],
        } satisfies RunDisputes),
      [`GET /api/runs/${RUN_ID}/reliability`]: () => jsonResponse(200, { items: [] }),
    });
    renderApp(`/runs/${RUN_ID}/attendance`, { user: host });
    expect(await screen.findByText('운영팀 확인 중')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '비러너님의 이의 제기 인정' })).toBeNull();
    expect(screen.queryByRole('button', { name: '비러너님의 이의 제기 거절' })).toBeNull();
  });
});
