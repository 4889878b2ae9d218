import type {
  ChatMessage,
  ChatPage,
  Comment,
  CommentPage,
  ErrorBody,
  ReportCreated,
  ReportTargetType,
  RunPage,
} from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newCourse, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { crewRows, makeCrewRun } from '../../test/crew-fixtures.ts';

let t: TestApp;
let host: TestUser;
let member: TestUser;
let outsider: TestUser;
let reporters: TestUser[];
let crew: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  host = await newUser(t.app, { nickname: '크루장' });
  member = await newUser(t.app, { nickname: '크루원' });
  outsider = await newUser(t.app, { nickname: '지나가던' });
  reporters = [];
  for (const nickname of ['신고1', '신고2', '신고3', '신고4'])
    reporters.push(await newUser(t.app, { nickname }));
  crew = await crewRows(t, host, { members: [member, ...reporters] });
});
afterAll(() => t.close());

type Who = { accessToken: string } | null;
const call = (app: TestApp, who: Who, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  app.app.inject({ method, url, headers: who ? bearer(who) : {}, ...(payload ? { payload } : {}) });
const report = (who: Who, targetType: ReportTargetType, targetId: string, extra: object = {}, app = t) =>
  call(app, who, 'POST', '/api/reports', { targetType, targetId, reason: 'spam', ...extra });
const codeOf = (response: { json: <T>() => T }) => response.json<ErrorBody>().code;

async function stored(id: string) {
  const result = await t.database.executeSql(
    'select reporter_id, target_type, subject_id, crew_id, reason, note, status from reports where id = $1',
    [id],
  );
  return result.rows[0] as Record<string, unknown>;
}

async function hiddenAt(table: string, id: string, app = t): Promise<unknown> {
  const result = await app.database.executeSql(`select hidden_at from ${table} where id = $1`, [id]);
  return (result.rows[0] as { hidden_at: unknown } | undefined)?.hidden_at;
}

async function comment(who: TestUser, url: string, content: string): Promise<Comment> {
  const response = await call(t, who, 'POST', url, { content });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Comment>();
}

async function crewMessage(who: TestUser, content: string): Promise<ChatMessage> {
  const response = await call(t, who, 'POST', `/api/crews/${crew.id}/chat/messages`, { content });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ChatMessage>();
}

/** Three different people report it: the threshold (REPORT_HIDE_THRESHOLD, 3 by default). */
async function reportedByThree(type: ReportTargetType, id: string): Promise<void> {
  for (const who of reporters.slice(0, 3)) {
    const response = await report(who, type, id);
    expect(response.statusCode, response.body).toBe(201);
  }
}

describe('POST /api/reports', () => {
  it('reports each kind of target, keeping whose it is and its crew; the answer is the open report', async () => {
    const run = await newRun(t.app, host);
    await makeCrewRun(t, run.id, crew.id);
    const course = await newCourse(t.app, host);
    const note = await comment(host, `/api/runs/${run.id}/comments`, '광고 댓글');
    const message = await crewMessage(host, '사세요 사세요');
    const made = await call(t, host, 'POST', `/api/crews/${crew.id}/announcements`, {
      title: '이번 주 공지',
      content: '반포에서 만나요.',
    });
    expect(made.statusCode, made.body).toBe(201);
    const announcement = made.json<{ id: string }>();
    const cases: [ReportTargetType, string, string | null][] = [
      ['user', host.user.id, null],
      ['run', run.id, crew.id],
      ['course', course.id, null],
      ['comment', note.id, crew.id],
      ['chat_message', message.id, crew.id],
      ['crew', crew.id, crew.id],
      ['announcement', announcement.id, crew.id],
    ];
    for (const [type, id, crewId] of cases) {
      const response = await report(member, type, id, { reason: 'other', note: '  이상해요  ' });
      expect(response.statusCode, `${type}: ${response.body}`).toBe(201);
      const body = response.json<ReportCreated>();
      expect(body.status).toBe('open');
      expect(await stored(body.id)).toEqual({
        reporter_id: member.user.id,
        target_type: type,
        subject_id: host.user.id,
        crew_id: crewId,
        reason: 'other',
        note: '이상해요',
        status: 'open',
      });
    }
  });

  it('asks for a sign-in, a valid body, a note for "other", and never one’s own content', async () => {
    const run = await newRun(t.app, host);
    expect((await report(null, 'run', run.id)).statusCode).toBe(401);
    const otherWithoutNote = await report(member, 'run', run.id, { reason: 'other' });
    expect(otherWithoutNote.statusCode).toBe(400);
    expect(otherWithoutNote.json<ErrorBody>().issues?.[0]?.message).toBe('report.note.required');
    expect((await report(member, 'run', run.id, { reason: 'rude' })).statusCode).toBe(400);
    expect((await report(member, 'post' as ReportTargetType, run.id)).statusCode).toBe(400);
    expect((await report(member, 'run', run.id, { note: 'x'.repeat(501) })).statusCode).toBe(400);
    const self = await report(host, 'run', run.id);
    expect(self.statusCode).toBe(400);
    expect(self.json<ErrorBody>().issues?.[0]?.message).toBe('report.self');
    expect((await report(host, 'user', host.user.id)).statusCode).toBe(400);
  });

  it('answers 404 for what the reporter cannot see: members-only runs, deleted comments, others’ chats', async () => {
    const membersOnly = await newRun(t.app, host);
    await makeCrewRun(t, membersOnly.id, crew.id, 'crew');
    const refused = await report(outsider, 'run', membersOnly.id);
    expect(refused.statusCode).toBe(404);
    expect(codeOf(refused)).toBe('RUN_NOT_FOUND');
    expect((await report(member, 'run', membersOnly.id)).statusCode).toBe(201);

    const run = await newRun(t.app, outsider);
    const gone = await comment(host, `/api/runs/${run.id}/comments`, '지울 댓글');
    expect((await call(t, host, 'DELETE', `/api/comments/${gone.id}`)).statusCode).toBe(204);
    expect(codeOf(await report(member, 'comment', gone.id))).toBe('COMMENT_NOT_FOUND');

    const message = await crewMessage(host, '크루원끼리만');
    expect((await report(outsider, 'chat_message', message.id)).statusCode).toBe(404);
    expect((await report(outsider, 'user', crypto.randomUUID())).statusCode).toBe(404);
    expect((await report(outsider, 'crew', crypto.randomUUID())).statusCode).toBe(404);
  });

  it('keeps one open report per reporter and target, also for two taps at once', async () => {
    const run = await newRun(t.app, host);
    expect((await report(member, 'run', run.id)).statusCode).toBe(201);
    const again = await report(member, 'run', run.id, { reason: 'unsafe' });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('ALREADY_REPORTED');

    const other = await newRun(t.app, host);
    const both = await Promise.all([report(outsider, 'run', other.id), report(outsider, 'run', other.id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await t.database.executeSql('select count(*)::int as n from reports where target_id = $1', [
      other.id,
    ]);
    expect(rows.rows[0]).toEqual({ n: 1 });
  });
});

describe('hidden by reports (DOMAIN.md: 3 distinct people)', () => {
  it('a run stays with two reporters (one of them twice) and hides with the third, but not from its host', async () => {
    const [first, second, third, fourth] = reporters as [TestUser, TestUser, TestUser, TestUser];
    const run = await newRun(t.app, host, { title: '신고될 러닝' });
    const inFeed = async (who: Who) =>
      (await call(t, who, 'GET', `/api/runs?q=${encodeURIComponent('신고될')}`))
        .json<RunPage>()
        .items.some((r) => r.id === run.id);
    expect((await report(first, 'run', run.id)).statusCode).toBe(201);
    expect((await report(first, 'run', run.id)).statusCode).toBe(409);
    expect((await report(second, 'run', run.id)).statusCode).toBe(201);
    expect(await hiddenAt('runs', run.id)).toBeNull();
    expect(await inFeed(null)).toBe(true);
    expect((await call(t, null, 'GET', `/api/runs/${run.id}`)).statusCode).toBe(200);

    expect((await report(third, 'run', run.id)).statusCode).toBe(201);
    expect(await hiddenAt('runs', run.id)).not.toBeNull();
    expect(await inFeed(null)).toBe(false);
    expect(await inFeed(outsider)).toBe(false);
    expect((await call(t, null, 'GET', `/api/runs/${run.id}`)).statusCode).toBe(404);
    expect((await call(t, outsider, 'GET', `/api/runs/${run.id}`)).statusCode).toBe(404);
    expect((await call(t, outsider, 'GET', `/api/runs/${run.id}/comments`)).statusCode).toBe(404);
    expect((await call(t, host, 'GET', `/api/runs/${run.id}`)).statusCode).toBe(200);
    // Hidden from them, it is no longer theirs to report either.
    expect((await report(fourth, 'run', run.id)).statusCode).toBe(404);
  });

  it('the third and fourth reporters at the same moment still hide it: reports of one target are counted in turn', async () => {
    const [first, second, third] = reporters as [TestUser, TestUser, TestUser];
    for (let round = 0; round < 3; round += 1) {
      const run = await newRun(t.app, host);
      expect((await report(first, 'run', run.id)).statusCode).toBe(201);
      const both = await Promise.all([report(second, 'run', run.id), report(third, 'run', run.id)]);
      expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
      expect(await hiddenAt('runs', run.id)).not.toBeNull();
    }
  });

  it('a reported comment is folded in its thread for others, keeping its replies; its author still reads it', async () => {
    const run = await newRun(t.app, outsider);
    const bad = await comment(host, `/api/runs/${run.id}/comments`, '욕설 댓글');
    await comment(member, `/api/comments/${bad.id}/replies`, '그러지 마세요');
    await reportedByThree('comment', bad.id);
    const seenBy = async (who: Who) =>
      (await call(t, who, 'GET', `/api/runs/${run.id}/comments`))
        .json<CommentPage>()
        .items.find((c) => c.id === bad.id);
    for (const who of [null, outsider, member]) {
      expect(await seenBy(who)).toMatchObject({ content: '', author: null, hidden: true, replyCount: 1 });
    }
    expect(await seenBy(host)).toMatchObject({ content: '욕설 댓글', hidden: true });
    const replies = (await call(t, null, 'GET', `/api/comments/${bad.id}/replies`)).json<CommentPage>();
    expect(replies.items.map((r) => r.content)).toEqual(['그러지 마세요']);
  });

  it('a reported chat message is folded in the history for the other members, not for its author', async () => {
    const bad = await crewMessage(host, '광고 메시지');
    await reportedByThree('chat_message', bad.id);
    const seenBy = async (who: TestUser) =>
      (await call(t, who, 'GET', `/api/crews/${crew.id}/chat/messages`))
        .json<ChatPage>()
        .items.find((m) => m.id === bad.id);
    expect(await seenBy(member)).toMatchObject({ content: '', hidden: true });
    expect(await seenBy(host)).toMatchObject({ content: '광고 메시지', hidden: true });
  });

  it('a reported course, crew and announcement are hidden; a reported user is only counted', async () => {
    const course = await newCourse(t.app, outsider);
    await reportedByThree('course', course.id);
    expect((await call(t, null, 'GET', `/api/courses/${course.id}`)).statusCode).toBe(404);
    expect((await call(t, outsider, 'GET', `/api/courses/${course.id}`)).statusCode).toBe(200);

    const made = await call(t, host, 'POST', `/api/crews/${crew.id}/announcements`, {
      title: '수상한 공지',
      content: '링크를 눌러 주세요.',
    });
    const announcement = made.json<{ id: string }>();
    await reportedByThree('announcement', announcement.id);
    expect((await call(t, member, 'GET', `/api/announcements/${announcement.id}`)).statusCode).toBe(404);
    expect((await call(t, host, 'GET', `/api/announcements/${announcement.id}`)).statusCode).toBe(200);
    const listed = await call(t, member, 'GET', `/api/crews/${crew.id}/announcements`);
    expect(listed.json<{ items: { id: string }[] }>().items.map((a) => a.id)).not.toContain(announcement.id);

    const owner = await newUser(t.app, { nickname: '수상한크루장' });
    const other = await crewRows(t, owner, { members: [member] });
    await reportedByThree('crew', other.id);
    expect((await call(t, null, 'GET', `/api/crews/${other.id}`)).statusCode).toBe(404);
    expect((await call(t, outsider, 'GET', `/api/crews/${other.id}`)).statusCode).toBe(404);
    expect((await call(t, member, 'GET', `/api/crews/${other.id}`)).statusCode).toBe(200);

    const user = await newUser(t.app, { nickname: '신고된러너' });
    await reportedByThree('user', user.user.id);
    expect((await call(t, null, 'GET', `/api/users/${user.user.id}`)).statusCode).toBe(200);
  });
});

describe('limits and the guests’ cache', () => {
  let small: TestApp;
  beforeAll(async () => {
    // A long cache: only its emptying on the write can make the hidden run disappear for guests at once.
    small = await createTestApp({
      env: { REPORT_HIDE_THRESHOLD: '1', RATE_LIMIT_REPORT_USER: '2/1h', RESPONSE_CACHE_MS: '60000' },
    });
  });
  afterAll(() => small.close());

  it('hides at the configured threshold and guests stop seeing it at once, cached or not', async () => {
    const [owner, reporter] = [await newUser(small.app), await newUser(small.app)];
    const run = await newRun(small.app, owner, { title: '캐시된 러닝' });
    const guestSees = async () => {
      const feed = (await call(small, null, 'GET', '/api/runs')).json<RunPage>();
      const page = await call(small, null, 'GET', `/api/runs/${run.id}`);
      return { inFeed: feed.items.some((r) => r.id === run.id), page: page.statusCode };
    };
    expect(await guestSees()).toEqual({ inFeed: true, page: 200 });
    expect((await report(reporter, 'run', run.id, {}, small)).statusCode).toBe(201);
    expect(await hiddenAt('runs', run.id, small)).not.toBeNull();
    expect(await guestSees()).toEqual({ inFeed: false, page: 404 });
  });

  it('limits reports per user an hour (429)', async () => {
    const [owner, reporter] = [await newUser(small.app), await newUser(small.app)];
    const runs = [
      await newRun(small.app, owner),
      await newRun(small.app, owner),
      await newRun(small.app, owner),
    ];
    const answers = [];
    for (const run of runs) answers.push((await report(reporter, 'run', run.id, {}, small)).statusCode);
    expect(answers).toEqual([201, 201, 429]);
  });
});
