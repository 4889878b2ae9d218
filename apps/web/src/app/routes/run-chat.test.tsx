import type { ChatMessage, ChatPage } from '@erun/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { realtime } from '../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID, runFixture } from '../../test/fixtures.ts';
import { fakeSockets, type FakeSocket, realtimeChecks } from '../../test/realtime.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();
const run = runFixture();

function message(content: string, minute: number): ChatMessage {
  return {
    id: crypto.randomUUID(),
    runId: RUN_ID,
    crewId: null,
    author: { id: HOST_ID, nickname: '크루장', avatar: null },
    content,
    hidden: false,
    createdAt: `2026-12-04T21:${String(minute).padStart(2, '0')}:00+09:00`,
  };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

/** Waits until the socket asks to enter the run's chat, then answers as the server. */
async function letIn(socket: () => FakeSocket | undefined) {
  await waitFor(() => expect(socket()?.awaitingAck.map((sent) => sent.event)).toEqual(['chat:join']));
  act(() => socket()?.answer('chat:join', { ok: true }));
}

describe('/runs/:runId/chat live', () => {
  it('talks over the app’s one socket: live, new messages, offline and back with what was missed', async () => {
    const history: ChatMessage[] = [message('내일 봬요', 0)];
    const page = (): ChatPage => ({
      items: [...history].reverse(),
      nextCursor: null,
      lastReadAt: null,
      closesAt: '2026-12-12T08:30:00+09:00',
      closed: false,
      pinned: null,
      muted: false,
      canPin: false,
    });
    const { calls } = mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`GET /api/runs/${RUN_ID}/messages*`]: () => jsonResponse(200, page()),
      [`POST /api/runs/${RUN_ID}/messages/read`]: () => new Response(null, { status: 204 }),
      // The server drops the socket when the access token expires; a fresh one gets it back in.
      'POST /api/auth/refresh': () => jsonResponse(200, { accessToken: 'fresh-access-token' }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    const fetches = () => calls.filter((c) => c.method === 'GET' && c.path.includes('/messages')).length;
    const { router, queryClient } = renderApp(`/runs/${RUN_ID}/chat`, { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);
    const socket = () => sockets.last();

    const log = await screen.findByRole('log', { name: `${run.title} 채팅 메시지` });
    expect(screen.getByText('연결하는 중…')).toBeTruthy();
    expect(sockets.sockets).toHaveLength(1);
    const loaded = fetches();
    await letIn(socket);
    expect(screen.getByText('실시간으로 대화 중')).toBeTruthy();
    // Messages sent between loading the history and entering the room were not heard: fetched again.
    await waitFor(() => expect(fetches()).toBe(loaded + 1));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    // The server stores a message, then tells the room; another run's message is not this chat's.
    const said = message('지금 출발해요', 1);
    history.push(said);
    act(() => socket()?.serverEmit('chat:message', { ...message('다른 러닝 방', 2), runId: HOST_ID }));
    act(() => socket()?.serverEmit('chat:message', said));
    expect(await within(log).findByText('지금 출발해요')).toBeTruthy();
    expect(within(log).queryByText('다른 러닝 방')).toBeNull();

    act(() => socket()?.drop());
    expect(screen.getByText('연결이 끊겼어요. 다시 연결하는 중…')).toBeTruthy();
    history.push(message('끊긴 사이에 온 메시지', 3));
    await letIn(socket);
    expect(screen.getByText('실시간으로 대화 중')).toBeTruthy();
    expect(await within(log).findByText('끊긴 사이에 온 메시지')).toBeTruthy();
    expect(sockets.sockets).toHaveLength(1);

    await act(() => router.navigate(`/runs/${RUN_ID}`));
    expect(socket()?.emitted).toContainEqual(['chat:leave', { runId: RUN_ID }]);
  });

  it('folds the messages of a member I blocked, from the page and live, with a 보기 toggle', async () => {
    const BLOCKED = '7e6d5c4b-3a2f-4e1d-8c0b-9a8f7e6d5c4b';
    const from = (content: string, minute: number): ChatMessage => ({
      ...message(content, minute),
      author: { id: BLOCKED, nickname: '차단된러너', avatar: null },
    });
    const history: ChatMessage[] = [message('내일 봬요', 0), { ...from('예전 메시지', 1), folded: true }];
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`GET /api/runs/${RUN_ID}/messages*`]: () =>
        jsonResponse(200, {
          items: [...history].reverse(),
          nextCursor: null,
          lastReadAt: null,
          closesAt: '2026-12-12T08:30:00+09:00',
          closed: false,
          pinned: null,
          muted: false,
          canPin: false,
          foldedAuthorIds: [BLOCKED],
        } satisfies ChatPage),
      [`POST /api/runs/${RUN_ID}/messages/read`]: () => new Response(null, { status: 204 }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    const { events, queryClient } = renderApp(`/runs/${RUN_ID}/chat`, { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);
    const log = await screen.findByRole('log', { name: `${run.title} 채팅 메시지` });
    expect(await within(log).findByText('내일 봬요')).toBeTruthy();
    expect(within(log).getByText('차단한 사용자의 메시지예요')).toBeTruthy();
    expect(within(log).queryByText('예전 메시지')).toBeNull();
    await letIn(() => sockets.last());
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    // The room's live event carries no per-reader fold: the page's foldedAuthorIds folds it.
    const live = from('방금 보낸 메시지', 2);
    history.push(live);
    act(() => sockets.last()?.serverEmit('chat:message', live));
    await waitFor(() => expect(within(log).getAllByText('차단한 사용자의 메시지예요')).toHaveLength(2));
    expect(within(log).queryByText('방금 보낸 메시지')).toBeNull();
    await events.click(within(log).getAllByRole('button', { name: '보기' })[0] as HTMLElement);
    expect(within(log).getByText('예전 메시지')).toBeTruthy();
  });

  it('says so when the server does not let this user into the room', async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, run),
      [`GET /api/runs/${RUN_ID}/messages*`]: () =>
        jsonResponse(200, {
          items: [],
          nextCursor: null,
          lastReadAt: null,
          closesAt: '2026-12-12T08:30:00+09:00',
          closed: false,
          pinned: null,
          muted: false,
          canPin: false,
        }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp(`/runs/${RUN_ID}/chat`, { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);
    await screen.findByRole('log', { name: `${run.title} 채팅 메시지` });
    await waitFor(() => expect(sockets.last()?.awaitingAck).toHaveLength(1));
    act(() => sockets.last()?.answer('chat:join', { error: 'NOT_FOUND' }));
    expect(screen.getByText('채팅방에 들어갈 수 없어요')).toBeTruthy();
  });
});
