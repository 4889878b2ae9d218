import type { ScoreHistory } from '@erun/contracts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { onboardedMe, RUN_ID, runFixture } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();
const run = runFixture({ myStatus: 'joined', joinState: 'started' });

function history(reason: 'present' | 'absent' | null): ScoreHistory {
  return {
    score: reason === 'absent' ? 49 : 51,
    items: reason
      ? [{ delta: reason === 'present' ? 1 : -1, reason, runId: RUN_ID, runTitle: run.title, at: run.endsAt }]
      : [],
  };
}

function api(
  reason: 'present' | 'absent' | null,
  review: () => Response = () => new Response(null, { status: 201 }),
) {
  return mockApi({
    [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
    'GET /api/me/score-history': () => jsonResponse(200, history(reason)),
    'GET /api/me/runs*': () => jsonResponse(404, { code: 'ROUTE_NOT_FOUND', message: 'not yet' }),
    [`POST /api/runs/${RUN_ID}/host-review`]: review,
  });
}

describe('/runs/:runId/review', () => {
  it('switching between 좋았어요 and 아쉬웠어요 clears the categories; sends the chosen side and note', async () => {
    const { calls } = api('present');
    const { events } = renderApp(`/runs/${RUN_ID}/review`, { user: me });

    await events.click(await screen.findByRole('radio', { name: '좋았어요' }));
    await events.click(screen.getByRole('checkbox', { name: '코스가 만족스러웠어요' }));
    await events.click(screen.getByRole('checkbox', { name: '시간을 잘 지켰어요' }));
    await events.click(screen.getByRole('radio', { name: '아쉬웠어요' }));
    expect(screen.queryByRole('checkbox', { name: '코스가 만족스러웠어요' })).toBeNull();
    expect(screen.getAllByRole('checkbox').every((box) => !(box as HTMLInputElement).checked)).toBe(true);

    await events.click(screen.getByRole('button', { name: '평가 보내기' }));
    expect(screen.getByText('하나 이상 골라 주세요.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await events.click(screen.getByRole('radio', { name: '좋았어요' }));
    expect(screen.getAllByRole('checkbox').every((box) => !(box as HTMLInputElement).checked)).toBe(true);
    await events.click(screen.getByRole('checkbox', { name: '크루를 잘 이끌어 줬어요' }));
    await events.type(screen.getByLabelText('크루장에게만 보이는 한마디 (선택)'), '또 달려요');
    expect(screen.getByText('5/300자')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '평가 보내기' }));

    expect(await screen.findByText('평가를 보냈어요. 고마워요!')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      positive: true,
      categories: ['led_well'],
      note: '또 달려요',
    });
  });

  it('says "이미 평가했어요" when the server already has my review', async () => {
    api('present', () => jsonResponse(409, { code: 'REVIEW_EXISTS', message: 'exists' }));
    const { events } = renderApp(`/runs/${RUN_ID}/review`, { user: me });
    await events.click(await screen.findByRole('radio', { name: '아쉬웠어요' }));
    await events.click(screen.getByRole('checkbox', { name: '늦게 왔어요' }));
    await events.click(screen.getByRole('button', { name: '평가 보내기' }));
    expect(await screen.findByText('이미 평가했어요')).toBeTruthy();
  });

  it('explains the review window when the server says it is closed', async () => {
    api('present', () => jsonResponse(409, { code: 'OUTSIDE_WINDOW', message: 'closed' }));
    const { events } = renderApp(`/runs/${RUN_ID}/review`, { user: me });
    await events.click(await screen.findByRole('radio', { name: '좋았어요' }));
    await events.click(screen.getByRole('checkbox', { name: '짐을 잘 맡아 줬어요' }));
    await events.click(screen.getByRole('button', { name: '평가 보내기' }));
    expect(await screen.findByText('크루장 평가는 러닝이 끝난 뒤 7일 동안만 남길 수 있어요.')).toBeTruthy();
  });

  it('explains up front that only runners marked present can review', async () => {
    api('absent');
    renderApp(`/runs/${RUN_ID}/review`, { user: me });
    expect(await screen.findByText('출석한 참여자만 평가할 수 있어요')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '평가 보내기' })).toBeNull();
  });
});
