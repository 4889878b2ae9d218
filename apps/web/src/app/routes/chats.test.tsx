import type { ChatList, ChatSummary } from '@erun/contracts';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { realtime } from '../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { HOST_ID, onboardedMe, RUN_ID } from '../../test/fixtures.ts';
import { fakeSockets, realtimeChecks } from '../../test/realtime.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();
const CREW_ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function summary(overrides: Partial<ChatSummary>): ChatSummary {
  return {
    kind: 'run',
    id: RUN_ID,
    title: '여의도 한강 야간 러닝',
    startsAt: '2026-12-09T19:30:00+09:00',
    closesAt: '2026-12-16T21:00:00+09:00',
    closed: false,
    cancelled: false,
    unreadCount: 0,
    muted: false,
    lastMessage: null,
    ...overrides,
  };
}

const quiet = {
  'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
};

describe('/chats', () => {
  it('says so when there is no chat yet', async () => {
    mockApi({ ...quiet, 'GET /api/me/chats': () => jsonResponse(200, { items: [], unreadCount: 0 }) });
    renderApp('/chats', { user: me });
    expect(await screen.findByText('아직 참여한 채팅이 없어요')).toBeTruthy();
    expect(await screen.findByRole('link', { name: '채팅' })).toBeTruthy();
  });

  it('lists run and crew chats with the last message, unread count and mute, and follows them live', async () => {
    let list: ChatList = {
      items: [
        summary({
          kind: 'crew',
          id: CREW_ID,
          title: '반포 새벽런',
          startsAt: null,
          closesAt: null,
          unreadCount: 3,
          muted: true,
          lastMessage: {
            id: '00000000-0000-4000-8000-000000000001',
            runId: null,
            crewId: CREW_ID,
            author: { id: HOST_ID, nickname: '서연', avatar: null },
            content: '토요일 6시 출발이에요',
            hidden: false,
            createdAt: '2026-12-06T06:00:00+09:00',
          },
        }),
        summary({}),
      ],
      unreadCount: 3,
    };
    mockApi({ ...quiet, 'GET /api/me/chats': () => jsonResponse(200, list) });
    renderApp('/chats', { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);

    const crew = await screen.findByRole('link', { name: /반포 새벽런/ });
    expect(crew.getAttribute('href')).toBe(`/crews/${CREW_ID}/chat`);
    expect(within(crew).getByText('서연: 토요일 6시 출발이에요')).toBeTruthy();
    expect(within(crew).getByText('읽지 않은 메시지 3개')).toBeTruthy();
    expect(within(crew).getByText('알림 꺼짐 (멘션은 알려 드려요)')).toBeTruthy();
    const run = screen.getByRole('link', { name: /여의도 한강 야간 러닝/ });
    expect(run.getAttribute('href')).toBe(`/runs/${RUN_ID}/chat`);
    expect(within(run).getByText('아직 메시지가 없어요')).toBeTruthy();
    expect(await screen.findByRole('link', { name: '채팅, 읽지 않은 메시지 3개' })).toBeTruthy();

    // A message arrives in the run chat: the badge and the list follow without a reload.
    list = { items: [summary({ unreadCount: 1 }), ...list.items.slice(0, 1)], unreadCount: 4 };
    act(() => sockets.last()?.serverEmit('chats:changed', { unreadCount: 4 }));
    expect(await screen.findByRole('link', { name: '채팅, 읽지 않은 메시지 4개' })).toBeTruthy();
    expect(await screen.findByText('읽지 않은 메시지 1개')).toBeTruthy();
  });
});
