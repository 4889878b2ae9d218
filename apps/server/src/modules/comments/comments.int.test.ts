import type { Comment, CommentPage, Course, ErrorBody, Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newCourse, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let host: TestUser;
let runner: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [host, runner] = [
    await newUser(t.app, { nickname: '크루장' }),
    await newUser(t.app, { nickname: '질문러' }),
  ];
});
afterAll(() => t.close());

const post = (url: string, who: { accessToken: string }, content: unknown) =>
  t.app.inject({ method: 'POST', url, headers: bearer(who), payload: { content } });
const list = async (url: string) => (await t.app.inject({ method: 'GET', url })).json<CommentPage>();

async function notificationsOf(userId: string) {
  const result = await t.database.executeSql(
    'select category, link from notifications where user_id = $1 order by created_at',
    [userId],
  );
  return result.rows as { category: string; link: string }[];
}

describe('comments on a run (Q&A)', () => {
  it('writes, lists newest first, replies one level deep, and notifies the right people', async () => {
    const run = await newRun(t.app, host);
    const base = `/api/runs/${run.id}/comments`;
    const question = (await post(base, runner, '  짐 보관 가능한가요?\n가방이 커요  ')).json<Comment>();
    expect(question).toMatchObject({
      content: '짐 보관 가능한가요?\n가방이 커요',
      replyCount: 0,
      deleted: false,
      edited: false,
    });
    expect(question.author?.nickname).toBe('질문러');
    await post(base, runner, '주차는요?');
    expect((await list(base)).items.map((c) => c.content)).toEqual([
      '주차는요?',
      '짐 보관 가능한가요?\n가방이 커요',
    ]);

    const answer = await post(`/api/comments/${question.id}/replies`, host, '네, 보관해 드려요!');
    expect(answer.statusCode).toBe(201);
    await post(`/api/comments/${question.id}/replies`, runner, '감사합니다');
    const replies = await list(`/api/comments/${question.id}/replies`);
    expect(replies.items.map((c) => c.content)).toEqual(['네, 보관해 드려요!', '감사합니다']);
    expect((await list(base)).items.find((c) => c.id === question.id)?.replyCount).toBe(2);

    const toReply = await post(`/api/comments/${answer.json<Comment>().id}/replies`, runner, '대댓글의 답글');
    expect(toReply.statusCode).toBe(400);

    expect((await notificationsOf(host.user.id)).map((n) => n.category)).toEqual(['comment', 'comment']);
    expect(await notificationsOf(runner.user.id)).toEqual([{ category: 'reply', link: `/runs/${run.id}` }]);
  });

  it('no notification when the host comments on their own run', async () => {
    const run = await newRun(t.app, host);
    const before = (await notificationsOf(host.user.id)).length;
    await post(`/api/runs/${run.id}/comments`, host, '공지: 우천 시 취소합니다');
    expect((await notificationsOf(host.user.id)).length).toBe(before);
  });

  it.each([
    ['empty', '   '],
    ['1001 characters', '가'.repeat(1001)],
    ['not a string', 42],
  ])('refuses %s content with 400', async (_name, content) => {
    const run = await newRun(t.app, host);
    expect((await post(`/api/runs/${run.id}/comments`, runner, content)).statusCode).toBe(400);
  });

  it('404 for an unknown run, 401 for a guest', async () => {
    expect(
      (await post('/api/runs/00000000-0000-4000-8000-000000000000/comments', runner, '안녕')).statusCode,
    ).toBe(404);
    const run = await newRun(t.app, host);
    const guest = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/comments`,
      payload: { content: '안녕' },
    });
    expect(guest.statusCode).toBe(401);
  });
});

describe('editing and deleting', () => {
  it('only the author edits; the author or the host deletes; others get 403', async () => {
    const run = await newRun(t.app, host);
    const stranger = await newUser(t.app);
    const comment = (await post(`/api/runs/${run.id}/comments`, runner, '원래 글')).json<Comment>();
    const url = `/api/comments/${comment.id}`;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url,
          headers: bearer(host),
          payload: { content: '호스트가 고침' },
        })
      ).statusCode,
    ).toBe(403);
    const edited = await t.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(runner),
      payload: { content: '고친 글' },
    });
    expect(edited.json<Comment>()).toMatchObject({ content: '고친 글', edited: true });
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(stranger) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(host) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(host) })).statusCode).toBe(404);
  });

  it('a deleted comment with replies stays as "deleted" and keeps them; it goes when its last reply goes', async () => {
    const run = await newRun(t.app, host);
    const base = `/api/runs/${run.id}/comments`;
    const parent = (await post(base, runner, '지울 글')).json<Comment>();
    const reply = (await post(`/api/comments/${parent.id}/replies`, host, '답글')).json<Comment>();
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${parent.id}`, headers: bearer(runner) });
    const [placeholder] = (await list(base)).items;
    expect(placeholder).toMatchObject({
      id: parent.id,
      deleted: true,
      content: '',
      author: null,
      replyCount: 1,
    });
    expect((await list(`/api/comments/${parent.id}/replies`)).items.map((c) => c.content)).toEqual(['답글']);
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${reply.id}`, headers: bearer(host) });
    expect((await list(base)).items).toEqual([]);
  });
});

describe('comment counts on run cards', () => {
  it('move with comments, replies, deletes and placeholders, on the run page and in the feed', async () => {
    const run = await newRun(t.app, host);
    const base = `/api/runs/${run.id}/comments`;
    const counts = async () => {
      const page = (await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}` })).json<Run>();
      const feed = (
        await t.app.inject({ method: 'GET', url: `/api/runs?hostId=${host.user.id}&limit=50` })
      ).json<RunPage>();
      return [page.commentCount, feed.items.find((r) => r.id === run.id)?.commentCount];
    };
    expect(await counts()).toEqual([0, 0]);
    const question = (await post(base, runner, '페이스는요?')).json<Comment>();
    const other = (await post(base, runner, '주차는요?')).json<Comment>();
    const reply = (
      await post(`/api/comments/${question.id}/replies`, host, '6분 페이스예요')
    ).json<Comment>();
    expect(await counts()).toEqual([3, 3]);

    // A refused reply (two levels deep) counts nothing.
    expect((await post(`/api/comments/${reply.id}/replies`, runner, '답글의 답글')).statusCode).toBe(400);
    expect(await counts()).toEqual([3, 3]);

    // The question stays as a placeholder for its reply, but no longer counts.
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${question.id}`, headers: bearer(runner) });
    expect(await counts()).toEqual([2, 2]);
    // Deleting it twice changes nothing.
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${question.id}`, headers: bearer(runner) });
    expect(await counts()).toEqual([2, 2]);
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${reply.id}`, headers: bearer(host) });
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${other.id}`, headers: bearer(host) });
    expect(await counts()).toEqual([0, 0]);
  });
});

describe('comments on a course (reviews)', () => {
  it('counts comments on the course card and notifies the author', async () => {
    const author = await newUser(t.app);
    const course = await newCourse(t.app, author);
    const base = `/api/courses/${course.id}/comments`;
    const review = (await post(base, runner, '야경이 최고예요')).json<Comment>();
    await post(`/api/comments/${review.id}/replies`, author, '감사합니다!');
    const page = (await t.app.inject({ method: 'GET', url: `/api/courses/${course.id}` })).json<Course>();
    expect(page.commentCount).toBe(2);
    expect((await notificationsOf(author.user.id)).map((n) => n.link)).toEqual([`/courses/${course.id}`]);
  });
});

describe('pagination and limits', () => {
  it('pages newest first without repeats', async () => {
    const run = await newRun(t.app, host);
    const base = `/api/runs/${run.id}/comments`;
    for (let i = 0; i < 5; i++) await post(base, runner, `댓글 ${i}`);
    const first = await list(`${base}?limit=3`);
    const second = await list(`${base}?limit=3&cursor=${first.nextCursor ?? ''}`);
    expect([...first.items, ...second.items].map((c) => c.content)).toEqual([
      '댓글 4',
      '댓글 3',
      '댓글 2',
      '댓글 1',
      '댓글 0',
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `${base}?cursor=garbage` })).statusCode).toBe(400);
  });

  it('writing is rate-limited per user (429)', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_COMMENT_USER: '2/1m' } });
    try {
      const [h, r] = [await newUser(limited.app), await newUser(limited.app)];
      const run = (
        await limited.app.inject({
          method: 'POST',
          url: '/api/runs',
          headers: bearer(h),
          payload: (await import('../../test/factories.ts')).runBody(),
        })
      ).json<{ id: string }>();
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: `/api/runs/${run.id}/comments`,
          headers: bearer(r),
          payload: { content: '도배' },
        });
      expect([(await send()).statusCode, (await send()).statusCode, (await send()).statusCode]).toEqual([
        201, 201, 429,
      ]);
      const other = await limited.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/comments`,
        headers: bearer(h),
        payload: { content: '나는 괜찮아' },
      });
      expect(other.statusCode).toBe(201);
      expect((await send()).json<ErrorBody>().code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
