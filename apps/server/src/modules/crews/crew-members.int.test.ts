import type {
  CrewInvite,
  CrewMember,
  CrewMemberPage,
  ErrorBody,
  MyCrewMembership,
  NotificationPage,
} from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, deleteAccount, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  crewRow,
  type CrewRowOptions,
  crewRows,
  memberCountOf,
  membersOf,
  setCrewRules,
} from '../../test/crew-fixtures.ts';

let t: TestApp;
let base: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

type Who = { accessToken: string } | null;

function api(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: who ? bearer(who) : {},
    ...(payload === undefined ? {} : { payload }),
  });
}

const join = (who: Who, crewId: string, body: object = {}) =>
  api(who, 'POST', `/api/crews/${crewId}/members`, body);
const list = (who: Who, crewId: string, query = '') =>
  api(who, 'GET', `/api/crews/${crewId}/members${query ? `?${query}` : ''}`);
const mine = async (who: Who, crewId: string) =>
  (await api(who, 'GET', `/api/crews/${crewId}/members/me`)).json<MyCrewMembership>();
const patch = (who: Who, crewId: string, userId: string, body: object) =>
  api(who, 'PATCH', `/api/crews/${crewId}/members/${userId}`, body);
const remove = (who: Who, crewId: string, userId: string, body?: object) =>
  api(who, 'DELETE', `/api/crews/${crewId}/members/${userId}`, body);
const leave = (who: Who, crewId: string) => api(who, 'DELETE', `/api/crews/${crewId}/members/me`);

const codeOf = (r: { json: <T>() => T }) => r.json<ErrorBody>().code;

async function crewOf(owner: TestUser, options: CrewRowOptions = {}) {
  return (await crewRows(t, owner, options)).id;
}

/** A crew with an owner, a staff member and a plain member, all joined through the API. */
async function staffedCrew(options: CrewRowOptions = {}) {
  const [owner, staff, member] = await Promise.all([
    newUser(t.app, { nickname: '크루장' }),
    newUser(t.app, { nickname: '운영진' }),
    newUser(t.app, { nickname: '크루원' }),
  ]);
  const crewId = await crewOf(owner, { joinPolicy: 'open' });
  expect((await join(staff, crewId)).statusCode).toBe(201);
  expect((await join(member, crewId)).statusCode).toBe(201);
  expect((await patch(owner, crewId, staff.user.id, { role: 'staff' })).statusCode).toBe(200);
  await setCrewRules(t, crewId, options);
  return { owner, staff, member, crewId };
}

async function notificationsOf(who: Who, category: string) {
  const page = (await api(who, 'GET', '/api/notifications')).json<NotificationPage>();
  return page.items.filter((n) => n.category === category);
}

/** The counter equals the member rows it counts. */
async function expectCountRight(crewId: string, expected: number) {
  const rows = await membersOf(t, crewId);
  expect(rows.filter((r) => r.status === 'member')).toHaveLength(expected);
  expect(await memberCountOf(t, crewId)).toBe(expected);
}

describe('joining', () => {
  it('an open crew takes a member at once; twice is 409 ALREADY_MEMBER; no such crew is 404', async () => {
    const owner = await newUser(t.app);
    const runner = await newUser(t.app);
    const crewId = await crewOf(owner);
    expect((await join(null, crewId)).statusCode).toBe(401);
    const joined = await join(runner, crewId);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toEqual({ status: 'member' });
    const again = await join(runner, crewId);
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('ALREADY_MEMBER');
    const missing = await join(runner, '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(codeOf(missing)).toBe('CREW_NOT_FOUND');
    await expectCountRight(crewId, 2);
    expect(await mine(runner, crewId)).toMatchObject({
      status: 'member',
      role: 'member',
      runsToMember: null,
    });
  });

  it('an approval crew asks its questions: pending, staff told, answers shown to staff only', async () => {
    const { owner, staff, member, crewId } = await staffedCrew({
      joinPolicy: 'approval',
      questions: ['평소 페이스는?', '러닝 경력은?'],
    });
    const runner = await newUser(t.app, { nickname: '신청자' });
    const noAnswers = await join(runner, crewId);
    expect(noAnswers.statusCode).toBe(400);
    const tooLong = await join(runner, crewId, { answers: ['가'.repeat(301), '1년'] });
    expect(tooLong.statusCode).toBe(400);
    const asked = await join(runner, crewId, { answers: ['6분 30초', '1년'] });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toEqual({ status: 'pending' });
    const twice = await join(runner, crewId, { answers: ['6분', '1년'] });
    expect(twice.statusCode).toBe(409);
    expect(codeOf(twice)).toBe('ALREADY_REQUESTED');
    await expectCountRight(crewId, 3);

    for (const who of [owner, staff]) {
      const [told] = await notificationsOf(who, 'crew_join_request');
      expect(told).toMatchObject({
        actor: { nickname: '신청자' },
        link: `/crews/${crewId}/members?tab=pending`,
      });
    }
    expect(await notificationsOf(member, 'crew_join_request')).toHaveLength(0);
    expect((await mine(runner, crewId)).status).toBe('pending');
    expect((await mine(owner, crewId)).pendingCount).toBe(1);
    expect((await mine(member, crewId)).pendingCount).toBeNull();

    const pending = await list(staff, crewId, 'status=pending');
    expect(pending.statusCode).toBe(200);
    expect(pending.json<CrewMemberPage>().items).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ id: runner.user.id }) as unknown,
        answers: ['6분 30초', '1년'],
      }),
    ]);
    const byMember = await list(member, crewId, 'status=pending');
    expect(byMember.statusCode).toBe(403);
    expect(codeOf(byMember)).toBe('NOT_CREW_STAFF');
    const members = (await list(member, crewId)).json<CrewMemberPage>().items;
    expect(members.map((m) => m.role)).toEqual(['owner', 'staff', 'member']);
    expect(members.every((m) => m.answers === null && m.reason === null)).toBe(true);
  });

  it('staff approve (member told, counter moves); members cannot; unknown rows are 404 MEMBER_NOT_FOUND', async () => {
    const { staff, member, crewId } = await staffedCrew({ joinPolicy: 'approval' });
    const runner = await newUser(t.app);
    expect((await join(runner, crewId, {})).statusCode).toBe(201);
    const byMember = await patch(member, crewId, runner.user.id, { status: 'member' });
    expect(byMember.statusCode).toBe(403);
    expect(codeOf(byMember)).toBe('NOT_CREW_STAFF');
    const approved = await patch(staff, crewId, runner.user.id, { status: 'member' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<CrewMember>()).toMatchObject({ status: 'member', role: 'member' });
    expect(await notificationsOf(runner, 'crew_joined')).toHaveLength(1);
    await expectCountRight(crewId, 4);
    const twice = await patch(staff, crewId, runner.user.id, { status: 'member' });
    expect(codeOf(twice)).toBe('ALREADY_MEMBER');
    const stranger = await newUser(t.app);
    const nobody = await patch(staff, crewId, stranger.user.id, { status: 'member' });
    expect(nobody.statusCode).toBe(404);
    expect(codeOf(nobody)).toBe('MEMBER_NOT_FOUND');
  });

  it('an approval is seen live by the applicant’s open page (crew:membership on their room)', async () => {
    const { owner, crewId } = await staffedCrew({ joinPolicy: 'approval' });
    const runner = await newUser(t.app);
    expect((await join(runner, crewId)).statusCode).toBe(201);
    const socket = await connect(runner.accessToken);
    const event = next<{ crewId: string }>(socket, 'crew:membership');
    expect((await patch(owner, crewId, runner.user.id, { status: 'member' })).statusCode).toBe(200);
    expect(await event).toEqual({ crewId });
  });

  it('concurrent joins keep member_count equal to the members', async () => {
    const owner = await newUser(t.app);
    const crewId = await crewOf(owner);
    const runners = await Promise.all(Array.from({ length: 10 }, () => newUser(t.app)));
    const answers = await Promise.all([...runners, ...runners.slice(0, 4)].map((r) => join(r, crewId)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(4);
    await expectCountRight(crewId, 11);
    await Promise.all(runners.slice(0, 5).map((r) => leave(r, crewId)));
    await expectCountRight(crewId, 6);
  });
});

describe('invite links', () => {
  it('invite crews take members through the current link only; staff make links', async () => {
    const { owner, staff, member, crewId } = await staffedCrew({ joinPolicy: 'invite' });
    const runner = await newUser(t.app);
    const without = await join(runner, crewId);
    expect(without.statusCode).toBe(403);
    expect(codeOf(without)).toBe('INVITE_ONLY');
    const badBeforeAny = await join(runner, crewId, { invite: 'x'.repeat(43) });
    expect(codeOf(badBeforeAny)).toBe('INVITE_INVALID');
    const byMember = await api(member, 'POST', `/api/crews/${crewId}/invite`);
    expect(byMember.statusCode).toBe(403);
    expect(codeOf(byMember)).toBe('NOT_CREW_STAFF');
    const first = await api(staff, 'POST', `/api/crews/${crewId}/invite`);
    expect(first.statusCode).toBe(201);
    const second = (await api(owner, 'POST', `/api/crews/${crewId}/invite`)).json<CrewInvite>();
    const tokenOf = (url: string) => new URL(url).searchParams.get('invite') ?? '';
    expect(new URL(second.url).pathname).toBe(`/crews/${crewId}/join`);
    // Only the hash is stored; the rotated link stops working.
    const stored = await crewRow(t, crewId);
    expect(stored?.inviteTokenHash).not.toContain(tokenOf(second.url));
    const stale = await join(runner, crewId, { invite: tokenOf(first.json<CrewInvite>().url) });
    expect(stale.statusCode).toBe(403);
    expect(codeOf(stale)).toBe('INVITE_INVALID');
    const joined = await join(runner, crewId, { invite: tokenOf(second.url) });
    expect(joined.json()).toEqual({ status: 'member' });
    await expectCountRight(crewId, 4);
  });
});

describe('a crew hidden by moderation', () => {
  it('takes nobody in — open, by request or by invite — and is not listed; its members still see it', async () => {
    const runner = await newUser(t.app);
    const { owner, member, crewId } = await staffedCrew({ joinPolicy: 'open' });
    const approvalCrew = await crewOf(owner, { joinPolicy: 'approval' });
    const inviteCrew = await crewOf(owner, { joinPolicy: 'invite' });
    const invite = (await api(owner, 'POST', `/api/crews/${inviteCrew}/invite`)).json<CrewInvite>();
    const token = new URL(invite.url).searchParams.get('invite') ?? '';
    for (const id of [crewId, approvalCrew, inviteCrew])
      await t.database.executeSql('update crews set hidden_at = now() where id = $1', [id]);

    for (const [id, body] of [
      [crewId, {}],
      [approvalCrew, { answers: [] }],
      [inviteCrew, { invite: token }],
    ] as const) {
      const refused = await join(runner, id, body);
      expect([refused.statusCode, codeOf(refused)]).toEqual([404, 'CREW_NOT_FOUND']);
    }
    expect((await membersOf(t, crewId)).map((m) => m.userId)).not.toContain(runner.user.id);
    await expectCountRight(crewId, 3);
    const outsider = await api(runner, 'GET', `/api/crews/${crewId}/members/me`);
    expect([outsider.statusCode, codeOf(outsider)]).toEqual([404, 'CREW_NOT_FOUND']);
    expect((await mine(member, crewId)).status).toBe('member');

    const listed = await api(runner, 'GET', '/api/crews?limit=50');
    expect(listed.statusCode).toBe(200);
    const ids = listed.json<{ items: { id: string }[] }>().items.map((c) => c.id);
    expect(ids).not.toContain(crewId);
    expect(ids).not.toContain(inviteCrew);
  });
});

describe('roles', () => {
  it('only the owner promotes and demotes; staff and outsiders get 403', async () => {
    const { owner, staff, member, crewId } = await staffedCrew();
    const byStaff = await patch(staff, crewId, member.user.id, { role: 'staff' });
    expect(byStaff.statusCode).toBe(403);
    expect(codeOf(byStaff)).toBe('NOT_CREW_OWNER');
    const outsider = await newUser(t.app);
    expect(codeOf(await patch(outsider, crewId, member.user.id, { role: 'staff' }))).toBe('NOT_CREW_OWNER');
    const promoted = await patch(owner, crewId, member.user.id, { role: 'staff' });
    expect(promoted.json<CrewMember>().role).toBe('staff');
    expect(await notificationsOf(member, 'crew_role_changed')).toHaveLength(1);
    const demoted = await patch(owner, crewId, staff.user.id, { role: 'member' });
    expect(demoted.json<CrewMember>().role).toBe('member');
    const self = await patch(owner, crewId, owner.user.id, { role: 'member' });
    expect(self.statusCode).toBe(409);
    expect(codeOf(self)).toBe('OWNER_MUST_HAND_OVER');
    const notMember = await patch(owner, crewId, outsider.user.id, { role: 'staff' });
    expect(codeOf(notMember)).toBe('MEMBER_NOT_FOUND');
  });

  it('hand over: the new owner takes it, the old owner becomes staff, one owner always', async () => {
    const { owner, staff, member, crewId } = await staffedCrew();
    const leaving = await leave(owner, crewId);
    expect(leaving.statusCode).toBe(409);
    expect(codeOf(leaving)).toBe('OWNER_MUST_HAND_OVER');
    expect((await patch(staff, crewId, member.user.id, { role: 'owner' })).statusCode).toBe(403);
    const handed = await patch(owner, crewId, member.user.id, { role: 'owner' });
    expect(handed.statusCode).toBe(200);
    expect(handed.json<CrewMember>().role).toBe('owner');
    const rows = await membersOf(t, crewId);
    expect(rows.filter((r) => r.role === 'owner').map((r) => r.userId)).toEqual([member.user.id]);
    expect(rows.find((r) => r.userId === owner.user.id)?.role).toBe('staff');
    expect((await leave(owner, crewId)).statusCode).toBe(204);
    await expectCountRight(crewId, 2);
  });
});

describe('refusing, removing and banning', () => {
  it('staff refuse a request (told; may ask again) and remove a member with a reason (told; may join again)', async () => {
    const { staff, member, crewId } = await staffedCrew({ joinPolicy: 'approval' });
    const runner = await newUser(t.app);
    await join(runner, crewId);
    expect((await remove(member, crewId, runner.user.id)).statusCode).toBe(403);
    expect((await remove(staff, crewId, runner.user.id)).statusCode).toBe(204);
    expect(await notificationsOf(runner, 'crew_refused')).toHaveLength(1);
    expect((await join(runner, crewId)).json()).toEqual({ status: 'pending' });

    const removed = await remove(staff, crewId, member.user.id, { reason: '3회 연속 노쇼' });
    expect(removed.statusCode).toBe(204);
    const [told] = await notificationsOf(member, 'crew_removed');
    expect(told?.data).toMatchObject({ reason: '3회 연속 노쇼' });
    await expectCountRight(crewId, 2);
    const outsider = await list(member, crewId);
    expect(outsider.statusCode).toBe(403);
    expect(codeOf(outsider)).toBe('NOT_CREW_MEMBER');
    expect((await join(member, crewId)).json()).toEqual({ status: 'pending' });
  });

  it('staff never remove or ban other staff or the owner', async () => {
    const { owner, staff, crewId } = await staffedCrew();
    const other = await newUser(t.app);
    await join(other, crewId);
    await patch(owner, crewId, other.user.id, { role: 'staff' });
    for (const target of [owner, other, staff]) {
      const refused = await remove(staff, crewId, target.user.id, { ban: true });
      expect(refused.statusCode).toBe(403);
    }
    expect((await remove(owner, crewId, staff.user.id)).statusCode).toBe(403);
    await expectCountRight(crewId, 4);
  });

  it('a ban keeps the reason, refuses a new request, shows in the staff-only list, and is lifted by deleting it', async () => {
    const { owner, staff, member, crewId } = await staffedCrew();
    expect((await remove(staff, crewId, member.user.id, { reason: '비매너', ban: true })).statusCode).toBe(
      204,
    );
    await expectCountRight(crewId, 2);
    const again = await join(member, crewId);
    expect(again.statusCode).toBe(403);
    expect(codeOf(again)).toBe('CREW_BANNED');
    expect((await leave(member, crewId)).statusCode).toBe(404);
    expect((await mine(member, crewId)).status).toBe('banned');
    const banned = (await list(owner, crewId, 'status=banned')).json<CrewMemberPage>().items;
    expect(banned).toEqual([
      expect.objectContaining({
        status: 'banned',
        reason: '비매너',
        user: expect.objectContaining({ id: member.user.id }) as unknown,
      }),
    ]);
    expect((await list(member, crewId, 'status=banned')).statusCode).toBe(403);
    expect((await remove(staff, crewId, member.user.id)).statusCode).toBe(204);
    expect((await join(member, crewId)).json()).toEqual({ status: 'member' });
    await expectCountRight(crewId, 3);
  });
});

describe('leaving', () => {
  it('a member leaves, a request is withdrawn, nobody else is 404', async () => {
    const { member, crewId } = await staffedCrew();
    expect((await leave(member, crewId)).statusCode).toBe(204);
    await expectCountRight(crewId, 2);
    expect(codeOf(await leave(member, crewId))).toBe('MEMBER_NOT_FOUND');
    expect((await mine(member, crewId)).status).toBeNull();
  });
});

describe('member lists', () => {
  it('pages through members owner first, with a stable cursor; a forged cursor is 400', async () => {
    const { owner, crewId } = await staffedCrew();
    const more = await Promise.all(Array.from({ length: 4 }, () => newUser(t.app)));
    for (const r of more) await join(r, crewId);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: CrewMemberPage = (
        await list(owner, crewId, `limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json<CrewMemberPage>();
      seen.push(...page.items.map((m) => m.user.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe(owner.user.id);
    expect((await list(owner, crewId, 'cursor=abc')).statusCode).toBe(400);
    expect((await list(owner, crewId, 'status=everyone')).statusCode).toBe(400);
  });
});

describe('account deletion', () => {
  it('an owner’s crew passes to the oldest staff, else the oldest member; a crew left empty is deleted', async () => {
    const { owner, staff, member, crewId } = await staffedCrew();
    expect((await deleteAccount(t.app, owner)).statusCode).toBe(204);
    const rows = await membersOf(t, crewId);
    expect(rows.find((r) => r.role === 'owner')?.userId).toBe(staff.user.id);
    await expectCountRight(crewId, 2);
    // Made staff, then made owner.
    expect(await notificationsOf(staff, 'crew_role_changed')).toHaveLength(2);

    // No staff: the oldest member takes over.
    expect((await deleteAccount(t.app, staff)).statusCode).toBe(204);
    expect((await membersOf(t, crewId)).find((r) => r.role === 'owner')?.userId).toBe(member.user.id);
    await expectCountRight(crewId, 1);

    expect((await deleteAccount(t.app, member)).statusCode).toBe(204);
    expect((await crewRow(t, crewId))?.deletedAt).not.toBeNull();
    const someone = await newUser(t.app);
    expect(codeOf(await join(someone, crewId))).toBe('CREW_NOT_FOUND');
  });

  it('a member’s deletion moves the counter down', async () => {
    const { member, crewId } = await staffedCrew();
    expect((await deleteAccount(t.app, member)).statusCode).toBe(204);
    await expectCountRight(crewId, 2);
  });
});

function connect(token: string): Promise<Socket> {
  const socket = io(base, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function next<T>(socket: Socket, event: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
