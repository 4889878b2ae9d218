import type { MyCrewMembership, NotificationPage, Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, movableClock, newUser, runBody, signInAt, type TestUser } from '../../test/factories.ts';
import { eq } from 'drizzle-orm';
import { crews } from '../../db/tables.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { crewRows, makeCrewRun, memberCountOf, membersOf, setCrewRules } from '../../test/crew-fixtures.ts';

// Guest to member (DOMAIN.md): a guest marked present at N of the crew's runs becomes a member, in the
// attendance's transaction, and is told; the page shows how many runs remain.

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

type Who = { accessToken: string };

async function crewRun(host: TestUser, crewId: string, hoursAhead: number): Promise<Run> {
  clock.offsetMs = 0;
  const [h] = await signInAt(t.app, clock, Date.now(), host);
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: bearer(h),
    payload: runBody({ capacity: 10 }, hoursAhead),
  });
  expect(made.statusCode, made.body).toBe(201);
  const run = made.json<Run>();
  await makeCrewRun(t, run.id, crewId);
  return run;
}

async function seat(run: Run, runners: TestUser[]) {
  clock.offsetMs = 0;
  const tokens = await signInAt(t.app, clock, Date.now(), ...runners);
  for (const who of tokens) {
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/participants`,
      headers: bearer(who),
    });
    expect(joined.statusCode, joined.body).toBe(201);
  }
}

async function markPresent(run: Run, host: TestUser, present: TestUser[]) {
  const [h] = await signInAt(t.app, clock, Date.parse(run.startsAt), host);
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(h),
    payload: { present: present.map((p) => p.user.id), absent: [] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

async function mine(who: Who, crewId: string): Promise<MyCrewMembership> {
  const r = await t.app.inject({
    method: 'GET',
    url: `/api/crews/${crewId}/members/me`,
    headers: bearer(who),
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<MyCrewMembership>();
}

async function promotedNotices(who: Who) {
  const page = (
    await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(who) })
  ).json<NotificationPage>();
  return page.items.filter((n) => n.category === 'crew_member_promoted');
}

describe('guest to member', () => {
  it('a 여성 전용 크루 makes members of the women among its guests only; the others stay guests', async () => {
    const [owner, host, woman, man] = await Promise.all([
      newUser(t.app, { nickname: '여성크루장' }),
      newUser(t.app, { nickname: '호스트' }),
      newUser(t.app, { nickname: '여성게스트' }),
      newUser(t.app, { nickname: '남성게스트' }),
    ]);
    const crewId = (await crewRows(t, owner, { joinPolicy: 'open', autoMemberAfter: 1 })).id;
    await t.database.db.update(crews).set({ womenOnly: true }).where(eq(crews.id, crewId));
    const [w, m] = await signInAt(t.app, clock, Date.now(), woman, man);
    for (const [who, gender] of [
      [w, 'female'],
      [m, 'male'],
    ] as const) {
      const r = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(who),
        payload: { gender },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const run = await crewRun(host, crewId, 48);
    await seat(run, [woman, man]);
    await markPresent(run, host, [woman, man]);
    const [w2, m2] = await signInAt(t.app, clock, Date.parse(run.startsAt), woman, man);
    expect((await mine(w2, crewId)).status).toBe('member');
    expect((await mine(m2, crewId)).status).toBeNull();
    expect(await memberCountOf(t, crewId)).toBe(2);
  });

  it('a crew hidden by moderation makes no guest a member while it is hidden', async () => {
    const [owner, host, guest] = await Promise.all([newUser(t.app), newUser(t.app), newUser(t.app)]);
    const crewId = (await crewRows(t, owner, { joinPolicy: 'open', autoMemberAfter: 1 })).id;
    const run = await crewRun(host, crewId, 48);
    await seat(run, [guest]);
    await t.database.db.update(crews).set({ hiddenAt: new Date() }).where(eq(crews.id, crewId));
    await markPresent(run, host, [guest]);
    expect((await membersOf(t, crewId)).map((m) => m.userId)).not.toContain(guest.user.id);
    expect(await memberCountOf(t, crewId)).toBe(1);
  });

  it('after N present crew runs a guest (or a pending applicant) becomes a member and is told; the banned never', async () => {
    const [owner, host, guest, applicant, banned, member] = await Promise.all([
      newUser(t.app, { nickname: '크루장' }),
      newUser(t.app, { nickname: '호스트' }),
      newUser(t.app, { nickname: '게스트' }),
      newUser(t.app, { nickname: '신청자' }),
      newUser(t.app, { nickname: '차단됨' }),
      newUser(t.app, { nickname: '크루원' }),
    ]);
    const crewId = (await crewRows(t, owner, { joinPolicy: 'open', autoMemberAfter: 2 })).id;
    const [o, b, m] = await signInAt(t.app, clock, Date.now(), owner, banned, member);
    for (const who of [b, m])
      await t.app.inject({
        method: 'POST',
        url: `/api/crews/${crewId}/members`,
        headers: bearer(who),
        payload: {},
      });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/crews/${crewId}/members/${banned.user.id}`,
      headers: bearer(o),
      payload: { ban: true, reason: '비매너' },
    });
    await setCrewRules(t, crewId, { joinPolicy: 'approval' });
    const [a] = await signInAt(t.app, clock, Date.now(), applicant);
    await t.app.inject({
      method: 'POST',
      url: `/api/crews/${crewId}/members`,
      headers: bearer(a),
      payload: {},
    });
    expect(await memberCountOf(t, crewId)).toBe(2);

    const first = await crewRun(host, crewId, 48);
    const second = await crewRun(host, crewId, 72);
    const everyone = [guest, applicant, banned, member];
    await seat(first, everyone);
    await seat(second, everyone);

    await markPresent(first, host, everyone);
    const [g1] = await signInAt(t.app, clock, Date.parse(first.startsAt), guest);
    expect(await mine(g1, crewId)).toMatchObject({ status: null, attendedRuns: 1, runsToMember: 1 });
    expect(await memberCountOf(t, crewId)).toBe(2);

    await markPresent(second, host, everyone);
    const [g2, a2, b2] = await signInAt(t.app, clock, Date.parse(second.startsAt), guest, applicant, banned);
    expect(await mine(g2, crewId)).toMatchObject({
      status: 'member',
      role: 'member',
      attendedRuns: 2,
      runsToMember: null,
    });
    expect((await mine(a2, crewId)).status).toBe('member');
    expect(await mine(b2, crewId)).toMatchObject({ status: 'banned', runsToMember: null });
    const [notice] = await promotedNotices(g2);
    expect(notice).toMatchObject({
      link: `/crews/${crewId}`,
      data: { title: expect.any(String) as unknown },
    });
    expect(await promotedNotices(b2)).toHaveLength(0);

    const rows = await membersOf(t, crewId);
    expect(rows.filter((r) => r.status === 'member')).toHaveLength(4);
    expect(await memberCountOf(t, crewId)).toBe(4);

    // Saving the same attendance again changes nothing.
    await markPresent(second, host, everyone);
    expect(await memberCountOf(t, crewId)).toBe(4);
    expect(await promotedNotices(g2)).toHaveLength(1);
  });

  it('a crew without the rule admits nobody, and shows no count to go', async () => {
    const [owner, host, guest] = await Promise.all([newUser(t.app), newUser(t.app), newUser(t.app)]);
    const crewId = (await crewRows(t, owner, { autoMemberAfter: null })).id;
    const run = await crewRun(host, crewId, 48);
    await seat(run, [guest]);
    await markPresent(run, host, [guest]);
    const [g] = await signInAt(t.app, clock, Date.parse(run.startsAt), guest);
    expect(await mine(g, crewId)).toMatchObject({ status: null, attendedRuns: 1, runsToMember: null });
    expect(await memberCountOf(t, crewId)).toBe(1);
  });
});
