import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { realtime } from '../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { commentFixture, HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../test/fixtures.ts';
import { fakeSockets, realtimeChecks } from '../../test/realtime.ts';
import { renderApp } from '../../test/render.tsx';

vi.mock('../../components/map/lazy.tsx', () => ({ RouteMap: () => null, RouteEditor: () => null }));

const me = onboardedMe();
const joiner = {
  id: '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e',
  nickname: '새러너',
  avatar: null,
  runningLevel: null,
};

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('/runs/:runId live', () => {
  it('follows seats and comments changed in other browsers, and leaves the room on the way out', async () => {
    let run = runFixture();
    let comments = [commentFixture({ content: '첫 문의예요' })];
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`GET /api/runs/${RUN_ID}/comments*`]: () => jsonResponse(200, { items: comments, nextCursor: null }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    const { router } = renderApp(`/runs/${RUN_ID}`, { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);
    const socket = () => sockets.last();

    const crew = await screen.findByRole('region', { name: /참여자 \d+\/10명/ });
    expect(socket()?.emitted).toContainEqual(['run:watch', RUN_ID]);
    const before = crew.textContent;

    run = runFixture({
      participants: [...run.participants, joiner],
      participantCount: run.participantCount + 1,
    });
    act(() => socket()?.serverEmit('run:updated', { runId: RUN_ID }));
    expect(await within(crew).findByText('새러너')).toBeTruthy();
    expect(crew.textContent).not.toBe(before);

    // Once the page shows the comments it loaded (an event during that first load is a race of its own).
    await screen.findByText('첫 문의예요');
    const question = commentFixture({ content: '주차 되나요?' });
    comments = [question, ...comments];
    act(() => socket()?.serverEmit('run:comment', { runId: RUN_ID, commentId: question.id, parentId: null }));
    expect(await screen.findByText('주차 되나요?')).toBeTruthy();

    await act(() => router.navigate('/runs'));
    expect(socket()?.emitted.at(-1)).toEqual(['run:unwatch', RUN_ID]);
  });

  it('shows the host a runner’s record as they join', async () => {
    let run = runFixture({ canManage: true });
    let records: unknown[] = [];
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`GET /api/runs/${RUN_ID}/comments*`]: () => jsonResponse(200, { items: [], nextCursor: null }),
      [`GET /api/runs/${RUN_ID}/reliability`]: () => jsonResponse(200, { items: records }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp(`/runs/${RUN_ID}`, { user: onboardedMe({ id: HOST_ID, nickname: '한강크루장' }) });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);
    const crew = await screen.findByRole('region', { name: /참여자 \d+\/10명/ });

    run = runFixture({
      canManage: true,
      participants: [...run.participants, joiner],
      participantCount: run.participantCount + 1,
    });
    records = [
      { userId: joiner.id, joined: 10, present: 8, absent: 2, lateCancellations: 1, attendanceRate: 80 },
    ];
    act(() => sockets.last()?.serverEmit('run:updated', { runId: RUN_ID }));
    expect(await within(crew).findByText('출석률 80% · 노쇼 2 · 직전 취소 1')).toBeTruthy();
  });
});
