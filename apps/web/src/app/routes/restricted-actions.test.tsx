import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Comments } from '../../features/comments/components/comments.tsx';
import { jsonResponse, mockApi } from '../../test/api.ts';
import {
  AUTHOR_ID,
  COURSE_ID,
  commentFixture,
  onboardedMe,
  RUN_ID,
  runFixture,
} from '../../test/fixtures.ts';
import { renderApp, renderWithProviders } from '../../test/render.tsx';

// A suspended account reads but does not post, join or host (issue 17): the controls say so up front.
const suspended = onboardedMe({
  restriction: { kind: 'suspended', until: '2026-12-20T00:00:00+09:00', reason: '반복된 광고' },
});
const page = (items: unknown[]) => () => jsonResponse(200, { items, nextCursor: null });

describe('a suspended account’s write controls', () => {
  it('the comment box is disabled with its reason, and there is no 답글 달기', async () => {
    mockApi({
      [`GET /api/courses/${COURSE_ID}/comments?limit=20`]: page([commentFixture({ content: '좋은 코스' })]),
    });
    renderWithProviders(
      <Comments target={{ kind: 'courses', id: COURSE_ID }} ownerId={AUTHOR_ID} viewerId={suspended.id} />,
      { user: suspended },
    );
    expect(await screen.findByText('좋은 코스')).toBeTruthy();
    const box = screen.getByRole('textbox');
    expect(box).toHaveProperty('disabled', true);
    const reason = screen.getByText('이용이 제한된 계정이라 글을 쓸 수 없어요.');
    expect(box.getAttribute('aria-describedby')).toContain(reason.id);
    expect(screen.getByRole('button', { name: '등록' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: '답글 달기' })).toBeNull();
  });

  it('others still write and reply', async () => {
    mockApi({
      [`GET /api/courses/${COURSE_ID}/comments?limit=20`]: page([commentFixture({ content: '좋은 코스' })]),
    });
    const me = onboardedMe();
    renderWithProviders(
      <Comments target={{ kind: 'courses', id: COURSE_ID }} ownerId={AUTHOR_ID} viewerId={me.id} />,
      { user: me },
    );
    expect(await screen.findByText('좋은 코스')).toBeTruthy();
    expect(screen.getByRole('textbox')).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: '답글 달기' })).toBeTruthy();
    expect(screen.queryByText('이용이 제한된 계정이라 글을 쓸 수 없어요.')).toBeNull();
  });

  it('the chat composer is disabled with its reason', async () => {
    mockApi({
      [`GET /api/runs/${RUN_ID}`]: () => jsonResponse(200, runFixture()),
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
      [`GET /api/runs/${RUN_ID}/chat/members*`]: page([]),
      [`POST /api/runs/${RUN_ID}/messages/read`]: () => new Response(null, { status: 204 }),
      'GET /api/notifications*': () => jsonResponse(200, { items: [], nextCursor: null, unreadCount: 0 }),
    });
    renderApp(`/runs/${RUN_ID}/chat`, { user: suspended });
    const input = await screen.findByRole('combobox', { name: '메시지' });
    expect(input).toHaveProperty('disabled', true);
    const reason = screen.getByText('이용이 제한된 계정이라 메시지를 보낼 수 없어요.');
    expect(input.getAttribute('aria-describedby')).toContain(reason.id);
    expect(screen.getByRole('button', { name: '보내기' })).toHaveProperty('disabled', true);
  });

  it('러닝 만들기 is disabled with its reason, and /runs/new says so instead of a form', async () => {
    mockApi({ 'GET /api/runs*': page([]) });
    const { router } = renderApp('/runs', { user: suspended });
    const create = await screen.findByRole('button', { name: '러닝 만들기' });
    expect(create).toHaveProperty('disabled', true);
    const reason = screen.getByText('이용이 제한된 계정이라 러닝을 열 수 없어요.');
    expect(create.getAttribute('aria-describedby')).toBe(reason.id);
    expect(screen.queryByRole('link', { name: '러닝 만들기' })).toBeNull();

    await router.navigate('/runs/new');
    // The new-run page is its own chunk: loading it may take a moment on a busy machine.
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByText('이용이 제한된 계정이라 러닝을 열 수 없어요.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '다음' })).toBeNull();
  });
});
