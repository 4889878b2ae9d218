import type { ChatList, ChatMembers, ChatPage, Comment, CommentPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewRows } from '../../test/crew-fixtures.ts';
import { bearer, newCourse, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let blocker: TestUser;
let blocked: TestUser;
let other: TestUser;
beforeAll(async () => {
  // The guest response cache on, as in production: guests' comment pages are shared between requests.
  t = await createTestApp({ env: { RESPONSE_CACHE_MS: '60000' } });
  [blocker, blocked, other] = [
    await newUser(t.app, { nickname: '차단한러너' }),
    await newUser(t.app, { nickname: '차단된러너' }),
    await newUser(t.app, { nickname: '다른러너' }),
  ];
  expect(
    (
      await t.app.inject({
        method: 'PUT',
        url: `/api/me/blocks/${blocked.user.id}`,
        headers: bearer(blocker),
      })
    ).statusCode,
  ).toBe(204);
});
afterAll(() => t.close());

type Who = { accessToken: string } | null;
const call = (method: 'GET' | 'POST', url: string, who: Who, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? bearer(who) : {},
    ...(payload === undefined ? {} : { payload }),
  });
const write = async (url: string, who: TestUser, content: string) =>
  (await call('POST', url, who, { content })).json<Comment>();
const folding = async (url: string, who: Who) =>
  Object.fromEntries(
    (await call('GET', url, who)).json<CommentPage>().items.map((c) => [c.content, c.folded]),
  );

describe('folding the blocked user’s comments for the blocker', () => {
  it('folds a run’s Q&A for the blocker only; guests (also from the cache) and others see it unfolded', async () => {
    const run = await newRun(t.app, other);
    const url = `/api/runs/${run.id}/comments`;
    await write(url, blocked, '차단된 사람의 질문');
    await write(url, other, '다른 사람의 질문');
    // A guest reads first (and fills the cache), then the blocker, then a guest again (from the cache).
    const guest = await folding(url, null);
    expect(guest).toEqual({ '차단된 사람의 질문': false, '다른 사람의 질문': false });
    expect(await folding(url, blocker)).toEqual({ '차단된 사람의 질문': true, '다른 사람의 질문': false });
    expect(await folding(url, null)).toEqual(guest);
    expect(await folding(url, other)).toEqual(guest);
    // The blocked user sees nothing of it either.
    expect(await folding(url, blocked)).toEqual(guest);
  });

  it('folds replies, a course’s reviews and an announcement’s comments', async () => {
    const course = await newCourse(t.app, other);
    const courseUrl = `/api/courses/${course.id}/comments`;
    const review = await write(courseUrl, blocked, '코스 후기');
    expect(await folding(courseUrl, blocker)).toEqual({ '코스 후기': true });
    expect(await folding(courseUrl, null)).toEqual({ '코스 후기': false });
    await write(`/api/comments/${review.id}/replies`, blocked, '후기의 답글');
    await write(`/api/comments/${review.id}/replies`, other, '다른 답글');
    expect(await folding(`/api/comments/${review.id}/replies`, blocker)).toEqual({
      '후기의 답글': true,
      '다른 답글': false,
    });

    const crew = await crewRows(t, other, { members: [blocker, blocked] });
    const made = await call('POST', `/api/crews/${crew.id}/announcements`, other, {
      title: '이번 주 공지',
      content: '토요일 아침에 모여요',
    });
    expect(made.statusCode).toBe(201);
    const announcementUrl = `/api/announcements/${made.json<{ id: string }>().id}/comments`;
    await write(announcementUrl, blocked, '공지 댓글');
    expect(await folding(announcementUrl, blocker)).toEqual({ '공지 댓글': true });
    expect(await folding(announcementUrl, other)).toEqual({ '공지 댓글': false });
  });
});

describe('notifications of the blocked user’s comments', () => {
  const told = async (who: TestUser, category: string) => {
    const result = await t.database.executeSql(
      `select count(*)::int as n from notifications where user_id = $1 and actor_id = $2 and category = $3`,
      [who.user.id, blocked.user.id, category],
    );
    return Number((result.rows as { n: number }[])[0]?.n);
  };

  it('the blocker is not told of their comments on the blocker’s run or course, nor of their replies', async () => {
    const before = { comment: await told(blocker, 'comment'), reply: await told(blocker, 'reply') };
    const run = await newRun(t.app, blocker);
    const question = await write(`/api/runs/${run.id}/comments`, blocked, '차단된 사람이 묻는 말');
    const course = await newCourse(t.app, blocker);
    await write(`/api/courses/${course.id}/comments`, blocked, '차단된 사람의 후기');
    expect(await told(blocker, 'comment')).toBe(before.comment);

    const mine = await write(`/api/runs/${run.id}/comments`, blocker, '크루장의 안내');
    await write(`/api/comments/${mine.id}/replies`, blocked, '차단된 사람의 답글');
    expect(await told(blocker, 'reply')).toBe(before.reply);

    // Others still hear from them: one-way, silent.
    const othersRun = await newRun(t.app, other);
    const theirs = await write(`/api/runs/${othersRun.id}/comments`, other, '다른 사람의 글');
    const beforeOther = { comment: await told(other, 'comment'), reply: await told(other, 'reply') };
    await write(`/api/runs/${othersRun.id}/comments`, blocked, '다른 사람 런의 질문');
    await write(`/api/comments/${theirs.id}/replies`, blocked, '다른 사람에게 답글');
    expect(await told(other, 'comment')).toBe(beforeOther.comment + 1);
    expect(await told(other, 'reply')).toBe(beforeOther.reply + 1);
    // And the blocked user still hears from the blocker (nobody blocked the blocker).
    const beforeBlocked = await t.database.executeSql(
      `select count(*)::int as n from notifications where user_id = $1 and actor_id = $2 and category = 'reply'`,
      [blocked.user.id, blocker.user.id],
    );
    await write(`/api/comments/${question.id}/replies`, blocker, '답해 드려요');
    const afterBlocked = await t.database.executeSql(
      `select count(*)::int as n from notifications where user_id = $1 and actor_id = $2 and category = 'reply'`,
      [blocked.user.id, blocker.user.id],
    );
    expect(Number((afterBlocked.rows as { n: number }[])[0]?.n)).toBe(
      Number((beforeBlocked.rows as { n: number }[])[0]?.n) + 1,
    );
  });
});

describe('folding the blocked user’s chat messages, and the @mention suggestions', () => {
  it('marks their messages folded in the blocker’s pages and chat list, names them for live messages, and suggests neither to the other', async () => {
    const run = await newRun(t.app, other);
    for (const who of [blocker, blocked])
      expect((await call('POST', `/api/runs/${run.id}/participants`, who)).statusCode).toBe(201);
    const url = `/api/runs/${run.id}/messages`;
    expect((await call('POST', url, other, { content: '반가워요' })).statusCode).toBe(201);
    expect((await call('POST', url, blocked, { content: '안녕하세요' })).statusCode).toBe(201);

    const mine = (await call('GET', url, blocker)).json<ChatPage>();
    expect(Object.fromEntries(mine.items.map((m) => [m.content, m.folded]))).toEqual({
      안녕하세요: true,
      반가워요: false,
    });
    expect(mine.foldedAuthorIds).toEqual([blocked.user.id]);
    const theirs = (await call('GET', url, other)).json<ChatPage>();
    expect(theirs.items.every((m) => m.folded === false)).toBe(true);
    expect(theirs.foldedAuthorIds).toEqual([]);
    const blockedView = (await call('GET', url, blocked)).json<ChatPage>();
    expect(blockedView.foldedAuthorIds).toEqual([]);

    const list = (await call('GET', '/api/me/chats', blocker)).json<ChatList>();
    expect(list.items.find((c) => c.id === run.id)?.lastMessage).toMatchObject({
      content: '안녕하세요',
      folded: true,
    });

    const members = async (who: TestUser) =>
      (await call('GET', `/api/chats/run/${run.id}/members`, who))
        .json<ChatMembers>()
        .items.map((m) => m.nickname)
        .sort();
    expect(await members(blocker)).toEqual(['다른러너', '차단한러너']);
    expect(await members(blocked)).toEqual(['다른러너', '차단된러너']);
    expect(await members(other)).toEqual(['다른러너', '차단된러너', '차단한러너']);
  });

  it('never notifies the blocker of the blocked user’s messages, not even an @mention; others still hear', async () => {
    const run = await newRun(t.app, other);
    for (const who of [blocker, blocked])
      expect((await call('POST', `/api/runs/${run.id}/participants`, who)).statusCode).toBe(201);
    const sent = await call('POST', `/api/runs/${run.id}/messages`, blocked, {
      content: '@차단한러너 @다른러너 내일 봬요',
    });
    expect(sent.statusCode).toBe(201);
    const heard = async (who: TestUser) => {
      const result = await t.database.executeSql(
        `select category from notifications where user_id = $1 and actor_id = $2 and run_id = $3
          and category like 'chat%'`,
        [who.user.id, blocked.user.id, run.id],
      );
      return (result.rows as { category: string }[]).map((r) => r.category);
    };
    expect(await heard(blocker)).toEqual([]);
    expect(await heard(other)).toEqual(['chat_mention']);
  });
});
