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
