import type { ChatMessage, ChatPage } from '@erun/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { realtime } from '../../lib/realtime.ts';
import { jsonResponse, mockApi } from '../../test/api.ts';
import { HOST_ID, onboardedMe } from '../../test/fixtures.ts';
import { fakeSockets, realtimeChecks } from '../../test/realtime.ts';
import { renderApp } from '../../test/render.tsx';

const me = onboardedMe();
const CREW_ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function message(content: string, minute: number, id = crypto.randomUUID()): ChatMessage {
  return {
    id,
    runId: null,
    crewId: CREW_ID,
    author: { id: HOST_ID, nickname: '서연', avatar: null },
    content,
    hidden: false,
    createdAt: `2026-12-06T06:${String(minute).padStart(2, '0')}:00+09:00`,
  };
}

describe('/crews/:crewId/chat', () => {
  it('enters the crew room; staff pin from a message menu, the notice bar follows live; mute; @mention suggestions', async () => {
    const notice = message('토요일 6시 세빛섬 앞 출발', 0);
    const hello = message(`@${me.nickname} 오시나요?`, 1);
    let page: ChatPage = {
      items: [hello, notice],
      nextCursor: null,
      lastReadAt: null,
      closesAt: null,
      closed: false,
      pinned: null,
      muted: false,
      canPin: true,
    };
    const { calls } = mockApi({
      [`GET /api/crews/${CREW_ID}/chat/messages*`]: () => jsonResponse(200, page),
      [`POST /api/crews/${CREW_ID}/chat/read`]: () => new Response(null, { status: 204 }),
      [`GET /api/chats/crew/${CREW_ID}/members`]: () =>
        jsonResponse(200, {
          items: [
            { id: HOST_ID, nickname: '서연', avatar: null },
            { id: me.id, nickname: me.nickname, avatar: null },
            { id: '9e8d7c6b-5a49-4382-9170-e6d5c4b3a291', nickname: '서준', avatar: null },
          ],
        }),
      [`PUT /api/chats/crew/${CREW_ID}/messages/${notice.id}/pin`]: () => {
        page = { ...page, pinned: notice };
        return new Response(null, { status: 204 });
      },
      [`PUT /api/chats/crew/${CREW_ID}/mute`]: () => new Response(null, { status: 204 }),
      'GET /api/me/chats': () => jsonResponse(200, { items: [], unreadCount: 0 }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp(`/crews/${CREW_ID}/chat`, { user: me });
    const sockets = fakeSockets();
    stop = realtime.start(sockets.factory, realtimeChecks);

    const log = await screen.findByRole('log');
    await waitFor(() =>
      expect(sockets.last()?.awaitingAck.map((s) => [s.event, s.payload])).toEqual([
        ['crew-chat:join', { crewId: CREW_ID }],
      ]),
    );
    act(() => sockets.last()?.answer('crew-chat:join', { ok: true }));
    // The mention of me is highlighted.
    expect(within(log).getByText(`@${me.nickname}`).tagName).toBe('MARK');

    // Pin from the first message's menu.
    const menus = within(log).getAllByRole('button', { name: '메시지 메뉴' });
    fireEvent.click(menus[0] as HTMLElement);
    fireEvent.click(await screen.findByRole('menuitem', { name: '공지로 고정' }));
    const bar = await screen.findByRole('region', { name: '공지' });
    expect(within(bar).getByText('토요일 6시 세빛섬 앞 출발')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT' && c.path.endsWith(`/messages/${notice.id}/pin`))).toBe(true);

    // Another staff member unpins: the bar goes, live.
    act(() => sockets.last()?.serverEmit('chat:pinned', { kind: 'crew', id: CREW_ID, pinned: null }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '공지' })).toBeNull());

    // Mute.
    const mute = screen.getByRole('button', { name: '새 메시지 알림 끄기' });
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(mute);
    await waitFor(() => expect(mute.getAttribute('aria-pressed')).toBe('true'));

    // "@서" suggests the members whose nickname starts so (not me); arrows and Enter pick one.
    const input = screen.getByRole('combobox', { name: '메시지' });
    fireEvent.change(input, { target: { value: '@서', selectionStart: 2 } });
    const list = await screen.findByRole('listbox', { name: '멘션할 멤버' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['서서연', '서서준']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(within(list).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect((input as HTMLTextAreaElement).value).toBe('@서준 '));
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('folds a message hidden by reports and reports another from its menu, thanking the reporter', async () => {
    const folded = { ...message('', 0), hidden: true };
    const spam = message('싸게 팔아요 링크 클릭', 1);
    const { calls } = mockApi({
      [`GET /api/crews/${CREW_ID}/chat/messages*`]: () =>
        jsonResponse(200, {
          items: [spam, folded],
          nextCursor: null,
          lastReadAt: null,
          closesAt: null,
          closed: false,
          pinned: null,
          muted: false,
          canPin: false,
        } satisfies ChatPage),
      [`POST /api/crews/${CREW_ID}/chat/read`]: () => new Response(null, { status: 204 }),
      [`GET /api/chats/crew/${CREW_ID}/members`]: () => jsonResponse(200, { items: [] }),
      'POST /api/reports': () => jsonResponse(201, { id: crypto.randomUUID(), status: 'open' }),
      'GET /api/me/chats': () => jsonResponse(200, { items: [], unreadCount: 0 }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp(`/crews/${CREW_ID}/chat`, { user: me });
    stop = realtime.start(fakeSockets().factory, realtimeChecks);

    const log = await screen.findByRole('log');
    expect(within(log).getByText('신고가 누적되어 숨겨진 메시지예요')).toBeTruthy();
    // Only the message still shown has a menu (a folded one has nothing left to report).
    const menus = within(log).getAllByRole('button', { name: '메시지 메뉴' });
    expect(menus).toHaveLength(1);
    fireEvent.click(menus[0] as HTMLElement);
    fireEvent.click(await screen.findByRole('menuitem', { name: '신고하기' }));
    const dialog = await screen.findByRole('dialog', { name: '이 메시지 신고하기' });
    fireEvent.click(within(dialog).getByRole('radio', { name: '스팸·광고' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '신고하기' }));
    expect(await within(dialog).findByText(/신고해 주셔서 고마워요/)).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/reports')?.body).toEqual({
      targetType: 'chat_message',
      targetId: spam.id,
      reason: 'spam',
    });
  });
});
