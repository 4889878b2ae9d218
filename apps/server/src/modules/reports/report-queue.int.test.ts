import type {
  Comment,
  CommentPage,
  ErrorBody,
  Me,
  ModerationEntry,
  NotificationPage,
  ReportCreated,
  ReportQueueItem,
  ReportQueuePage,
  ReportTargetType,
} from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../admin/admin.ts';
import { crewRows, makeCrewRun } from '../../test/crew-fixtures.ts';
import { bearer, movableClock, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = movableClock();
let t: TestApp;
let moderator: TestUser;
let owner: TestUser;
let staff: TestUser;
let author: TestUser;
let reporters: TestUser[];
let crew: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  moderator = await newUser(t.app, { nickname: '운영자' });
  owner = await newUser(t.app, { nickname: '크루장' });
  staff = await newUser(t.app, { nickname: '운영진' });
  author = await newUser(t.app, { nickname: '악플러' });
  reporters = [];
  for (const nickname of ['신고1', '신고2', '신고3', '신고4'])
    reporters.push(await newUser(t.app, { nickname }));
  crew = await crewRows(t, owner, { staff: [staff], members: [author, ...reporters] });
  expect((await runAdminCommand(t.database, ['grant', moderator.email, 'moderator'], clock)).code).toBe(0);
});
afterAll(() => t.close());

type Who = { accessToken: string } | null;
const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who ? bearer(who) : {}, ...(payload ? { payload } : {}) });
const codeOf = (response: { json: <T>() => T }) => response.json<ErrorBody>().code;

async function report(who: TestUser, type: ReportTargetType, id: string, reason = 'harassment') {
  const response = await call(who, 'POST', '/api/reports', { targetType: type, targetId: id, reason });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ReportCreated>();
}

async function comment(who: TestUser, runId: string, content: string): Promise<Comment> {
  const response = await call(who, 'POST', `/api/runs/${runId}/comments`, { content });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Comment>();
}

async function queue(who: Who, query = 'status=open&limit=100'): Promise<ReportQueuePage> {
  const response = await call(who, 'GET', `/api/admin/reports?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReportQueuePage>();
}

async function itemOf(who: Who, targetId: string, query?: string): Promise<ReportQueueItem | undefined> {
  return (await queue(who, query)).items.find((i) => i.targetId === targetId);
}

const act = (who: Who, reportId: string, payload: object) =>
  call(who, 'POST', `/api/admin/reports/${reportId}/actions`, payload);

async function hiddenAt(table: string, id: string): Promise<unknown> {
  const result = await t.database.executeSql(`select hidden_at from ${table} where id = $1`, [id]);
  return (result.rows[0] as { hidden_at: unknown } | undefined)?.hidden_at;
}

async function statuses(targetId: string): Promise<string[]> {
  const result = await t.database.executeSql(
    'select status from reports where target_id = $1 order by created_at, id',
    [targetId],
  );
  return (result.rows as { status: string }[]).map((r) => r.status);
}

/** An abusive comment under a crew run, reported by `count` people. */
async function reportedComment(count: number, content = '욕설 가득한 댓글') {
  const run = await newRun(t.app, owner);
  await makeCrewRun(t, run.id, crew.id);
  const bad = await comment(author, run.id, content);
  const made: ReportCreated[] = [];
  for (const who of reporters.slice(0, count)) made.push(await report(who, 'comment', bad.id));
  return { run, bad, reports: made };
}

async function commentSeenBy(who: Who, runId: string, commentId: string) {
  const page = (await call(who, 'GET', `/api/runs/${runId}/comments`)).json<CommentPage>();
  return page.items.find((c) => c.id === commentId);
}

describe('the report queue', () => {
  it('is for moderators (or a crew’s staff): 401 without sign-in, 403 NOT_MODERATOR for a runner', async () => {
    expect((await call(null, 'GET', '/api/admin/reports')).statusCode).toBe(401);
    const refused = await call(reporters[0] ?? null, 'GET', '/api/admin/reports');
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe('NOT_MODERATOR');
    const otherCrew = await crewRows(t, await newUser(t.app));
    const notTheirs = await call(staff, 'GET', `/api/admin/reports?crewId=${otherCrew.id}`);
    expect(notTheirs.statusCode).toBe(403);
    const badCursor = await call(moderator, 'GET', '/api/admin/reports?cursor=nonsense');
    expect(badCursor.statusCode).toBe(400);
  });

  it('groups a target’s reports with the content in context, whose it is, its crew and who reported', async () => {
    const { run, bad } = await reportedComment(2, '이 댓글은 선을 넘었다');
    const item = await itemOf(moderator, bad.id);
    expect(item).toMatchObject({
      targetType: 'comment',
      content: { title: null, text: '이 댓글은 선을 넘었다', link: `/runs/${run.id}`, hidden: false },
      subject: { id: author.user.id, nickname: '악플러' },
      crew: { id: crew.id, name: crew.name },
      openCount: 2,
      actions: [],
    });
    expect(item?.reports.map((r) => [r.reason, r.status, r.reporter?.nickname])).toEqual([
      ['harassment', 'open', '신고2'],
      ['harassment', 'open', '신고1'],
    ]);
  });

  it('lists open targets oldest first, a page at a time, and decided ones under status=closed', async () => {
    const own = await crewRows(t, owner, { members: reporters });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const run = await newRun(t.app, owner);
      await makeCrewRun(t, run.id, own.id);
      await report(reporters[0] as TestUser, 'run', run.id, 'spam');
      ids.push(run.id);
      clock.offsetMs += 1000;
    }
    const first = await queue(moderator, `crewId=${own.id}&limit=2`);
    expect(first.items.map((i) => i.targetId)).toEqual(ids.slice(0, 2));
    expect(first.canActOnAccounts).toBe(true);
    const second = await queue(moderator, `crewId=${own.id}&limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((i) => i.targetId)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();

    const decided = first.items[0]?.reports[0]?.id ?? '';
    expect((await act(moderator, decided, { action: 'dismiss', reason: '광고 아님' })).statusCode).toBe(201);
    const open = await queue(moderator, `crewId=${own.id}`);
    expect(open.items.map((i) => i.targetId)).toEqual(ids.slice(1));
    const closed = await queue(moderator, `crewId=${own.id}&status=closed`);
    expect(closed.items.map((i) => i.targetId)).toEqual([ids[0]]);
    expect(closed.items[0]?.actions.map((a) => [a.action, a.reason])).toEqual([['dismiss', '광고 아님']]);
  });
});

describe('acting on a report', () => {
  it('hide: the comment is folded for everyone but its author, every open report of it is decided, the author told', async () => {
    const { run, bad, reports: made } = await reportedComment(2);
    const response = await act(moderator, made[0]?.id ?? '', { action: 'hide', reason: '욕설' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<ModerationEntry>()).toMatchObject({
      action: 'hide',
      targetType: 'comment',
      targetId: bad.id,
      actor: { id: moderator.user.id },
      subject: { id: author.user.id },
      reportId: made[0]?.id,
      reason: '욕설',
    });
    expect(await hiddenAt('comments', bad.id)).not.toBeNull();
    expect(await statuses(bad.id)).toEqual(['actioned', 'actioned']);
    expect(await commentSeenBy(reporters[3] ?? null, run.id, bad.id)).toMatchObject({
      hidden: true,
      content: '',
    });
    expect(await commentSeenBy(author, run.id, bad.id)).toMatchObject({ content: '욕설 가득한 댓글' });
    const told = (await call(author, 'GET', '/api/notifications')).json<NotificationPage>();
    expect(told.items[0]).toMatchObject({
      category: 'moderation_notice',
      data: { action: 'hide', reason: '욕설', targetType: 'comment' },
    });
    expect(await itemOf(moderator, bad.id)).toBeUndefined();
  });

  it('dismiss shows again what the reports hid; restore undoes a hide', async () => {
    const first = await reportedComment(3);
    expect(await hiddenAt('comments', first.bad.id)).not.toBeNull();
    const dismissed = await act(moderator, first.reports[1]?.id ?? '', {
      action: 'dismiss',
      reason: '문제없음',
    });
    expect(dismissed.statusCode).toBe(201);
    expect(await hiddenAt('comments', first.bad.id)).toBeNull();
    expect(await statuses(first.bad.id)).toEqual(['dismissed', 'dismissed', 'dismissed']);

    const second = await reportedComment(1);
    expect(
      (await act(moderator, second.reports[0]?.id ?? '', { action: 'hide', reason: '욕설' })).statusCode,
    ).toBe(201);
    const restored = await act(moderator, second.reports[0]?.id ?? '', {
      action: 'restore',
      reason: '이의 인정',
    });
    expect(restored.statusCode).toBe(201);
    expect(await hiddenAt('comments', second.bad.id)).toBeNull();
    const closed = await itemOf(moderator, second.bad.id, 'status=closed&limit=100');
    expect(closed?.actions.map((a) => a.action)).toEqual(['restore', 'hide']);
  });

  it('suspend the author from the report: reads but cannot post; the log keeps the report and the days', async () => {
    const writer = await newUser(t.app, { nickname: '정지될러너' });
    const run = await newRun(t.app, owner);
    const bad = await comment(writer, run.id, '광고입니다');
    const made = await report(reporters[0] as TestUser, 'comment', bad.id);
    const response = await act(moderator, made.id, { action: 'suspend', reason: '반복 광고', days: 7 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<ModerationEntry>()).toMatchObject({
      action: 'suspend',
      targetType: 'user',
      targetId: writer.user.id,
      reportId: made.id,
      days: 7,
    });
    expect(await statuses(bad.id)).toEqual(['actioned']);
    const me = (await call(writer, 'GET', '/api/me')).json<Me>();
    expect(me.restriction).toMatchObject({ kind: 'suspended', reason: '반복 광고' });
    const post = await call(writer, 'POST', `/api/runs/${run.id}/comments`, { content: '또 광고' });
    expect(post.statusCode).toBe(403);
    expect(codeOf(post)).toBe('ACCOUNT_SUSPENDED');
    expect((await call(writer, 'GET', `/api/runs/${run.id}/comments`)).statusCode).toBe(200);
  });

  it('says what is wrong: unknown report, a user cannot be hidden, suspend needs days, reason needed', async () => {
    const missing = await act(moderator, '00000000-0000-4000-8000-000000000000', {
      action: 'hide',
      reason: '욕설',
    });
    expect(missing.statusCode).toBe(404);
    expect(codeOf(missing)).toBe('REPORT_NOT_FOUND');
    const user = await newUser(t.app, { nickname: '사칭러너' });
    const aboutUser = await report(reporters[0] as TestUser, 'user', user.user.id, 'impersonation');
    const hideUser = await act(moderator, aboutUser.id, { action: 'hide', reason: '사칭' });
    expect(hideUser.statusCode).toBe(400);
    expect(await statuses(user.user.id)).toEqual(['open']);
    expect((await act(moderator, aboutUser.id, { action: 'suspend', reason: '사칭' })).statusCode).toBe(400);
    expect((await act(moderator, aboutUser.id, { action: 'warn', reason: '' })).statusCode).toBe(400);
    expect((await act(moderator, aboutUser.id, { action: 'erase', reason: '사칭' })).statusCode).toBe(400);
    const warned = await act(moderator, aboutUser.id, { action: 'warn', reason: '사칭 경고' });
    expect(warned.statusCode).toBe(201);
    expect(await statuses(user.user.id)).toEqual(['actioned']);
  });
});

describe('a crew’s staff moderate their crew’s content', () => {
  it('see their crew’s reports without who reported, hide and dismiss, but act on no account', async () => {
    const { bad, reports: made } = await reportedComment(1, '크루 안 욕설');
    const mine = await queue(staff, `crewId=${crew.id}`);
    expect(mine.canActOnAccounts).toBe(false);
    const item = mine.items.find((i) => i.targetId === bad.id);
    expect(item?.reports.map((r) => r.reporter)).toEqual([null]);
    // Without the crew, the queue is the whole site's: not theirs.
    expect((await call(staff, 'GET', '/api/admin/reports')).statusCode).toBe(403);
    const suspend = await act(staff, made[0]?.id ?? '', { action: 'suspend', reason: '욕설', days: 3 });
    expect(suspend.statusCode).toBe(403);
    const hidden = await act(staff, made[0]?.id ?? '', { action: 'hide', reason: '크루 규칙 위반' });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect(hidden.json<ModerationEntry>()).toMatchObject({ crewId: crew.id, actor: { id: staff.user.id } });
    expect(await hiddenAt('comments', bad.id)).not.toBeNull();
    // A member who is not staff cannot; nor can staff of the crew act on a report elsewhere.
    const elsewhere = await report(reporters[1] as TestUser, 'run', (await newRun(t.app, owner)).id);
    expect((await act(staff, elsewhere.id, { action: 'hide', reason: '욕설' })).statusCode).toBe(403);
    const byMember = await act(reporters[2] ?? null, made[0]?.id ?? '', {
      action: 'restore',
      reason: '복구',
    });
    expect(byMember.statusCode).toBe(403);
  });

  it('never see or decide reports of the crew itself (those are the moderators’)', async () => {
    const made = await report(reporters[0] as TestUser, 'crew', crew.id, 'spam');
    expect((await queue(staff, `crewId=${crew.id}`)).items.map((i) => i.targetId)).not.toContain(crew.id);
    expect((await act(owner, made.id, { action: 'dismiss', reason: '우리 크루' })).statusCode).toBe(403);
    expect(await itemOf(moderator, crew.id)).toMatchObject({ targetType: 'crew', openCount: 1 });
  });
});

describe('races', () => {
  it('a report and a moderator’s dismissal at once: decided in turn, nothing left hidden without open reports', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { bad, reports: made } = await reportedComment(3);
      const [late, dismissal] = await Promise.all([
        call(reporters[3] ?? null, 'POST', '/api/reports', {
          targetType: 'comment',
          targetId: bad.id,
          reason: 'harassment',
        }),
        act(moderator, made[0]?.id ?? '', { action: 'dismiss', reason: '문제없음' }),
      ]);
      expect(dismissal.statusCode).toBe(201);
      // The comment was hidden when the late reporter looked: refused (404) — or counted, then dismissed.
      expect([201, 404]).toContain(late.statusCode);
      const open = (await statuses(bad.id)).filter((s) => s === 'open').length;
      expect(await hiddenAt('comments', bad.id)).toBeNull();
      expect(open).toBeLessThanOrEqual(1);
    }
  });

  it('two moderators at once (hide and restore): one after the other, the state is the last one logged', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { bad, reports: made } = await reportedComment(1);
      const answers = await Promise.all([
        act(moderator, made[0]?.id ?? '', { action: 'hide', reason: '욕설' }),
        act(moderator, made[0]?.id ?? '', { action: 'restore', reason: '문제없음' }),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
      const item = await itemOf(moderator, bad.id, 'status=closed&limit=100');
      const last = item?.actions[0]?.action;
      expect(last === 'hide').toBe((await hiddenAt('comments', bad.id)) !== null);
    }
  });
});
