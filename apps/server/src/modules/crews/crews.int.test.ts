import type { Crew, CrewPage, ErrorBody, MyCrews, NotificationPage, Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewBody, newCrew } from '../../test/crew-fixtures.ts';
import { bearer, newPhoto, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { seoulMonthStart } from './crews.service.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let owner: TestUser;
let staff: TestUser;
let member: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  [owner, staff, member, outsider] = await Promise.all([
    newUser(t.app, { nickname: '크루장' }),
    newUser(t.app, { nickname: '운영진' }),
    newUser(t.app, { nickname: '크루원' }),
    newUser(t.app, { nickname: '지나가는러너' }),
  ]);
});
afterAll(() => t.close());

const post = (payload: unknown, who: { accessToken: string } = owner) =>
  t.app.inject({ method: 'POST', url: '/api/crews', headers: bearer(who), payload: payload as object });
const get = (url: string, who?: { accessToken: string }) =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who) : {} });
const patch = (crewId: string, payload: object, who: { accessToken: string }) =>
  t.app.inject({ method: 'PATCH', url: `/api/crews/${crewId}`, headers: bearer(who), payload });
const remove = (crewId: string, who: { accessToken: string }) =>
  t.app.inject({ method: 'DELETE', url: `/api/crews/${crewId}`, headers: bearer(who) });

/** A crew with a staff member and a plain member (the membership routes are another part's). */
async function crewWithStaff(overrides: Record<string, unknown> = {}): Promise<Crew> {
  const crew = await newCrew(t.app, owner, overrides);
  await t.services.crews.addMembersDirectly(crew.id, [
    { userId: staff.user.id, role: 'staff' },
    { userId: member.user.id, role: 'member' },
  ]);
  return crew;
}

describe('POST /api/crews', () => {
  it('makes the crew with its maker as owner and only member, images checked as the caller’s own', async () => {
    const [logoId, coverId] = [await newPhoto(t.app, owner), await newPhoto(t.app, owner)];
    const body = crewBody({
      logoId,
      coverId,
      days: ['TH', 'TU'],
      joinPolicy: 'approval',
      questions: ['러닝 경력은?'],
    });
    const response = await post(body);
    expect(response.statusCode, response.body).toBe(201);
    const crew = response.json<Crew>();
    expect(crew).toMatchObject({
      name: body.name,
      regions: ['seoul'],
      homeSpot: body.homeSpot,
      days: ['TU', 'TH'],
      time: '19:30',
      paceRange: { min: 330, max: 420 },
      level: '초보 환영',
      beginnerFriendly: true,
      joinPolicy: 'approval',
      questions: ['러닝 경력은?'],
      memberCount: 1,
      runsLast30Days: 0,
      viewer: { status: 'member', role: 'owner' },
      owner: { id: owner.user.id, nickname: '크루장' },
      staff: [],
      stats: { runsThisMonth: 0, kmThisMonth: 0 },
      autoMemberAfter: null,
    });
    expect(crew.logo?.id).toBe(logoId);
    expect(crew.cover?.id).toBe(coverId);
    const { rows } = await t.database.executeSql(
      'select user_id, status, role from crew_members where crew_id = $1',
      [crew.id],
    );
    expect(rows).toEqual([{ user_id: owner.user.id, status: 'member', role: 'owner' }]);

    // Someone else's photo is not the caller's to use.
    const theirs = await newPhoto(t.app, outsider);
    const refused = await post(crewBody({ logoId: theirs }));
    expect(refused.statusCode).toBe(404);
    expect(refused.json<ErrorBody>().code).toBe('UPLOAD_NOT_FOUND');
  });

  it('refuses a name already taken, ignoring case and spaces; a deleted crew frees its name', async () => {
    const name = `Run Seoul ${Date.now().toString(36)}`;
    const first = await newCrew(t.app, owner, { name });
    const again = await post(crewBody({ name: name.toLowerCase().replace(/ /g, '') }), outsider);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().code).toBe('CREW_NAME_TAKEN');
    expect((await remove(first.id, owner)).statusCode).toBe(204);
    expect((await post(crewBody({ name: `  ${name.toUpperCase()}` }), outsider)).statusCode).toBe(201);
  });

  it.each([
    ['a name of one character', { name: 'a' }],
    ['a name of 31 characters', { name: 'ㄱ'.repeat(31) }],
    ['no region', { regions: [] }],
    ['an unknown region', { regions: ['atlantis'] }],
    ['no home spot', { homeSpot: undefined }],
    ['a day that is no day', { days: ['XX'] }],
    ['a time of 25:00', { time: '25:00' }],
    ['a pace range upside down', { paceRange: { min: 420, max: 330 } }],
    ['an unknown join policy', { joinPolicy: 'secret' }],
    ['four questions', { joinPolicy: 'approval', questions: ['1', '2', '3', '4'] }],
    ['auto member after 21 runs', { autoMemberAfter: 21 }],
    ['auto member after 0 runs', { autoMemberAfter: 0 }],
    ['a logo id that is no id', { logoId: 'logo' }],
    ['an unknown field', { owner: 'me' }],
  ])('refuses %s with 400', async (_, override) => {
    const response = await post(crewBody(override));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });

  it('needs a signed-in caller', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/crews', payload: crewBody() });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/crews/:crewId', () => {
  it('shows owner, staff and this month’s runs and kilometres run together, signed out too', async () => {
    const crew = await crewWithStaff();
    // A crew run held earlier this month with two runners marked present, and one cancelled.
    const held = await newRun(t.app, owner);
    const cancelled = await newRun(t.app, owner);
    const monthStart = seoulMonthStart(new Date());
    const inMonth = new Date(Date.now() - 60_000);
    for (const id of [held.id, cancelled.id]) {
      await t.database.executeSql(
        `update runs set crew_id = $1, starts_at = $2, ends_at = $2::timestamptz + interval '1 hour',
           join_deadline = $2::timestamptz - interval '1 hour', meet_at = null where id = $3`,
        [crew.id, inMonth.toISOString(), id],
      );
    }
    await t.database.executeSql('update runs set cancelled_at = now() where id = $1', [cancelled.id]);
    await t.database.executeSql(
      `insert into attendance (run_id, user_id, present, recorded_at)
       values ($1, $2, true, now()), ($1, $3, true, now()), ($1, $4, false, now())`,
      [held.id, owner.user.id, staff.user.id, member.user.id],
    );

    const signedOut = await get(`/api/crews/${crew.id}`);
    expect(signedOut.statusCode).toBe(200);
    const page = signedOut.json<Crew>();
    expect(page).toMatchObject({
      memberCount: 3,
      viewer: { status: null, role: null },
      owner: { id: owner.user.id },
      staff: [{ id: staff.user.id, nickname: '운영진' }],
    });
    if (inMonth >= monthStart) {
      expect(page.stats.runsThisMonth).toBe(1);
      expect(page.stats.kmThisMonth).toBeCloseTo(Math.round(held.distanceKm * 2 * 10) / 10, 1);
    }
    expect((await get(`/api/crews/${crew.id}`, member)).json<Crew>().viewer).toEqual({
      status: 'member',
      role: 'member',
    });
    expect((await get(`/api/crews/${crew.id}`, staff)).json<Crew>().viewer.role).toBe('staff');
  });

  it('is 404 CREW_NOT_FOUND for an unknown or deleted crew, 400 for an id that is no id', async () => {
    const crew = await newCrew(t.app, owner);
    await remove(crew.id, owner);
    for (const id of [crew.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await get(`/api/crews/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json<ErrorBody>().code).toBe('CREW_NOT_FOUND');
    }
    expect((await get('/api/crews/nope')).statusCode).toBe(400);
  });
});

describe('PATCH and DELETE /api/crews/:crewId', () => {
  it('lets only the owner edit: staff and members get 403 NOT_CREW_OWNER', async () => {
    const crew = await crewWithStaff();
    for (const who of [staff, member, outsider]) {
      const response = await patch(crew.id, { level: '서브3 목표' }, who);
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().code).toBe('NOT_CREW_OWNER');
    }
    const edited = await patch(
      crew.id,
      { level: '서브4 목표', paceRange: null, days: ['SA'], time: '07:00' },
      owner,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Crew>()).toMatchObject({
      level: '서브4 목표',
      paceRange: null,
      days: ['SA'],
      time: '07:00',
      name: crew.name,
      memberCount: 3,
    });
    expect((await patch(crew.id, { autoMemberAfter: 50 }, owner)).statusCode).toBe(400);
  });

  it('refuses renaming onto another crew’s name with 409, and keeps its own name', async () => {
    const [a, b] = [await newCrew(t.app, owner), await newCrew(t.app, owner)];
    const response = await patch(b.id, { name: a.name.toUpperCase() }, owner);
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().code).toBe('CREW_NAME_TAKEN');
    expect((await patch(b.id, { name: b.name }, owner)).statusCode).toBe(200);
  });

  it('lets only the owner delete; the crew’s runs ahead are cancelled and their runners told', async () => {
    const crew = await crewWithStaff();
    const ahead = await newRun(t.app, staff);
    const other = await newRun(t.app, staff);
    await t.database.executeSql('update runs set crew_id = $1 where id = $2', [crew.id, ahead.id]);
    const join = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${ahead.id}/participants`,
      headers: bearer(outsider),
    });
    expect(join.statusCode).toBe(201);

    for (const who of [staff, member]) {
      const refused = await remove(crew.id, who);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().code).toBe('NOT_CREW_OWNER');
    }
    expect((await remove(crew.id, owner)).statusCode).toBe(204);
    expect((await remove(crew.id, owner)).statusCode).toBe(404);

    const run = (await get(`/api/runs/${ahead.id}`)).json<Run>();
    expect(run.joinState).toBe('cancelled');
    expect((await get(`/api/runs/${other.id}`)).json<Run>().joinState).toBe('open');
    for (const who of [outsider, staff]) {
      const notices = (await get('/api/notifications', who)).json<NotificationPage>().items;
      expect(
        notices.filter((n) => n.category === 'run_cancelled' && n.link === `/runs/${ahead.id}`),
      ).toHaveLength(1);
    }
    const mine = (await get('/api/me/crews', member)).json<MyCrews>().items;
    expect(mine.map((c) => c.id)).not.toContain(crew.id);
  });
});

describe('GET /api/crews', () => {
  const ids = (page: CrewPage) => page.items.map((c) => c.id);

  it('finds by region, day, time of day, pace, beginner and name; sorted by activity, then members', async () => {
    const tag = Date.now().toString(36);
    const busy = await newCrew(t.app, owner, {
      name: `새벽 질주단 ${tag}`,
      regions: ['busan'],
      days: ['SA'],
      time: '06:00',
      paceRange: { min: 270, max: 330 },
      beginnerFriendly: false,
    });
    const big = await newCrew(t.app, owner, {
      name: `저녁 산책런 ${tag}`,
      regions: ['busan', 'ulsan'],
      days: ['TU', 'TH'],
      time: '19:30',
      paceRange: { min: 360, max: 480 },
      beginnerFriendly: true,
    });
    const quiet = await newCrew(t.app, owner, {
      name: `조용한 크루 ${tag}`,
      regions: ['busan'],
      days: [],
      time: null,
      paceRange: null,
      beginnerFriendly: false,
    });
    await t.services.crews.addMembersDirectly(big.id, [{ userId: member.user.id, role: 'member' }]);
    await t.database.executeSql('update crews set activity_score = 5 where id = $1', [busy.id]);

    const busan = (await get('/api/crews?region=busan&limit=50')).json<CrewPage>();
    const order = ids(busan).filter((id) => [busy.id, big.id, quiet.id].includes(id));
    expect(order).toEqual([busy.id, big.id, quiet.id]);
    expect(busan.items.every((c) => c.regions.includes('busan'))).toBe(true);
    expect(busan.items.every((c) => c.viewer.status === null)).toBe(true);

    const q = (query: string) =>
      get(`/api/crews?region=busan,ulsan&limit=50&${query}`).then((r) => ids(r.json<CrewPage>()));
    expect(await q('day=TH')).toEqual([big.id]);
    expect(await q('day=SA,TH')).toEqual([busy.id, big.id]);
    expect(await q('timeOfDay=dawn')).toEqual([busy.id]);
    expect(await q('timeOfDay=evening,night')).toEqual([big.id]);
    expect(await q('pace=300')).toEqual([busy.id]);
    expect(await q('pace=330')).toEqual([busy.id]);
    expect(await q('pace=400')).toEqual([big.id]);
    expect(await q('beginner=true')).toEqual([big.id]);
    expect(await q(`q=${encodeURIComponent('질주')}`)).toEqual([busy.id]);
    expect(await q('q=100%25')).toEqual([]);

    // Signed in, the caller's place shows.
    const signedIn = (await get('/api/crews?region=ulsan&limit=50', member)).json<CrewPage>();
    expect(signedIn.items.find((c) => c.id === big.id)?.viewer).toEqual({ status: 'member', role: 'member' });
  });

  it('pages with a cursor without repeats', async () => {
    const tag = Date.now().toString(36);
    for (let i = 0; i < 3; i++)
      await newCrew(t.app, owner, { name: `제주 오름런 ${tag}${i}`, regions: ['jeju'] });
    const first = (await get('/api/crews?region=jeju&limit=2')).json<CrewPage>();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (await get(`/api/crews?region=jeju&limit=2&cursor=${first.nextCursor}`)).json<CrewPage>();
    const all = [...ids(first), ...ids(second)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect((await get('/api/crews?cursor=abc')).statusCode).toBe(400);
    expect((await get('/api/crews?day=XX')).statusCode).toBe(400);
    expect((await get('/api/crews?pace=10')).statusCode).toBe(400);
  });

  it('counts activity in a job: crew runs started in the last 30 days, cancelled ones not; idempotent', async () => {
    const crew = await newCrew(t.app, owner, { regions: ['sejong'] });
    const runs = [await newRun(t.app, owner), await newRun(t.app, owner), await newRun(t.app, owner)];
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const starts = [ago(2), ago(40), ago(3)];
    for (const [i, run] of runs.entries()) {
      await t.database.executeSql(
        `update runs set crew_id = $1, starts_at = $2, ends_at = $2::timestamptz + interval '1 hour',
           join_deadline = $2::timestamptz - interval '1 hour', meet_at = null where id = $3`,
        [crew.id, starts[i], run.id],
      );
    }
    await t.database.executeSql('update runs set cancelled_at = now() where id = $1', [runs[2]?.id]);
    expect(await t.services.crews.refreshActivity()).toBeGreaterThanOrEqual(1);
    expect(await t.services.crews.refreshActivity()).toBe(0);
    const found = (await get('/api/crews?region=sejong')).json<CrewPage>();
    expect(found.items.find((c) => c.id === crew.id)?.runsLast30Days).toBe(1);
  });
});

describe('GET /api/me/crews', () => {
  it('lists my crews with my role; role=staff keeps those I run', async () => {
    const crew = await crewWithStaff();
    const mine = (await get('/api/me/crews', staff)).json<MyCrews>();
    expect(mine.items.find((c) => c.id === crew.id)).toMatchObject({ role: 'staff', memberCount: 3 });
    const memberAll = (await get('/api/me/crews', member)).json<MyCrews>().items.map((c) => c.id);
    expect(memberAll).toContain(crew.id);
    const memberStaff = (await get('/api/me/crews?role=staff', member)).json<MyCrews>().items;
    expect(memberStaff.map((c) => c.id)).not.toContain(crew.id);
    const ownerStaff = (await get('/api/me/crews?role=staff', owner)).json<MyCrews>().items;
    expect(ownerStaff.find((c) => c.id === crew.id)?.role).toBe('owner');
    expect((await get('/api/me/crews')).statusCode).toBe(401);
    expect((await get('/api/me/crews?role=owner', owner)).statusCode).toBe(400);
  });
});
