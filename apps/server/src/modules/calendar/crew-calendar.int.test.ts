import type { ErrorBody } from '@erun/contracts';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deleteCrew, makeCrewRun, removeMember, crewRows } from '../../test/crew-fixtures.ts';

let t: TestApp;
let owner: TestUser;
let staff: TestUser;
let member: TestUser;
let outsider: TestUser;
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://erun.example' }, clock });
  [owner, staff, member, outsider] = [
    await newUser(t.app),
    await newUser(t.app),
    await newUser(t.app),
    await newUser(t.app),
  ];
});
afterAll(() => t.close());

const call = (who: { accessToken: string } | null, method: 'GET' | 'POST', url: string) =>
  t.app.inject({ method, url, headers: who ? bearer(who) : {} });

async function feedUrl(who: TestUser, crewId: string, rotate = false): Promise<string> {
  const response = await call(
    who,
    rotate ? 'POST' : 'GET',
    `/api/crews/${crewId}/calendar${rotate ? '/rotate' : ''}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ url: string }>().url;
}

function eventsOf(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('crew calendar feed', () => {
  it('one address for every member; lists every crew run not cancelled from 30 days ago, members-only ones too', async () => {
    const crew = await crewRows(t, owner, { staff: [staff], members: [member] });
    const url = await feedUrl(member, crew.id);
    expect(url).toMatch(/^https:\/\/erun\.example\/api\/calendar\/crews\/[\w-]{32}\.ics$/);
    expect(await feedUrl(owner, crew.id)).toBe(url);

    const open = await newRun(t.app, owner, { title: '화요 정기런' });
    const membersOnly = await newRun(t.app, staff, { title: '크루원 전용 목요런' });
    const cancelled = await newRun(t.app, owner, { title: '비 와서 취소' });
    const elsewhere = await newRun(t.app, owner, { title: '크루 밖 러닝' });
    await makeCrewRun(t, open.id, crew.id);
    await makeCrewRun(t, membersOnly.id, crew.id, 'crew');
    await makeCrewRun(t, cancelled.id, crew.id);
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${cancelled.id}`, headers: bearer(owner) });
    // An edit raises the run's version: the event's SEQUENCE follows.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${open.id}`,
      headers: bearer(owner),
      payload: { title: '화요 정기런 (장소 변경)' },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const feed = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain(`X-WR-CALNAME:${crew.name} 러닝 일정`);
    const events = eventsOf(feed.body);
    expect(events.map((e) => e.summary).sort()).toEqual(['크루원 전용 목요런', '화요 정기런 (장소 변경)']);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const { rows } = await t.database.executeSql('select id, version from runs where id = any($1::uuid[])', [
      [open.id, membersOnly.id],
    ]);
    const versions = new Map((rows as { id: string; version: number }[]).map((r) => [r.id, r.version]));
    expect(byUid.get(`${open.id}@erun-jrun`)?.sequence).toBe(versions.get(open.id));
    expect(byUid.get(`${membersOnly.id}@erun-jrun`)?.sequence).toBe(versions.get(membersOnly.id));
    expect(versions.get(open.id)).toBe((versions.get(membersOnly.id) ?? 0) + 1);
    expect(events.map((e) => e.uid)).not.toContain(`${elsewhere.id}@erun-jrun`);

    // 31 days later the runs have left the feed's window.
    clock.offsetMs = 33 * 86_400_000;
    try {
      const later = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
      expect(eventsOf(later.body)).toEqual([]);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('members only to see, staff only to rotate; a rotated or deleted crew’s old address answers 404', async () => {
    const crew = await crewRows(t, owner, { staff: [staff], members: [member] });
    const old = await feedUrl(member, crew.id);

    const byOutsider = await call(outsider, 'GET', `/api/crews/${crew.id}/calendar`);
    expect([byOutsider.statusCode, byOutsider.json<ErrorBody>().code]).toEqual([403, 'NOT_CREW_MEMBER']);
    const rotateByMember = await call(member, 'POST', `/api/crews/${crew.id}/calendar/rotate`);
    expect([rotateByMember.statusCode, rotateByMember.json<ErrorBody>().code]).toEqual([
      403,
      'NOT_CREW_STAFF',
    ]);
    expect((await call(null, 'GET', `/api/crews/${crew.id}/calendar`)).statusCode).toBe(401);
    const missing = await call(owner, 'GET', '/api/crews/00000000-0000-4000-8000-00000000abcd/calendar');
    expect([missing.statusCode, missing.json<ErrorBody>().code]).toEqual([404, 'CREW_NOT_FOUND']);

    const rotated = await feedUrl(staff, crew.id, true);
    expect(rotated).not.toBe(old);
    expect(await feedUrl(member, crew.id)).toBe(rotated);
    const twice = await feedUrl(owner, crew.id, true);
    expect(twice).not.toBe(rotated);
    expect((await t.app.inject({ method: 'GET', url: new URL(old).pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(rotated).pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(twice).pathname })).statusCode).toBe(200);

    // A removed member is refused the address (a rotation then shuts out the copy they kept).
    await removeMember(t, crew.id, member);
    expect((await call(member, 'GET', `/api/crews/${crew.id}/calendar`)).statusCode).toBe(403);

    await deleteCrew(t, crew.id);
    expect((await t.app.inject({ method: 'GET', url: new URL(twice).pathname })).statusCode).toBe(404);
  });
});
