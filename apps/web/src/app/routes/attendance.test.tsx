import type { Attendance } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const host = onboardedMe({ id: HOST_ID, nickname: '한강크루장' });
const B = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const C = '0c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const D = '0d1e2f3a-4b5c-4d6e-8f7a-1b2c3d4e5f6a';

function attendance(overrides: Partial<Attendance> = {}): Attendance {
  return {
    runId: RUN_ID,
    opensAt: '2026-12-05T06:30:00+09:00',
    closesAt: '2026-12-07T08:30:00+09:00',
    absentOpensAt: '2026-12-05T07:00:00+09:00',
    editable: true,
    absentEditable: true,
    participants: [
      { id: B, nickname: '비러너', avatar: null, present: null, reviewed: false },
      { id: C, nickname: '씨러너', avatar: null, present: true, reviewed: false },
      { id: D, nickname: '디러너', avatar: null, present: null, reviewed: false },
    ],
    present: [C],
    absent: [],
    ...overrides,
  };
}

describe('/runs/:runId/attendance', () => {
  it('marks each participant present or absent, all at once, and saves exactly those marks', async () => {
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture()),
      [`GET /api/runs/${RUN_ID}/attendance`]: () => jsonResponse(200, attendance()),
      [`PUT /api/runs/${RUN_ID}/attendance`]: (call) => {
        const body = call.body as { present: string[]; absent: string[] };
        return jsonResponse(
          200,
          attendance({
            participants: attendance().participants.map((p) => ({
              ...p,
              present: body.present.includes(p.id) ? true : body.absent.includes(p.id) ? false : null,
            })),
          }),
        );
      },
    });
    const { events } = renderApp(`/runs/${RUN_ID}/attendance`, { user: host });

    const list = await screen.findByRole('list', { name: '참여자 출석' });
    expect(screen.getByText(/까지 출석을 체크하고 고칠 수 있어요/)).toBeTruthy();
    const b = within(list).getByRole('group', { name: '비러너 님 출석 여부' });
    const c = within(list).getByRole('group', { name: '씨러너 님 출석 여부' });
    expect(within(c).getByRole('radio', { name: '출석' })).toHaveProperty('checked', true);
    expect(within(b).getByRole('radio', { name: '출석' })).toHaveProperty('checked', false);
    expect(screen.getByText('출석 1명 · 불참 0명 · 미확인 2명')).toBeTruthy();

    await events.click(within(b).getByRole('radio', { name: '불참' }));
    await events.click(within(c).getByRole('radio', { name: '불참' }));
    await events.click(screen.getByRole('button', { name: '출석 저장하기' }));
    expect(await screen.findByText('출석을 저장했어요.')).toBeTruthy();
    // D was never marked: left out, not sent as absent.
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ present: [], absent: [B, C] });

    await events.click(screen.getByRole('button', { name: '모두 출석' }));
    expect(screen.getByText('출석 3명 · 불참 0명 · 미확인 0명')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '출석 저장하기' }));
    await screen.findByText('출석 3명 · 불참 0명 · 미확인 0명');
    expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ present: [B, C, D], absent: [] });
  });

  it('tells a runner who is not the host that only the host takes attendance', async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture()),
      [`GET /api/runs/${RUN_ID}/attendance`]: () =>
        jsonResponse(403, { code: 'NOT_HOST', message: 'Only the host takes attendance' }),
    });
    renderApp(`/runs/${RUN_ID}/attendance`, { user: onboardedMe() });
    expect(await screen.findByText('크루장만 출석을 체크할 수 있어요')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '출석 저장하기' })).toBeNull();
  });

  it('before the start only present can be marked, with the reason; a runner who reviewed stays present', async () => {
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture()),
      [`GET /api/runs/${RUN_ID}/attendance`]: () =>
        jsonResponse(
          200,
          attendance({
            absentEditable: false,
            participants: attendance().participants.map((p) => ({ ...p, reviewed: p.id === C })),
          }),
        ),
      [`PUT /api/runs/${RUN_ID}/attendance`]: () =>
        jsonResponse(409, {
          code: 'ABSENT_BEFORE_START',
          message: 'Absence can be recorded only from the start',
        }),
    });
    const { events } = renderApp(`/runs/${RUN_ID}/attendance`, { user: host });

    const list = await screen.findByRole('list', { name: '참여자 출석' });
    const note = screen.getByText(/불참은 출발 시각인 .*부터 체크할 수 있어요/);
    const b = within(list).getByRole('group', { name: '비러너 님 출석 여부' });
    const bAbsent = within(b).getByRole('radio', { name: '불참' });
    expect(bAbsent).toHaveProperty('disabled', true);
    expect(bAbsent.getAttribute('aria-describedby')).toBe(note.id);
    expect(within(b).getByRole('radio', { name: '출석' })).toHaveProperty('disabled', false);
    const c = within(list).getByRole('group', { name: '씨러너 님 출석 여부' });
    const reviewed = within(list).getByText('크루장을 평가한 러너라 출석으로 유지돼요.');
    expect(within(c).getByRole('radio', { name: '불참' }).getAttribute('aria-describedby')).toBe(reviewed.id);

    // Should the server still refuse (its clock decides), its reason is shown, not a generic error.
    await events.click(within(b).getByRole('radio', { name: '출석' }));
    await events.click(screen.getByRole('button', { name: '출석 저장하기' }));
    expect(await screen.findByText('불참은 러닝이 출발한 뒤에만 체크할 수 있어요.')).toBeTruthy();
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ present: [B, C], absent: [] });
  });

  it('shows when the window opens and locks the toggles outside it', async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture()),
      [`GET /api/runs/${RUN_ID}/attendance`]: () =>
        jsonResponse(200, attendance({ editable: false, opensAt: '2099-12-05T06:30:00+09:00' })),
    });
    renderApp(`/runs/${RUN_ID}/attendance`, { user: host });
    expect(await screen.findByText(/출석 체크는 출발 30분 전인 .*부터 할 수 있어요/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '출석 저장하기' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '모두 출석' })).toHaveProperty('disabled', true);
  });
});
