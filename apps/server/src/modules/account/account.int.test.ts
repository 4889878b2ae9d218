import type { Comment, ErrorBody, MyRunPage, MyStats, NotificationPage, Profile, Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawRows } from '../../db/raw.ts';
import {
  bearer,
  newCourse,
  newRun,
  newUser,
  runBody,
  type TestUser,
  movableClock,
  signInAt,
} from '../../test/factories.ts';
import { logQueries } from '../../test/query-log.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = movableClock();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = <const U extends TestUser[]>(time: number, ...users: U) => signInAt(t.app, clock, time, ...users);

/** A Seoul wall-clock time `days` from today at `hour`:`minute`, as an ISO string with +09:00. */
function seoul(days: number, hour: number, minute = 0): string {
  const day = new Date(Date.now() + 9 * HOUR + days * DAY).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`;
}
const seoulDay = (iso: string) => new Date(Date.parse(iso) + 9 * HOUR).toISOString().slice(0, 10);

function runAt(startsAt: string, overrides: Record<string, unknown> = {}) {
  const start = Date.parse(startsAt);
  return {
    ...overrides,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 60 * 60_000).toISOString(),
    joinDeadline: new Date(start - 30 * 60_000).toISOString(),
  };
}

const join = (run: { id: string }, who: { accessToken: string }) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(who) });
const cancel = (run: { id: string }, who: { accessToken: string }) =>
  t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(who) });
const mine = async (who: { accessToken: string }, query = '') => {
  const r = await t.app.inject({ method: 'GET', url: `/api/me/runs${query}`, headers: bearer(who) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<MyRunPage>();
};
const markAttendance = (run: Run, host: { accessToken: string }, present: string[], absent: string[]) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(host),
    payload: { present, absent },
  });

describe('GET /api/me/runs', () => {
  it('hosted and joined runs (cancelled included, waitlisted not), by role, in both orders, with a stable cursor', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app, { nickname: '나나' });
    const other = await newUser(t.app);
    const third = await newUser(t.app);
    const hosted1 = await newRun(t.app, me, runAt(seoul(3, 10)));
    const hosted2 = await newRun(t.app, me, runAt(seoul(5, 10)));
    const cancelled = await newRun(t.app, me, runAt(seoul(4, 10)));
    expect((await cancel(cancelled, me)).statusCode).toBe(204);
    const joined = await newRun(t.app, other, runAt(seoul(6, 19)));
    await join(joined, me);
    const full = await newRun(t.app, other, runAt(seoul(7, 19), { capacity: 2 }));
    await join(full, third);
    expect((await join(full, me)).json()).toMatchObject({ status: 'waitlisted' });
    await newRun(t.app, other, runAt(seoul(8, 19))); // not mine at all

    const all = await mine(me, '?order=asc');
    expect(all.items.map((r) => r.id)).toEqual([hosted1.id, cancelled.id, hosted2.id, joined.id]);
    expect(all.items.map((r) => r.role)).toEqual(['host', 'host', 'host', 'participant']);
    expect(all.items[1]?.joinState).toBe('cancelled');
    expect(all.items[3]).toMatchObject({ myStatus: 'joined', attended: null, reviewed: false });

    const desc = await mine(me);
    expect(desc.items.map((r) => r.id)).toEqual([joined.id, hosted2.id, cancelled.id, hosted1.id]);
    expect((await mine(me, '?role=host')).items.map((r) => r.id)).toEqual([
      hosted2.id,
      cancelled.id,
      hosted1.id,
    ]);
    expect((await mine(me, '?role=participant')).items.map((r) => r.id)).toEqual([joined.id]);

    // Page by one: every run once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: MyRunPage = await mine(me, `?order=asc&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((r) => r.id));
  });

  it('from/to are Asia/Seoul days, inclusive at both ends', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app);
    const justAfterMidnight = await newRun(t.app, me, runAt(seoul(10, 0, 30)));
    const lateEvening = await newRun(t.app, me, runAt(seoul(10, 23, 30)));
    const nextDay = await newRun(t.app, me, runAt(seoul(11, 6)));
    const day = seoulDay(justAfterMidnight.startsAt);
    const prev = seoulDay(new Date(Date.parse(justAfterMidnight.startsAt) - DAY).toISOString());
    const next = seoulDay(nextDay.startsAt);

    const ids = async (q: string) => (await mine(me, `?order=asc${q}`)).items.map((r) => r.id);
    expect(await ids(`&from=${day}&to=${day}`)).toEqual([justAfterMidnight.id, lateEvening.id]);
    expect(await ids(`&to=${prev}`)).toEqual([]);
    expect(await ids(`&from=${next}`)).toEqual([nextDay.id]);
    expect(await ids(`&from=${day}`)).toEqual([justAfterMidnight.id, lateEvening.id, nextDay.id]);
  });

  it('shows my attendance and whether I reviewed the host', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const me = await newUser(t.app);
    const run = await newRun(t.app, host, runAt(seoul(2, 9)));
    await join(run, me);
    const [h] = await at(Date.parse(run.endsAt) + HOUR, host);
    expect((await markAttendance(run, h, [me.user.id], [])).statusCode).toBe(200);
    const [m] = await at(Date.parse(run.endsAt) + 2 * HOUR, me);
    expect((await mine(m)).items[0]).toMatchObject({ id: run.id, attended: true, reviewed: false });
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/host-review`,
      headers: bearer(m),
      payload: { positive: true, categories: ['led_well'] },
    });
    expect(review.statusCode).toBe(201);
    expect((await mine(m)).items[0]).toMatchObject({ attended: true, reviewed: true });
    const [hh] = await at(Date.parse(run.endsAt) + 2 * HOUR, host);
    expect((await mine(hh)).items[0]).toMatchObject({ role: 'host', attended: null });
    clock.offsetMs = 0;
  });

  it('one statement for the page whatever its size (plus the token check)', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app);
    for (let i = 0; i < 6; i++) await newRun(t.app, me, runBody({}, 30 + i));
    const count = async (limit: number) => {
      // Sign-up mailed a verification link from the outbox in the background: its sweep is not this page's.
      await t.services.mail.idle();
      const log = logQueries(t.database);
      try {
        await mine(me, `?limit=${limit}`);
      } finally {
        log.stop();
      }
      return log.queries.length;
    };
    const one = await count(1);
    expect(await count(6)).toBe(one);
    expect(one).toBeLessThanOrEqual(2);
  });

  it('refuses a bad cursor, a day that does not exist and a missing token', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app);
    for (const q of ['?cursor=nope', '?from=2026-13-01', '?to=2026-02-31', '?role=guest', '?limit=0']) {
      const r = await t.app.inject({ method: 'GET', url: `/api/me/runs${q}`, headers: bearer(me) });
      expect(r.statusCode, q).toBe(400);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me/runs' })).statusCode).toBe(401);
  });
});

describe('GET /api/me/stats', () => {
  it('counts ended runs not cancelled that I hosted (someone marked present) or was marked present at; 12 Seoul months with zeros', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app);
    const host = await newUser(t.app);
    const hosted = await newRun(t.app, me, runAt(seoul(2, 6), { theme: 'park', region: 'busan' }));
    const present = await newRun(t.app, host, runAt(seoul(3, 21), { theme: 'riverside' }));
    const absent = await newRun(t.app, host, runAt(seoul(3, 7)));
    const cancelled = await newRun(t.app, host, runAt(seoul(3, 12)));
    // Joined, ended, never marked: not counted (statistics count a run only for runners marked present).
    const unmarked = await newRun(t.app, host, runAt(seoul(3, 16)));
    const later = await newRun(t.app, host, runAt(seoul(40, 12)));
    for (const run of [present, absent, cancelled, unmarked, later]) await join(run, me);
    expect((await cancel(cancelled, host)).statusCode).toBe(204);
    // A run I hosted counts once a runner was marked present there; one nobody was marked at does not.
    const guest = await newUser(t.app);
    await join(hosted, guest);
    await newRun(t.app, me, runAt(seoul(2, 8), { region: 'daegu' }));
    const [mh] = await at(Date.parse(hosted.startsAt), me);
    expect((await markAttendance(hosted, mh, [guest.user.id], [])).statusCode).toBe(200);
    const [h] = await at(Date.parse(present.endsAt) + HOUR, host);
    expect((await markAttendance(present, h, [me.user.id], [])).statusCode).toBe(200);
    expect((await markAttendance(absent, h, [], [me.user.id])).statusCode).toBe(200);

    const [m] = await at(Date.parse(present.endsAt) + 2 * HOUR, me);
    const response = await t.app.inject({ method: 'GET', url: '/api/me/stats', headers: bearer(m) });
    expect(response.statusCode).toBe(200);
    const stats = response.json<MyStats>();
    const km = Math.round((hosted.distanceKm + present.distanceKm) * 10) / 10;
    expect(stats.totals).toEqual({ runs: 2, hosted: 1, km, minutes: 120 });
    expect(stats.months).toHaveLength(12);
    const thisMonth = seoulDay(clock.now().toISOString()).slice(0, 7);
    expect(stats.months.at(-1)?.month).toBe(thisMonth);
    const counted = stats.months.filter((mo) => mo.runs > 0);
    const runMonths = new Set([
      seoulDay(hosted.startsAt).slice(0, 7),
      seoulDay(present.startsAt).slice(0, 7),
    ]);
    expect(counted.map((mo) => mo.month).sort()).toEqual([...runMonths].sort());
    expect(stats.months.reduce((s, mo) => s + mo.runs, 0)).toBe(2);
    expect(stats.months.filter((mo) => mo.runs === 0)).toHaveLength(12 - runMonths.size);
    expect(stats.themes).toHaveLength(6);
    expect(stats.themes.find((x) => x.theme === 'park')?.runs).toBe(1);
    expect(stats.themes.find((x) => x.theme === 'riverside')?.runs).toBe(1);
    expect(stats.regions).toEqual(
      expect.arrayContaining([
        { region: 'busan', runs: 1 },
        { region: 'seoul', runs: 1 },
      ]),
    );
    expect(stats.regions).toHaveLength(2);
    expect(stats.timesOfDay.find((x) => x.timeOfDay === 'dawn')?.runs).toBe(1);
    expect(stats.timesOfDay.find((x) => x.timeOfDay === 'night')?.runs).toBe(1);
    expect(stats.timesOfDay.find((x) => x.timeOfDay === 'morning')?.runs).toBe(0);
    expect(stats.timesOfDay.find((x) => x.timeOfDay === 'evening')?.runs).toBe(0);
    clock.offsetMs = 0;
  });
});

describe('GET /api/me/export', () => {
  it('downloads everything about me as one JSON file, and nobody else’s email', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app, { nickname: '내보내기' });
    const other = await newUser(t.app, { nickname: '다른러너' });
    const theirs = await newRun(t.app, other);
    await join(theirs, me);
    await t.app.inject({
      method: 'POST',
      url: `/api/runs/${theirs.id}/comments`,
      headers: bearer(me),
      payload: { content: '물품 보관 되나요?' },
    });
    await t.app.inject({ method: 'PUT', url: `/api/runs/${theirs.id}/bookmark`, headers: bearer(me) });
    const course = await newCourse(t.app, me);
    const hosted = await newRun(t.app, me);

    const response = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: bearer(me) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="erun-export-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const body = response.body;
    const data = JSON.parse(body) as Record<string, unknown> & {
      profile: { email: string; nickname: string };
      hosted: { id: string }[];
      participations: { runId: string; status: string }[];
      comments: { content: string }[];
      courses: { id: string }[];
      sessions: Record<string, unknown>[];
      notifications: unknown[];
    };
    expect(data.profile).toMatchObject({ email: me.email, nickname: '내보내기' });
    expect(data.hosted.map((r) => r.id)).toEqual([hosted.id]);
    expect(data.participations).toEqual([expect.objectContaining({ runId: theirs.id, status: 'joined' })]);
    expect(data.comments.map((c) => c.content)).toEqual(['물품 보관 되나요?']);
    expect(data.courses.map((c) => c.id)).toEqual([course.id]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(Object.keys(data.sessions[0] ?? {}).sort()).toEqual([
      'createdAt',
      'id',
      'ip',
      'lastUsedAt',
      'revokedAt',
      'userAgent',
    ]);
    for (const key of ['bookmarks', 'badges', 'scoreHistory', 'chat', 'push', 'reviewsWritten', 'ratings'])
      expect(data).toHaveProperty(key);
    expect(body).not.toContain(other.email);
    expect(body).not.toContain('$argon2');
  });

  it('needs a token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(401);
  });
});

describe('DELETE /api/me', () => {
  it('cancels my future runs, gives up my seats, keeps others’ data whole and locks me out', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app, { nickname: '떠나는러너' });
    const pastHost = await newUser(t.app, { nickname: '지난크루장' });
    const fan = await newUser(t.app);
    const host2 = await newUser(t.app);
    const waiting = await newUser(t.app);

    const past = await newRun(t.app, pastHost, runAt(seoul(2, 9)));
    await join(past, me);
    const mine1 = await newRun(t.app, me, runAt(seoul(9, 9)));
    await join(mine1, fan);
    const full = await newRun(t.app, host2, runAt(seoul(9, 19), { capacity: 2 }));
    await join(full, me);
    expect((await join(full, waiting)).json()).toMatchObject({ status: 'waitlisted' });
    const comment = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${full.id}/comments`,
      headers: bearer(me),
      payload: { content: '주차 되나요?' },
    });
    expect(comment.statusCode).toBe(201);

    // The past run: attended, and I reviewed its host.
    const [ph] = await at(Date.parse(past.endsAt) + HOUR, pastHost);
    await markAttendance(past, ph, [me.user.id], []);
    const [m1] = await at(Date.parse(past.endsAt) + 2 * HOUR, me);
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${past.id}/host-review`,
      headers: bearer(m1),
      payload: { positive: true, categories: ['on_time'] },
    });
    expect(review.statusCode).toBe(201);

    const [m, ph2, f, h2, w] = await at(
      Date.parse(past.endsAt) + 3 * HOUR,
      me,
      pastHost,
      fan,
      host2,
      waiting,
    );
    const profileBefore = (
      await t.app.inject({ method: 'GET', url: `/api/users/${pastHost.user.id}` })
    ).json<Profile>();
    const meLogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: me.password },
    });
    const refreshCookie = `erun_refresh=${meLogin.cookies.find((c) => c.name === 'erun_refresh')?.value}`;

    // A wrong password (or none) deletes nothing.
    for (const payload of [{ password: 'wrong-password' }, {}, { confirm: '떠나는러너' }]) {
      const refused = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(m), payload });
      expect(refused.statusCode).toBe(400);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/runs/${mine1.id}` })).json<Run>().joinState).toBe(
      'open',
    );

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(m),
      payload: { password: me.password },
    });
    expect(deleted.statusCode).toBe(204);

    // My future hosted run is cancelled and its participant told.
    expect((await t.app.inject({ method: 'GET', url: `/api/runs/${mine1.id}` })).json<Run>().joinState).toBe(
      'cancelled',
    );
    const fanNotes = (
      await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(f) })
    ).json<NotificationPage>();
    expect(fanNotes.items.some((n) => n.category === 'run_cancelled' && n.data.title === mine1.title)).toBe(
      true,
    );
    // My seat went to the first on the waitlist; the counters are exact.
    const fullAfter = (
      await t.app.inject({ method: 'GET', url: `/api/runs/${full.id}`, headers: bearer(w) })
    ).json<Run>();
    expect(fullAfter).toMatchObject({ participantCount: 2, waitlistCount: 0, myStatus: 'joined' });
    expect(fullAfter.participants.map((p) => p.id)).not.toContain(me.user.id);
    // My comment stays, by "탈퇴한 사용자".
    const comments = (
      await t.app.inject({ method: 'GET', url: `/api/runs/${full.id}/comments`, headers: bearer(h2) })
    ).json<{ items: Comment[] }>();
    expect(comments.items[0]).toMatchObject({
      content: '주차 되나요?',
      author: { nickname: '탈퇴한 사용자' },
    });
    // The past host keeps my review and my attendance record.
    const profileAfter = (
      await t.app.inject({ method: 'GET', url: `/api/users/${pastHost.user.id}` })
    ).json<Profile>();
    expect(profileAfter.goodRunnerScore).toBe(profileBefore.goodRunnerScore);
    expect(profileAfter.reviewCounts).toEqual(profileBefore.reviewCounts);
    const attendance = await t.app.inject({
      method: 'GET',
      url: `/api/runs/${past.id}/attendance`,
      headers: bearer(ph2),
    });
    expect(attendance.json<{ present: string[] }>().present).toEqual([me.user.id]);

    // I am locked out everywhere.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: me.password },
    });
    expect(login.statusCode).toBe(401);
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: refreshCookie },
      payload: {},
    });
    expect(refresh.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(m) })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(m), payload: {} });
    expect(again.statusCode).toBe(401);
    const profile = await t.app.inject({ method: 'GET', url: `/api/users/${me.user.id}` });
    expect(profile.statusCode).toBe(404);
    expect(profile.json<ErrorBody>().code).toBe('USER_NOT_FOUND');
    // No device, mailed link or unsent mail of mine is kept (sign-up mailed a link; signing in made devices).
    const [kept] = await rawRows<{ sessions: number; tokens: number; mails: number }>(
      t.database.db,
      sql`select (select count(*)::int from auth_sessions where user_id = ${me.user.id}) as sessions,
        (select count(*)::int from account_tokens where user_id = ${me.user.id}) as tokens,
        (select count(*)::int from outbound_mails where user_id = ${me.user.id}) as mails`,
    );
    expect(kept).toEqual({ sessions: 0, tokens: 0, mails: 0 });
    clock.offsetMs = 0;
  });

  it('is retryable: steps an earlier attempt already did are skipped', async () => {
    clock.offsetMs = 0;
    const me = await newUser(t.app, { nickname: '다시시도' });
    const host = await newUser(t.app);
    const a = await newRun(t.app, me);
    const b = await newRun(t.app, me, runBody({}, 72));
    const theirs = await newRun(t.app, host);
    await join(theirs, me);
    // As if a first attempt cancelled one run and left the other before failing.
    await t.services.runs.cancel(a.id, me.user.id);
    await t.services.participation.leave(theirs.id, me.user.id);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(me),
      payload: { password: me.password },
    });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/runs/${b.id}` })).json<Run>().joinState).toBe(
      'cancelled',
    );
    const hosts = (await t.app.inject({ method: 'GET', url: `/api/runs/${theirs.id}` })).json<Run>();
    expect(hosts.participantCount).toBe(1);
  });
});
