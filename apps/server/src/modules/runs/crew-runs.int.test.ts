import type { ErrorBody, JoinResult, Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addMember, crewRows } from '../../test/crew-fixtures.ts';

/**
 * Crew runs (DOMAIN.md "Crews", "Series (정기런) and co-hosts"): who may create, see, join and manage them.
 * The app runs with its guest response cache on (the default), so the shared guest pages are in play.
 */
let t: TestApp;
let owner: TestUser;
let staff: TestUser;
let member: TestUser;
let outsider: TestUser;
let crewId: string;

type Who = { accessToken: string } | undefined;
const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  who: Who,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    headers: who ? bearer(who) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
const codeOf = (r: { json: <T>() => T }) => r.json<ErrorBody>().code;
const users = (n: number) => Promise.all(Array.from({ length: n }, () => newUser(t.app)));
const ids = (page: RunPage) => page.items.map((r) => r.id);

beforeAll(async () => {
  t = await createTestApp();
  [owner, staff, member, outsider] = await Promise.all([
    newUser(t.app, { nickname: '크루장' }),
    newUser(t.app, { nickname: '운영진' }),
    newUser(t.app, { nickname: '크루원' }),
    newUser(t.app, { nickname: '외부인' }),
  ]);
  crewId = (await crewRows(t, owner, { staff: [staff], members: [member] })).id;
});
afterAll(() => t.close());

describe('creating a crew run', () => {
  it('takes being the crew staff (403 NOT_CREW_STAFF for a member or an outsider, 401 signed out)', async () => {
    for (const who of [member, outsider]) {
      const r = await call('POST', '/api/runs', who, runBody({ crewId }));
      expect(r.statusCode).toBe(403);
      expect(codeOf(r)).toBe('NOT_CREW_STAFF');
    }
    expect((await call('POST', '/api/runs', undefined, runBody({ crewId }))).statusCode).toBe(401);
    const run = await newRun(t.app, staff, { crewId, visibility: 'crew' });
    expect(run).toMatchObject({
      crew: { id: crewId, logo: null },
      visibility: 'crew',
      guestSeats: null,
      guestCount: 0,
      coHosts: [],
      canManage: true,
      seriesId: null,
      occurrenceDate: null,
      cancelReason: null,
    });
    const plain = await newRun(t.app, outsider);
    expect(plain).toMatchObject({ crew: null, visibility: 'public', canManage: true, coHosts: [] });
  });

  it('refuses crew settings that do not fit together (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ visibility: 'crew' }, 'visibility'],
      [{ guestSeats: 2 }, 'guestSeats'],
      [{ crewId, visibility: 'crew', guestSeats: 2 }, 'guestSeats'],
      [{ crewId, guestSeats: 10, capacity: 10 }, 'guestSeats'],
      [{ crewId, guestSeats: 0 }, 'guestSeats'],
      [{ coHostIds: [staff.user.id] }, 'coHostIds'],
    ];
    for (const [body, field] of cases) {
      const r = await call('POST', '/api/runs', staff, runBody(body));
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        r.json<ErrorBody>().issues?.some((i) => i.path.includes(field)),
        JSON.stringify(body),
      ).toBe(true);
    }
    const unknown = await call('POST', '/api/runs', staff, runBody({ coHostIds: [crypto.randomUUID()] }));
    expect(unknown.statusCode).toBe(400);
    const six = await users(6);
    const tooMany = await call('POST', '/api/runs', staff, runBody({ coHostIds: six.map((u) => u.user.id) }));
    expect(tooMany.statusCode).toBe(400);
    const overCapacity = await call(
      'POST',
      '/api/runs',
      staff,
      runBody({ capacity: 2, coHostIds: [member.user.id, outsider.user.id] }),
    );
    expect(overCapacity.statusCode).toBe(400);
  });

  it('seats co-hosts (counted, shown with the host) and tells them', async () => {
    const [invited] = await users(1);
    if (!invited) throw new Error('user');
    const run = await newRun(t.app, staff, {
      crewId,
      capacity: 3,
      coHostIds: [member.user.id, invited.user.id],
    });
    expect(run.participantCount).toBe(3);
    expect(run.joinState).toBe('full');
    expect(run.coHosts.map((c) => c.id)).toEqual([member.user.id, invited.user.id]);
    expect(run.participants.map((p) => p.id).sort()).toEqual(
      [staff.user.id, member.user.id, invited.user.id].sort(),
    );
    const notes = await t.database.executeSql(
      `select category, data->>'status' as status from notifications where user_id = $1 and run_id = $2`,
      [invited.user.id, run.id],
    );
    expect(notes.rows).toEqual([{ category: 'run_joined', status: 'cohost' }]);
    const seen = (await call('GET', `/api/runs/${run.id}`, invited)).json<Run>();
    expect(seen).toMatchObject({ myStatus: 'joined', canManage: true });
    // The invited co-host is no crew member: not a guest either.
    expect(seen.guestCount).toBe(0);
  });
});

describe('members-only runs', () => {
  let secret: Run;
  let open: Run;
  let invited: TestUser;
  const marker = `비밀${Math.random().toString(36).slice(2, 7)}`;
  beforeAll(async () => {
    [invited] = (await users(1)) as [TestUser];
    secret = await newRun(t.app, staff, {
      crewId,
      visibility: 'crew',
      title: `${marker} 크루 러닝`,
      coHostIds: [invited.user.id],
    });
    open = await newRun(t.app, staff, { crewId, title: `${marker} 공개 러닝` });
  });

  const feeds = () => [
    '/api/runs',
    `/api/runs?q=${encodeURIComponent(marker)}`,
    '/api/runs?near=37.5271,126.9326&radiusKm=3',
    `/api/runs?crewId=${crewId}`,
    `/api/runs?hostId=${staff.user.id}`,
    '/api/runs?sort=newest',
    '/api/runs?sort=popular',
  ];

  it('is in no list or search for a guest or an outsider, and in every one for a member', async () => {
    for (const url of feeds()) {
      for (const who of [undefined, outsider, undefined]) {
        const page = (
          await call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=50`, who)
        ).json<RunPage>();
        expect(ids(page), url).not.toContain(secret.id);
        expect(ids(page), url).toContain(open.id);
      }
      for (const who of [member, owner, staff, invited]) {
        const page = (
          await call('GET', `${url}${url.includes('?') ? '&' : '?'}limit=50`, who)
        ).json<RunPage>();
        expect(ids(page), url).toContain(secret.id);
      }
    }
  });

  it('has no page for a guest or an outsider (404 like a missing run, never 403), even after a member read it', async () => {
    for (const who of [undefined, outsider, member, undefined, outsider, invited]) {
      const r = await call('GET', `/api/runs/${secret.id}`, who);
      if (who === member || who === invited) {
        expect(r.statusCode).toBe(200);
        expect(r.json<Run>()).toMatchObject({ visibility: 'crew', crew: { id: crewId } });
      } else {
        expect(r.statusCode).toBe(404);
        expect(codeOf(r)).toBe('RUN_NOT_FOUND');
      }
    }
  });

  it('keeps its comments, calendar file, GPX and bookmark from outsiders', async () => {
    const comment = await call('POST', `/api/runs/${secret.id}/comments`, member, {
      content: '몇 시에 모여요?',
    });
    expect(comment.statusCode).toBe(201);
    const commentId = comment.json<{ id: string }>().id;
    for (const who of [undefined, outsider]) {
      expect((await call('GET', `/api/runs/${secret.id}/comments`, who)).statusCode).toBe(404);
      expect((await call('GET', `/api/comments/${commentId}/replies`, who)).statusCode).toBe(404);
      expect((await call('GET', `/api/runs/${secret.id}/ics`, who)).statusCode).toBe(404);
      expect((await call('GET', `/api/runs/${secret.id}/gpx`, who)).statusCode).toBe(404);
    }
    expect((await call('GET', `/api/runs/${secret.id}/comments`, member)).statusCode).toBe(200);
    expect((await call('GET', `/api/runs/${secret.id}/ics`, member)).statusCode).toBe(200);
    expect((await call('GET', `/api/runs/${secret.id}/gpx`, member)).statusCode).toBe(200);
    const write = await call('POST', `/api/runs/${secret.id}/comments`, outsider, { content: '안녕하세요' });
    expect(write.statusCode).toBe(404);
    const reply = await call('POST', `/api/comments/${commentId}/replies`, outsider, { content: '저도요' });
    expect(reply.statusCode).toBe(404);
    expect((await call('PUT', `/api/runs/${secret.id}/bookmark`, outsider)).statusCode).toBe(404);
    expect((await call('PUT', `/api/runs/${secret.id}/bookmark`, member)).statusCode).toBe(204);
    const saved = (await call('GET', '/api/runs?bookmarked=true', member)).json<RunPage>();
    expect(ids(saved)).toContain(secret.id);
  });

  it('refuses a non-member who knows its id (403 CREW_MEMBERS_ONLY); a member joins, and reads its chat', async () => {
    const refused = await call('POST', `/api/runs/${secret.id}/participants`, outsider);
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe('CREW_MEMBERS_ONLY');
    expect((await call('GET', `/api/runs/${secret.id}/messages`, outsider)).statusCode).toBe(404);
    const joined = await call('POST', `/api/runs/${secret.id}/participants`, member);
    expect(joined.json<JoinResult>()).toEqual({ status: 'joined' });
    expect((await call('GET', `/api/runs/${secret.id}/messages`, member)).statusCode).toBe(200);
  });

  it('stays visible to its runner who leaves the crew, and only to them', async () => {
    const [runner] = (await users(1)) as [TestUser];
    await addMember(t, crewId, runner);
    expect((await call('POST', `/api/runs/${secret.id}/participants`, runner)).statusCode).toBe(201);
    await t.database.executeSql('delete from crew_members where crew_id = $1 and user_id = $2', [
      crewId,
      runner.user.id,
    ]);
    expect((await call('GET', `/api/runs/${secret.id}`, runner)).statusCode).toBe(200);
    const page = (await call('GET', `/api/runs?crewId=${crewId}`, runner)).json<RunPage>();
    expect(ids(page)).toContain(secret.id);
  });

  it('turning a public run members-only hides it from outsiders', async () => {
    const run = await newRun(t.app, staff, { crewId });
    expect((await call('GET', `/api/runs/${run.id}`, undefined)).statusCode).toBe(200);
    const patched = await call('PATCH', `/api/runs/${run.id}`, staff, { visibility: 'crew' });
    expect(patched.statusCode).toBe(200);
    expect((await call('GET', `/api/runs/${run.id}`, outsider)).statusCode).toBe(404);
    const leaving = await call('PATCH', `/api/runs/${run.id}`, staff, { crewId: null });
    expect(leaving.json<Run>()).toMatchObject({ crew: null, visibility: 'public' });
  });
});

describe('managing a crew run', () => {
  let run: Run;
  let coHost: TestUser;
  let second: TestUser;
  let runner: TestUser;
  beforeAll(async () => {
    [coHost, second, runner] = (await users(3)) as [TestUser, TestUser, TestUser];
    await addMember(t, crewId, coHost);
    run = await newRun(t.app, member, { crewId: null, coHostIds: [coHost.user.id, second.user.id] });
  });

  it('edits: host and co-hosts of any run, staff of a crew run; not a member or an outsider', async () => {
    const crewRun = await newRun(t.app, staff, { crewId, coHostIds: [coHost.user.id] });
    for (const [who, status] of [
      [staff, 200],
      [coHost, 200],
      [owner, 200],
      [member, 403],
      [outsider, 403],
    ] as const) {
      const r = await call('PATCH', `/api/runs/${crewRun.id}`, who, { description: `고침 ${status}` });
      expect(r.statusCode, who.user.nickname).toBe(status);
    }
    const view = async (who: TestUser) => (await call('GET', `/api/runs/${crewRun.id}`, who)).json<Run>();
    expect((await view(owner)).canManage).toBe(true);
    expect((await view(coHost)).canManage).toBe(true);
    expect((await view(member)).canManage).toBe(false);
    expect((await view(outsider)).canManage).toBe(false);
    const feed = (await call('GET', `/api/runs?crewId=${crewId}&limit=50`, owner)).json<RunPage>();
    expect(feed.items.find((r) => r.id === crewRun.id)?.canManage).toBe(true);
    // Co-hosts are the host's and the staff's to choose.
    const byCoHost = await call('PATCH', `/api/runs/${crewRun.id}`, coHost, { coHostIds: [] });
    expect(byCoHost.statusCode).toBe(403);
    const byOwner = await call('PATCH', `/api/runs/${crewRun.id}`, owner, { coHostIds: [member.user.id] });
    expect(byOwner.json<Run>().coHosts.map((c) => c.id)).toEqual([member.user.id]);
    // The co-host let go keeps the seat.
    expect((await view(coHost)).myStatus).toBe('joined');
  });

  it('cancels: the host or the crew staff, not a co-host', async () => {
    const crewRun = await newRun(t.app, member, { crewId: null });
    await call('PATCH', `/api/runs/${crewRun.id}`, member, { coHostIds: [coHost.user.id] });
    expect((await call('DELETE', `/api/runs/${crewRun.id}`, coHost)).statusCode).toBe(403);
    const staffRun = await newRun(t.app, staff, { crewId, coHostIds: [coHost.user.id] });
    expect((await call('DELETE', `/api/runs/${staffRun.id}`, coHost)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/runs/${staffRun.id}`, member)).statusCode).toBe(403);
    const byOwner = await newRun(t.app, staff, { crewId });
    expect((await call('DELETE', `/api/runs/${byOwner.id}`, owner)).statusCode).toBe(204);
  });

  it('removes runners: co-hosts may, but not the host or each other; the host removes a co-host', async () => {
    expect((await call('POST', `/api/runs/${run.id}/participants`, runner)).statusCode).toBe(201);
    const remove = (who: TestUser, target: TestUser) =>
      call('DELETE', `/api/runs/${run.id}/participants/${target.user.id}`, who, { reason: '연락 두절' });
    expect((await remove(coHost, member)).statusCode).toBe(403);
    expect((await remove(coHost, second)).statusCode).toBe(403);
    expect((await remove(outsider, runner)).statusCode).toBe(403);
    expect((await remove(coHost, runner)).statusCode).toBe(204);
    expect((await remove(member, second)).statusCode).toBe(204);
    const after = (await call('GET', `/api/runs/${run.id}`, member)).json<Run>();
    expect(after.coHosts.map((c) => c.id)).toEqual([coHost.user.id]);
    expect(after.participantCount).toBe(2);
  });

  it('takes attendance: host, co-host and crew staff; not a member', async () => {
    const crewRun = await newRun(t.app, staff, { crewId, coHostIds: [coHost.user.id] });
    for (const [who, status] of [
      [staff, 200],
      [coHost, 200],
      [owner, 200],
      [member, 403],
      [outsider, 403],
    ] as const) {
      const r = await call('GET', `/api/runs/${crewRun.id}/attendance`, who);
      expect(r.statusCode, who.user.nickname).toBe(status);
    }
  });
});

describe('guest seats', () => {
  it('lets non-members in up to the cap, however many join at once; members are not counted', async () => {
    const run = await newRun(t.app, staff, { crewId, capacity: 10, guestSeats: 2 });
    const guests = await users(6);
    const results = await Promise.all(guests.map((g) => call('POST', `/api/runs/${run.id}/participants`, g)));
    const codes = results.map((r) => (r.statusCode === 201 ? 'joined' : codeOf(r)));
    expect(codes.filter((c) => c === 'joined')).toHaveLength(2);
    expect(codes.filter((c) => c === 'GUEST_SEATS_FULL')).toHaveLength(4);
    expect(results.filter((r) => r.statusCode !== 201).every((r) => r.statusCode === 409)).toBe(true);
    expect((await call('POST', `/api/runs/${run.id}/participants`, member)).statusCode).toBe(201);
    const seen = (await call('GET', `/api/runs/${run.id}`, undefined)).json<Run>();
    expect(seen).toMatchObject({ guestSeats: 2, guestCount: 2, participantCount: 4 });
  });
});

describe('guest seats and the waitlist', () => {
  const join = (runId: string, who: TestUser) => call('POST', `/api/runs/${runId}/participants`, who);
  const leave = (runId: string, who: TestUser) => call('DELETE', `/api/runs/${runId}/participants/me`, who);
  const seen = async (runId: string, who: TestUser) =>
    (await call('GET', `/api/runs/${runId}`, who)).json<Run>();

  it('promotes no guest past the guest seats: the first member waiting goes ahead, the guest keeps their place', async () => {
    const [m1, m2, m3, g1, g2] = (await users(5)) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    for (const m of [m1, m2, m3]) await addMember(t, crewId, m);
    const run = await newRun(t.app, staff, { crewId, capacity: 3, guestSeats: 1 });
    for (const m of [m1, m2])
      expect((await join(run.id, m)).json<JoinResult>()).toEqual({ status: 'joined' });
    // Full: both guests queue while the guest seat is still free, then a member.
    expect((await join(run.id, g1)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 1 });
    expect((await join(run.id, g2)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 2 });
    expect((await join(run.id, m3)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 3 });
    // A member's seat frees: the first guest takes the one guest seat.
    expect((await leave(run.id, m1)).statusCode).toBe(204);
    expect(await seen(run.id, g1)).toMatchObject({ myStatus: 'joined', guestCount: 1 });
    // Another frees: the guest seats are full, so the member behind the guest is promoted.
    expect((await leave(run.id, m2)).statusCode).toBe(204);
    expect(await seen(run.id, m3)).toMatchObject({ myStatus: 'joined' });
    expect(await seen(run.id, g2)).toMatchObject({
      myStatus: 'waitlisted',
      waitlistPosition: 1,
      guestCount: 1,
      guestSeats: 1,
      participantCount: 3,
      waitlistCount: 1,
    });
    const promoted = await t.database.executeSql(
      `select user_id from notifications where run_id = $1 and category = 'waitlist_promoted'`,
      [run.id],
    );
    expect(promoted.rows.map((r) => (r as { user_id: string }).user_id).sort()).toEqual(
      [g1.user.id, m3.user.id].sort(),
    );
    // The guest seat frees: the waiting guest takes it.
    expect((await leave(run.id, g1)).statusCode).toBe(204);
    expect(await seen(run.id, g2)).toMatchObject({
      myStatus: 'joined',
      guestCount: 1,
      participantCount: 3,
      waitlistCount: 0,
    });
  });

  /** A full run (capacity 3, one guest seat): one guest seated from the waitlist, another still waiting. */
  async function guestWaiting() {
    const [m1, m2, g1, g2] = (await users(4)) as [TestUser, TestUser, TestUser, TestUser];
    for (const m of [m1, m2]) await addMember(t, crewId, m);
    const run = await newRun(t.app, staff, { crewId, capacity: 3, guestSeats: 1 });
    for (const m of [m1, m2]) expect((await join(run.id, m)).statusCode).toBe(201);
    expect((await join(run.id, g1)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 1 });
    expect((await join(run.id, g2)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 2 });
    expect((await leave(run.id, m1)).statusCode).toBe(204);
    expect((await seen(run.id, g1)).myStatus).toBe('joined');
    // Only a guest waits: the member's seat stays empty, and the guest seat is still taken.
    expect((await leave(run.id, m2)).statusCode).toBe(204);
    return { run, g1, g2 };
  }

  it('leaves a seat empty rather than seat a guest past the cap, and fills it when a guest seat frees', async () => {
    const { run, g1, g2 } = await guestWaiting();
    expect(await seen(run.id, g2)).toMatchObject({
      myStatus: 'waitlisted',
      participantCount: 2,
      waitlistCount: 1,
      guestCount: 1,
    });
    const [g3] = (await users(1)) as [TestUser];
    const full = await join(run.id, g3);
    expect(full.statusCode).toBe(409);
    expect(codeOf(full)).toBe('GUEST_SEATS_FULL');
    // The seated guest is removed by the host: the waiting guest has the seat.
    const removed = await call('DELETE', `/api/runs/${run.id}/participants/${g1.user.id}`, staff, {
      reason: '연락 두절',
    });
    expect(removed.statusCode).toBe(204);
    expect(await seen(run.id, g2)).toMatchObject({
      myStatus: 'joined',
      participantCount: 2,
      waitlistCount: 0,
      guestCount: 1,
    });
  });

  it('seats freed at once promote one guest for one guest seat (the run is locked for each)', async () => {
    const [m1, m2, m3, g1, g2] = (await users(5)) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    for (const m of [m1, m2, m3]) await addMember(t, crewId, m);
    const run = await newRun(t.app, staff, { crewId, capacity: 4, guestSeats: 1 });
    for (const m of [m1, m2, m3]) expect((await join(run.id, m)).statusCode).toBe(201);
    for (const g of [g1, g2]) expect((await join(run.id, g)).json<JoinResult>().status).toBe('waitlisted');
    const left = await Promise.all([leave(run.id, m1), leave(run.id, m2)]);
    expect(left.map((r) => r.statusCode)).toEqual([204, 204]);
    expect(await seen(run.id, g1)).toMatchObject({
      myStatus: 'joined',
      guestCount: 1,
      participantCount: 3,
      waitlistCount: 1,
    });
    expect((await seen(run.id, g2)).myStatus).toBe('waitlisted');
  });

  it('raising the guest seats lets waiting guests into free seats', async () => {
    const { run, g2 } = await guestWaiting();
    expect((await seen(run.id, g2)).myStatus).toBe('waitlisted');
    const patched = await call('PATCH', `/api/runs/${run.id}`, staff, { guestSeats: 2 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await seen(run.id, g2)).toMatchObject({ myStatus: 'joined', guestCount: 2, participantCount: 3 });
  });
});

describe('a guest who goes', () => {
  it('frees their guest seat when they leave or are removed: the counter follows, and another guest gets in', async () => {
    const [g1, g2, g3, g4] = (await users(4)) as [TestUser, TestUser, TestUser, TestUser];
    const run = await newRun(t.app, staff, { crewId, capacity: 10, guestSeats: 2 });
    for (const g of [g1, g2])
      expect((await call('POST', `/api/runs/${run.id}/participants`, g)).statusCode).toBe(201);
    const refused = await call('POST', `/api/runs/${run.id}/participants`, g3);
    expect(codeOf(refused)).toBe('GUEST_SEATS_FULL');
    expect((await call('DELETE', `/api/runs/${run.id}/participants/me`, g1)).statusCode).toBe(204);
    let view = (await call('GET', `/api/runs/${run.id}`, undefined)).json<Run>();
    expect(view).toMatchObject({ guestCount: 1, participantCount: 2 });
    expect((await call('POST', `/api/runs/${run.id}/participants`, g3)).statusCode).toBe(201);
    const removed = await call('DELETE', `/api/runs/${run.id}/participants/${g2.user.id}`, staff, {
      reason: '연락 두절',
    });
    expect(removed.statusCode).toBe(204);
    view = (await call('GET', `/api/runs/${run.id}`, undefined)).json<Run>();
    expect(view).toMatchObject({ guestCount: 1, participantCount: 2 });
    expect((await call('POST', `/api/runs/${run.id}/participants`, g4)).statusCode).toBe(201);
    // The removed guest cannot come back through the freed seat.
    const back = await call('POST', `/api/runs/${run.id}/participants`, g2);
    expect(codeOf(back)).toBe('REMOVED_BY_HOST');
    view = (await call('GET', `/api/runs/${run.id}`, undefined)).json<Run>();
    expect(view).toMatchObject({ guestCount: 2, participantCount: 3 });
  });
});
