import type { Me } from '@erun/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { AUTHOR_ID, COURSE_ID, commentFixture, HOST_ID, onboardedMe } from '../../../test/fixtures.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { Comments } from './comments.tsx';

const me = onboardedMe();
const LIST = `GET /api/courses/${COURSE_ID}/comments?limit=20`;
const page =
  (items: unknown[], nextCursor: string | null = null) =>
  () =>
    jsonResponse(200, { items, nextCursor });

function renderComments({ viewer = me, ownerId = AUTHOR_ID }: { viewer?: Me | null; ownerId?: string } = {}) {
  return renderWithProviders(
    <Comments
      target={{ kind: 'courses', id: COURSE_ID }}
      ownerId={ownerId}
      viewerId={viewer?.id ?? null}
      count={3}
    />,
    { user: viewer ?? undefined },
  );
}

describe('Comments', () => {
  it('shows text as typed: markup escaped, line breaks kept, only http(s) addresses as safe links', async () => {
    const content =
      '<script>alert("x")</script>\n둘째 줄 https://erun.run/courses 그리고 javascript:alert(1)';
    mockApi({ [LIST]: page([commentFixture({ content })]) });
    renderComments();

    const item = (await screen.findByText(/둘째 줄/)).closest('article') as HTMLElement;
    expect(item.querySelector('script')).toBeNull();
    const text = item.querySelector('p:not([class*="deleted"])');
    expect(text?.textContent).toContain('<script>alert("x")</script>\n둘째 줄');
    const links = within(item).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://erun.run/courses');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(within(item).queryByRole('link', { name: /javascript/ })).toBeNull();
  });

  it('offers no 답글 달기 under a folded comment (its author is blocked), yet still under others', async () => {
    const folded = commentFixture({ content: '접힌 글', folded: true, replyCount: 1 });
    mockApi({
      [LIST]: page([folded, commentFixture({ content: '보통 글' })]),
      [`GET /api/comments/${folded.id}/replies?limit=20`]: page([commentFixture({ content: '달린 답글' })]),
    });
    const { events } = renderComments();
    expect(await screen.findByText('보통 글')).toBeTruthy();
    const [foldedItem, plainItem] = screen.getAllByRole('article') as [HTMLElement, HTMLElement];
    expect(within(foldedItem).queryByRole('button', { name: '답글 달기' })).toBeNull();
    expect(within(plainItem).getByRole('button', { name: '답글 달기' })).toBeTruthy();
    // Its replies can still be read.
    await events.click(within(foldedItem).getByRole('button', { name: '답글 1개' }));
    expect(await within(foldedItem).findByText('달린 답글')).toBeTruthy();
    expect(within(foldedItem).queryByRole('button', { name: '답글 달기' })).toBeNull();
  });

  it('folds a comment of someone I blocked under "차단한 사용자의 댓글이에요" with a 보기 toggle', async () => {
    mockApi({
      [LIST]: page([
        commentFixture({ content: '접힌 글', folded: true }),
        commentFixture({ content: '보통 글' }),
      ]),
    });
    const { events } = renderComments();
    expect(await screen.findByText('보통 글')).toBeTruthy();
    expect(screen.getByText('차단한 사용자의 댓글이에요')).toBeTruthy();
    expect(screen.queryByText('접힌 글')).toBeNull();
    const show = screen.getByRole('button', { name: '보기' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await events.click(show);
    expect(screen.getByText('접힌 글')).toBeTruthy();
    expect(screen.getByRole('button', { name: '접기' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps the replies of a deleted comment under a "삭제된 댓글입니다" placeholder', async () => {
    const parent = commentFixture({ deleted: true, content: '', author: null, replyCount: 2 });
    const replies = [
      commentFixture({ content: '첫 답글', parentId: parent.id }),
      commentFixture({ content: '둘째 답글', parentId: parent.id }),
    ];
    const { calls } = mockApi({
      [LIST]: page([parent]),
      [`GET /api/comments/${parent.id}/replies?limit=20`]: page(replies),
    });
    const { events } = renderComments();

    const item = (await screen.findByText('삭제된 댓글입니다')).closest('article') as HTMLElement;
    expect(within(item).queryByRole('button', { name: '답글 달기' })).toBeNull();
    expect(within(item).queryByRole('button', { name: '삭제' })).toBeNull();
    await events.click(within(item).getByRole('button', { name: '답글 2개' }));
    expect(await within(item).findByText('첫 답글')).toBeTruthy();
    expect(within(item).getByText('둘째 답글')).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain(`/api/comments/${parent.id}/replies?limit=20`);
  });

  it('keeps what was written when the server says to slow down (429), then posts it on top', async () => {
    let refuse = true;
    const older = commentFixture({ content: '먼저 쓴 후기' });
    const { calls } = mockApi({
      [LIST]: page([older]),
      [`POST /api/courses/${COURSE_ID}/comments`]: ({ body }) =>
        refuse
          ? jsonResponse(429, { code: 'RATE_LIMITED', message: 'Too many' }, { 'Retry-After': '30' })
          : jsonResponse(201, commentFixture({ content: (body as { content: string }).content, author: me })),
    });
    const { events } = renderComments();
    await screen.findByText('먼저 쓴 후기');

    const box = screen.getByLabelText('후기 남기기');
    expect(screen.getByRole('button', { name: '등록' })).toHaveProperty('disabled', true);
    await events.type(box, '야경 최고');
    expect(screen.getByText('5/1000자')).toBeTruthy();
    await events.click(screen.getByRole('button', { name: '등록' }));
    expect(await screen.findByText('요청이 너무 많습니다. 30초 후 다시 시도해 주세요.')).toBeTruthy();
    expect(box).toHaveProperty('value', '야경 최고');

    refuse = false;
    await events.click(screen.getByRole('button', { name: '등록' }));
    const list = await screen.findByRole('list', { name: /후기/ });
    await within(list).findByText('야경 최고');
    expect(
      within(list)
        .getAllByRole('article')
        .map((a) => a.querySelector('p')?.textContent),
    ).toEqual(['야경 최고', '먼저 쓴 후기']);
    expect(screen.getByLabelText('후기 남기기')).toHaveProperty('value', '');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { content: '야경 최고' },
      { content: '야경 최고' },
    ]);
  });

  it('lets the author edit and delete, the post owner only delete, and marks edits', async () => {
    const mine = commentFixture({ content: '내 글', author: { ...me, avatar: null }, edited: true });
    const theirs = commentFixture({
      content: '남의 글',
      author: { id: HOST_ID, nickname: '한강크루장', avatar: null, runningLevel: null },
    });
    mockApi({ [LIST]: page([mine, theirs]) });
    renderComments({ ownerId: me.id });

    const own = (await screen.findByText('내 글')).closest('article') as HTMLElement;
    expect(within(own).getByText(/\(수정됨\)/)).toBeTruthy();
    expect(within(own).getByText('작성자')).toBeTruthy();
    expect(within(own).getByRole('button', { name: '수정' })).toBeTruthy();
    const other = screen.getByText('남의 글').closest('article') as HTMLElement;
    expect(within(other).queryByRole('button', { name: '수정' })).toBeNull();
    expect(within(other).getByRole('button', { name: '삭제' })).toBeTruthy();
  });

  it('asks signed-out visitors to log in to write', async () => {
    mockApi({ [LIST]: page([]) });
    renderComments({ viewer: null });
    expect(await screen.findByText('아직 후기가 없어요. 첫 후기를 남겨 주세요!')).toBeTruthy();
    expect(screen.getByRole('link', { name: '로그인하고 후기 남기기' }).getAttribute('href')).toBe(
      '/login?next=%2F',
    );
    expect(screen.queryByLabelText('후기 남기기')).toBeNull();
  });

  it('folds a comment hidden by reports for others, keeps its replies, and offers "신고하기" only on others’ comments', async () => {
    const folded = commentFixture({ hidden: true, content: '', author: null, replyCount: 1 });
    const mine = commentFixture({ hidden: true, content: '내가 쓴 숨겨진 후기', author: me });
    const other = commentFixture({ content: '다른 사람의 후기' });
    mockApi({
      [LIST]: page([folded, mine, other]),
      [`GET /api/comments/${folded.id}/replies?limit=20`]: page([
        commentFixture({ content: '남은 답글', parentId: folded.id }),
      ]),
    });
    const { events } = renderWithProviders(
      <Comments
        target={{ kind: 'courses', id: COURSE_ID }}
        ownerId={AUTHOR_ID}
        viewerId={me.id}
        reportAction={(comment) => <button type="button">{`신고 ${comment.id}`}</button>}
      />,
      { user: me },
    );

    const item = (await screen.findByText('신고가 누적되어 숨겨진 댓글이에요')).closest(
      'article',
    ) as HTMLElement;
    expect(within(item).queryByRole('button', { name: /^신고/ })).toBeNull();
    await events.click(within(item).getByRole('button', { name: '답글 1개' }));
    expect(await within(item).findByText('남은 답글')).toBeTruthy();

    const own = screen.getByText('내가 쓴 숨겨진 후기').closest('article') as HTMLElement;
    expect(within(own).getByText(/다른 사람에게는 숨겨졌어요/)).toBeTruthy();
    expect(within(own).queryByRole('button', { name: /^신고/ })).toBeNull();

    const others = screen.getByText('다른 사람의 후기').closest('article') as HTMLElement;
    expect(within(others).getByRole('button', { name: `신고 ${other.id}` })).toBeTruthy();
  });
});
