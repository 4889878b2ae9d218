import type { CreatedSeries, ErrorBody, Run, SeriesPage, Weekday } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  movableClock,
  newRun,
  newUser,
  runBody,
  signInAt,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addDays, datesBetween, seoulToday } from './schedule.ts';

const clock = movableClock();
const DAY = 86_400_000;
const ALL_DAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
let t: TestApp;
let host: TestUser;

beforeAll(async () => {
  t = await createTestApp({ clock });
  host = await newUser(t.app, { nickname: '정기런호스트' });
});
afterAll(() => t.close());

const today = () => seoulToday(clock.now());
const inject = (who: { accessToken: string } | null, method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers: who ? bearer(who) : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

function template(overrides: Record<string, unknown> = {}) {
  const { startsAt: _s, endsAt: _e, ...fields } = runBody();
  return { ...fields, durationMinutes: 90, ...overrides };
}

function schedule(overrides: Record<string, unknown> = {}) {
  return { freq: 'weekly', interval: 1, byDay: ['TU', 'TH'], time: '19:30', from: today(), ...overrides };
}

async function createSeries(
  who: { accessToken: string },
  body: Record<string, unknown> = {},
): Promise<CreatedSeries> {
  const response = await inject(who, 'POST', '/api/series', {
    template: template(),
    schedule: schedule(),
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CreatedSeries>();
}

async function rows(sql: string, params: unknown[] = []) {
  return (await t.database.executeSql(sql, params)).rows as Record<string, unknown>[];
}

async function noticesOf(userId: string, category: string) {
  return (await rows(
    'select run_id, data from notifications where user_id = $1 and category = $2 order by created_at',
    [userId, category],
  )) as { run_id: string; data: Record<string, string> }[];
}

/** A crew written straight into its tables (the crews module is another slice): owner + the given members. */
async function crewWith(owner: TestUser, members: { user: TestUser; role: 'staff' | 'member' }[] = []) {
  const name = `정기런크루${Math.random().toString(36).slice(2, 8)}`;
  const [crew] = await rows(
    `insert into crews (name, name_key, regions, home_spot_name, home_lat, home_lng, join_policy, search_text,
       member_count, created_at, updated_at)
     values ($1, $1, '["seoul"]', '반포 한강공원', 37.51, 126.99, 'open', $1, $2, now(), now()) returning id`,
    [name, members.length + 1],
  );
  const crewId = String(crew?.id);
  await rows(
    `insert into crew_members (crew_id, user_id, status, role, created_at) values ($1, $2, 'member', 'owner', now())`,
    [crewId, owner.user.id],
  );
  for (const m of members)
    await rows(
      `insert into crew_members (crew_id, user_id, status, role, created_at) values ($1, $2, 'member', $3, now())`,
      [crewId, m.user.user.id, m.role],
    );
  return crewId;
}

const join = (runId: string, who: { accessToken: string }) =>
  inject(who, 'POST', `/api/runs/${runId}/participants`);

describe('POST /api/series', () => {
  it('creates a weekly Tuesday/Thursday series with the next 28 days of occurrences, each a run of its own', async () => {
    const created = await createSeries(host);
    expect(created.series).toMatchObject({
      host: { id: host.user.id },
      crewId: null,
      crew: null,
      schedule: { freq: 'weekly', interval: 1, byDay: ['TU', 'TH'], time: '19:30', until: null, count: null },
      template: { title: '여의도 한강 야간 러닝', durationMinutes: 90, visibility: 'public' },
      ended: false,
      canManage: true,
    });
    const expected = datesBetween(
      {
        freq: 'weekly',
        interval: 1,
        byDay: ['TU', 'TH'],
        setPos: null,
        time: '19:30',
        from: today(),
        until: null,
        count: null,
      },
      today(),
      addDays(today(), 28),
    ).filter((d) => new Date(`${d}T19:30:00+09:00`).getTime() >= clock.now().getTime() + 3_600_000);
    const stored = await rows(
      'select id, occurrence_date::text as day, starts_at, participant_count from runs where series_id = $1 order by starts_at',
      [created.series.id],
    );
    expect(stored.map((r) => r.day)).toEqual(expected);
    expect(created.occurrences.map((o) => o.id)).toEqual(stored.map((r) => r.id));
    for (const [i, o] of created.occurrences.entries()) {
      expect(new Date(o.startsAt).toISOString()).toBe(
        new Date(`${expected[i]}T19:30:00+09:00`).toISOString(),
      );
      expect(Date.parse(o.endsAt) - Date.parse(o.startsAt)).toBe(90 * 60_000);
      expect(o).toMatchObject({ participantCount: 1, myStatus: 'joined', capacity: 10 });
    }
    const first = created.occurrences[0];
    if (!first) throw new Error('no occurrence');
    const run = (await inject(null, 'GET', `/api/runs/${first.id}`)).json<Run>();
    expect(run.seriesId).toBe(created.series.id);
  });

  it('skips a first date that starts within the hour (the lead rule), every day at a time 30 minutes away', async () => {
    const soon = new Date(clock.now().getTime() + 30 * 60_000 + 9 * 3_600_000);
    const time = soon.toISOString().slice(11, 16);
    const created = await createSeries(host, {
      schedule: schedule({ byDay: ALL_DAYS, time, from: today() }),
    });
    const lead = clock.now().getTime() + 3_600_000;
    // Every date of the 28-day window whose start is an hour or more away. Between 23:30 and midnight in Seoul the
    // time 30 minutes away is tomorrow's, so today's date has passed as well: 27 dates then, 28 otherwise.
    const expected = datesBetween(
      {
        freq: 'weekly',
        interval: 1,
        byDay: ALL_DAYS,
        setPos: null,
        time,
        from: today(),
        until: null,
        count: null,
      },
      today(),
      addDays(today(), 28),
    )
      .map((d) => Date.parse(`${d}T${time}:00+09:00`))
      .filter((start) => start >= lead);
    expect(expected.length).toBeGreaterThanOrEqual(27);
    expect(created.occurrences.map((o) => Date.parse(o.startsAt))).toEqual(expected);
    for (const o of created.occurrences) expect(Date.parse(o.startsAt)).toBeGreaterThanOrEqual(lead);
  });

  it('refuses bad schedules with message keys the app shows in Korean', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [schedule({ byDay: [] }), 'schedule.byDay.required'],
      [schedule({ until: addDays(today(), -1) }), 'schedule.until.beforeFrom'],
      [schedule({ until: addDays(today(), 30), count: 4 }), 'schedule.end.both'],
      [schedule({ freq: 'monthly', byDay: ['SA'] }), 'schedule.setPos.required'],
      [schedule({ freq: 'monthly', byDay: ['SA', 'SU'], setPos: -1 }), 'schedule.byDay.oneForMonthly'],
      [schedule({ setPos: 2 }), 'schedule.setPos.weeklyOnly'],
      [schedule({ interval: 5 }), 'schedule.interval.range'],
      [schedule({ count: 105 }), 'schedule.count.range'],
      [schedule({ time: '25:00' }), 'time.invalid'],
      [schedule({ from: addDays(today(), -1) }), 'schedule.from.past'],
      [schedule({ byDay: ['TU'], from: today(), until: today(), time: '00:00' }), 'schedule.empty'],
    ];
    for (const [s, message] of cases) {
      const response = await inject(host, 'POST', '/api/series', { template: template(), schedule: s });
      expect(response.statusCode, `${message}: ${response.body}`).toBe(400);
      expect(response.json<ErrorBody>().issues?.map((i) => i.message)).toContain(message);
    }
    const both = await inject(host, 'POST', '/api/series', { schedule: schedule() });
    expect(both.json<ErrorBody>().issues?.map((i) => i.message)).toContain('series.templateOrRun');
    expect(
      (await inject(null, 'POST', '/api/series', { template: template(), schedule: schedule() })).statusCode,
    ).toBe(401);
  });

  it('a crew series is for the crew staff: 403 NOT_CREW_STAFF for a member, 201 for staff', async () => {
    const owner = await newUser(t.app);
    const staff = await newUser(t.app);
    const member = await newUser(t.app);
    const crewId = await crewWith(owner, [
      { user: staff, role: 'staff' },
      { user: member, role: 'member' },
    ]);
    const body = { template: template({ crewId, visibility: 'crew' }), schedule: schedule() };
    const refused = await inject(member, 'POST', '/api/series', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('NOT_CREW_STAFF');
    const made = await inject(staff, 'POST', '/api/series', body);
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json<CreatedSeries>();
    expect(created.series.crewId).toBe(crewId);
    const [crewRow] = await rows('select name from crews where id = $1', [crewId]);
    expect(created.series.crew).toEqual({ id: crewId, name: crewRow?.name });
    const [row] = await rows('select crew_id, visibility from runs where series_id = $1 limit 1', [
      created.series.id,
    ]);
    expect(row).toEqual({ crew_id: crewId, visibility: 'crew' });
    // Members-only: hidden from outsiders, shown to members; the owner (staff) may manage it.
    const outsider = await newUser(t.app);
    expect((await inject(outsider, 'GET', `/api/series/${created.series.id}`)).statusCode).toBe(404);
    expect((await inject(null, 'GET', `/api/series/${created.series.id}`)).statusCode).toBe(404);
    const seen = (await inject(member, 'GET', `/api/series/${created.series.id}`)).json<SeriesPage>();
    expect(seen.series.canManage).toBe(false);
    const asOwner = (await inject(owner, 'GET', `/api/series/${created.series.id}`)).json<SeriesPage>();
    expect(asOwner.series.canManage).toBe(true);
  });

  it('"run again": a series from a run the caller hosts copies its template; others may not', async () => {
    const run = await newRun(t.app, host, { title: '토요일 아침 반포', capacity: 8 });
    const other = await newUser(t.app);
    const refused = await inject(other, 'POST', '/api/series', { fromRunId: run.id, schedule: schedule() });
    expect(refused.statusCode).toBe(403);
    const made = await inject(host, 'POST', '/api/series', {
      fromRunId: run.id,
      schedule: schedule({ byDay: ['SA'], time: '07:00', count: 10 }),
    });
    expect(made.statusCode, made.body).toBe(201);
    const created = made.json<CreatedSeries>();
    expect(created.series.template).toMatchObject({
      title: '토요일 아침 반포',
      capacity: 8,
      durationMinutes: 90,
    });
    expect(created.series.schedule.count).toBe(10);
    expect(created.occurrences.every((o) => o.title === '토요일 아침 반포')).toBe(true);
  });
});

describe('the series.open-window job', () => {
  it('run by two workers at once opens each date once, and crew members hear of each new date once', async () => {
    const owner = await newUser(t.app);
    const member = await newUser(t.app);
    const crewId = await crewWith(owner, [{ user: member, role: 'member' }]);
    const created = await createSeries(owner, {
      template: template({ crewId }),
      schedule: schedule({ byDay: ['MO', 'WE', 'FR'] }),
    });
    const id = created.series.id;
    // Nothing is told for the dates opened with the series.
    expect(await noticesOf(member.user.id, 'series_opened')).toEqual([]);
    const second = await createTestApp({ clock, database: t.database });
    try {
      clock.offsetMs = 10 * DAY;
      const [a, b] = await Promise.all([t.services.series.openWindow(), second.services.series.openWindow()]);
      const dupes = await rows(
        'select occurrence_date from runs where series_id = $1 group by occurrence_date having count(*) > 1',
        [id],
      );
      expect(dupes).toEqual([]);
      const stored = await rows('select id from runs where series_id = $1', [id]);
      const fresh = stored.length - created.occurrences.length;
      expect(fresh).toBeGreaterThan(0);
      // Each of the fresh dates was inserted by exactly one of the two workers.
      expect(a + b).toBeGreaterThanOrEqual(fresh);
      const told = await noticesOf(member.user.id, 'series_opened');
      expect(told).toHaveLength(fresh);
      expect(new Set(told.map((n) => n.run_id)).size).toBe(fresh);
      // The host (the owner) is not told of their own series.
      expect(await noticesOf(owner.user.id, 'series_opened')).toEqual([]);
      // Again: nothing new.
      await Promise.all([t.services.series.openWindow(), second.services.series.openWindow()]);
      expect(await rows('select id from runs where series_id = $1', [id])).toHaveLength(stored.length);
      expect(await noticesOf(member.user.id, 'series_opened')).toHaveLength(fresh);
    } finally {
      clock.offsetMs = 0;
      await second.close();
    }
  });
});

describe('saved searches and a series (issue 18)', () => {
  const save = async (who: TestUser, filters: Record<string, unknown>) =>
    expect((await inject(who, 'POST', '/api/me/saved-searches', { filters })).statusCode).toBe(201);

  it('a series opening tells a matching search once, of its soonest date; each later opening once more', async () => {
    const seriesHost = await newUser(t.app);
    const fan = await newUser(t.app);
    const other = await newUser(t.app);
    // Two matching searches are still one notice an opening; the spacing and synonym are the list's.
    await save(fan, { q: '수요알림 러닝' });
    await save(fan, { q: '수요알림런', region: ['seoul'] });
    await save(other, { q: '수요알림런 부산' });
    await save(seriesHost, { q: '수요알림런' });
    const created = await createSeries(seriesHost, {
      template: template({ title: '수요알림런 정기 모임' }),
      schedule: schedule({ byDay: ['MO', 'WE', 'FR'] }),
    });
    expect(created.occurrences.length).toBeGreaterThan(4);
    const soonest = [...created.occurrences].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    const first = await noticesOf(fan.user.id, 'saved_search_match');
    expect(first.map((n) => n.run_id)).toEqual([soonest?.id]);

    try {
      clock.offsetMs = 10 * DAY;
      expect(await t.services.series.openWindow()).toBeGreaterThan(1);
      const fresh = await rows('select id from runs where series_id = $1 and created_at > $2', [
        created.series.id,
        new Date(clock.now().getTime() - DAY).toISOString(),
      ]);
      const told = await noticesOf(fan.user.id, 'saved_search_match');
      expect(told).toHaveLength(2);
      expect(fresh.map((r) => r.id)).toContain(told[1]?.run_id);
    } finally {
      clock.offsetMs = 0;
    }
    expect(await noticesOf(other.user.id, 'saved_search_match')).toEqual([]);
    expect(await noticesOf(seriesHost.user.id, 'saved_search_match')).toEqual([]);
  });

  it('a members-only crew series tells no saved search', async () => {
    const owner = await newUser(t.app);
    const fan = await newUser(t.app);
    const crewId = await crewWith(owner);
    await save(fan, { q: '크루전용알림런' });
    await createSeries(owner, {
      template: template({ title: '크루전용알림런', crewId, visibility: 'crew' }),
    });
    expect(await noticesOf(fan.user.id, 'saved_search_match')).toEqual([]);
  });
});

describe('this and following, cancelling one, ending', () => {
  it('PATCH from a date rebuilds the dates only the host is in and updates (and tells) those with runners', async () => {
    const created = await createSeries(host, {
      schedule: schedule({ byDay: ALL_DAYS, from: addDays(today(), 1) }),
    });
    const day = (n: number) => {
      const d = addDays(today(), n);
      const o = created.occurrences.find((x) => seoulToday(new Date(x.startsAt)) === d);
      if (!o) throw new Error(`no occurrence on ${d}`);
      return o;
    };
    const [d1, d2, d3] = [day(1), day(2), day(3)];
    const runner = await newUser(t.app);
    expect((await join(d3.id, runner)).statusCode).toBe(201);
    const other = await newUser(t.app);
    const forbidden = await inject(other, 'PATCH', `/api/series/${created.series.id}`, {
      from: addDays(today(), 2),
      changes: { title: '남의 정기런' },
    });
    expect(forbidden.statusCode).toBe(403);
    const response = await inject(host, 'PATCH', `/api/series/${created.series.id}`, {
      from: addDays(today(), 2),
      changes: { title: '바뀐 새벽 러닝', capacity: 12, time: '06:30' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<SeriesPage>();
    expect(page.series.schedule.time).toBe('06:30');
    expect(page.series.template).toMatchObject({ title: '바뀐 새벽 러닝', capacity: 12 });
    const view = async (id: string) => (await inject(null, 'GET', `/api/runs/${id}`)).json<Run>();
    expect(await view(d1.id)).toMatchObject({ title: '여의도 한강 야간 러닝', startsAt: d1.startsAt });
    const rebuilt = await view(d2.id);
    expect(rebuilt).toMatchObject({ title: '바뀐 새벽 러닝', capacity: 12 });
    expect(rebuilt.startsAt).toBe(new Date(`${addDays(today(), 2)}T06:30:00+09:00`).toISOString());
    const updated = await view(d3.id);
    expect(updated).toMatchObject({ title: '바뀐 새벽 러닝', participantCount: 2 });
    expect(updated.participants.map((p) => p.id)).toContain(runner.user.id);
    const told = await noticesOf(runner.user.id, 'run_updated');
    expect(told.map((n) => n.run_id)).toEqual([d3.id]);
    expect(
      (
        await inject(host, 'PATCH', `/api/series/${created.series.id}`, {
          from: addDays(today(), -1),
          changes: {},
        })
      ).statusCode,
    ).toBe(400);
  });

  it('cancels one occurrence with a reason its runners are told; the series goes on without it', async () => {
    const created = await createSeries(host);
    const [first, second] = created.occurrences;
    if (!first || !second) throw new Error('two occurrences expected');
    const runner = await newUser(t.app);
    expect((await join(first.id, runner)).statusCode).toBe(201);
    const cancelled = await inject(host, 'DELETE', `/api/runs/${first.id}`, { reason: '비 예보' });
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    const told = await noticesOf(runner.user.id, 'run_cancelled');
    expect(told.map((n) => n.run_id)).toEqual([first.id]);
    expect(told[0]?.data.reason).toBe('비 예보');
    expect((await inject(null, 'GET', `/api/runs/${first.id}`)).json<Run>().cancelReason).toBe('비 예보');
    const page = (await inject(host, 'GET', `/api/series/${created.series.id}`)).json<SeriesPage>();
    expect(page.series.ended).toBe(false);
    expect(page.upcoming.map((o) => o.id)).not.toContain(first.id);
    expect(page.upcoming.map((o) => o.id)).toContain(second.id);
    // The job does not open the cancelled date again.
    await t.services.series.openWindow();
    const [count] = await rows(
      'select count(*)::int as n from runs where series_id = $1 and occurrence_date = (select occurrence_date from runs where id = $2)',
      [created.series.id, first.id],
    );
    expect(Number(count?.n)).toBe(1);
    const long = await inject(host, 'DELETE', `/api/runs/${second.id}`, { reason: '가'.repeat(201) });
    expect(long.statusCode).toBe(400);
  });

  it('ending a series cancels its occurrences still ahead (runners told) and opens no more', async () => {
    const created = await createSeries(host);
    const [first] = created.occurrences;
    if (!first) throw new Error('an occurrence expected');
    const runner = await newUser(t.app);
    expect((await join(first.id, runner)).statusCode).toBe(201);
    const other = await newUser(t.app);
    expect((await inject(other, 'DELETE', `/api/series/${created.series.id}`)).statusCode).toBe(403);
    expect((await inject(host, 'DELETE', `/api/series/${created.series.id}`)).statusCode).toBe(204);
    const left = await rows('select id from runs where series_id = $1 and cancelled_at is null', [
      created.series.id,
    ]);
    expect(left).toEqual([]);
    expect((await noticesOf(runner.user.id, 'run_cancelled')).map((n) => n.run_id)).toEqual([first.id]);
    const page = (await inject(null, 'GET', `/api/series/${created.series.id}`)).json<SeriesPage>();
    expect(page.series.ended).toBe(true);
    expect(page.upcoming).toEqual([]);
    clock.offsetMs = 7 * DAY;
    try {
      const [tokens] = await signInAt(t.app, clock, Date.now() + 7 * DAY, host);
      await t.services.series.openWindow();
      expect(
        await rows('select id from runs where series_id = $1 and cancelled_at is null', [created.series.id]),
      ).toEqual([]);
      const again = await inject(tokens, 'DELETE', `/api/series/${created.series.id}`);
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>().code).toBe('SERIES_ENDED');
    } finally {
      clock.offsetMs = 0;
    }
    expect((await inject(null, 'GET', '/api/series/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('deleting a crew ends its 정기런 with its runs ahead (and leaves other crews’ series running)', async () => {
    const owner = await newUser(t.app);
    const crewId = await crewWith(owner);
    const otherCrew = await crewWith(owner);
    const make = async (id: string) => {
      const made = await inject(owner, 'POST', '/api/series', {
        template: template({ crewId: id }),
        schedule: schedule(),
      });
      expect(made.statusCode, made.body).toBe(201);
      return made.json<CreatedSeries>().series.id;
    };
    const [gone, kept] = [await make(crewId), await make(otherCrew)];
    expect((await inject(owner, 'DELETE', `/api/crews/${crewId}`)).statusCode).toBe(204);
    const ended = 'select ended_at is not null as ended from series where id = $1';
    expect(await rows(ended, [gone])).toEqual([{ ended: true }]);
    expect(await rows(ended, [kept])).toEqual([{ ended: false }]);
    expect(await rows('select id from runs where series_id = $1 and cancelled_at is null', [gone])).toEqual(
      [],
    );
  });
});

describe('여성 전용 정기런', () => {
  const genderOf = async (who: TestUser, gender: 'female' | 'male') => {
    const r = await inject(who, 'PATCH', '/api/me', { gender });
    expect(r.statusCode, r.body).toBe(200);
  };

  it('a women-only series makes women-only runs (its minimum rate too); only a woman hosts one', async () => {
    clock.offsetMs = 0;
    const [woman, man] = [await newUser(t.app), await newUser(t.app)];
    await genderOf(woman, 'female');
    await genderOf(man, 'male');
    const refused = await inject(man, 'POST', '/api/series', {
      template: template({ womenOnly: true }),
      schedule: schedule(),
    });
    expect([refused.statusCode, refused.json<ErrorBody>().code]).toEqual([403, 'WOMEN_ONLY']);

    const created = await createSeries(woman, {
      template: template({ womenOnly: true, minAttendanceRate: 80 }),
      schedule: schedule({ byDay: ALL_DAYS, from: addDays(today(), 1) }),
    });
    expect(created.series.template.womenOnly).toBe(true);
    expect(created.occurrences.length).toBeGreaterThan(0);
    expect(created.occurrences.every((o) => o.womenOnly && o.minAttendanceRate === 80)).toBe(true);
    const first = created.occurrences[0] as CreatedSeries['occurrences'][number];
    const joined = await join(first.id, man);
    expect([joined.statusCode, joined.json<ErrorBody>().code]).toEqual([403, 'WOMEN_ONLY']);
    const page = await inject(null, 'GET', `/api/series/${created.series.id}`);
    expect(page.json<SeriesPage>().series.template.womenOnly).toBe(true);

    // "Run again" from a women-only run carries the flag too.
    const run = await newRun(t.app, woman, { womenOnly: true });
    const again = await inject(woman, 'POST', '/api/series', {
      fromRunId: run.id,
      schedule: schedule({ byDay: ['SA'] }),
    });
    expect(again.statusCode, again.body).toBe(201);
    const repeated = again.json<CreatedSeries>();
    expect(repeated.series.template.womenOnly).toBe(true);
    expect(repeated.occurrences.every((o) => o.womenOnly)).toBe(true);
  });

  it('"this and following" turns it on for the dates only its host is in (nobody in is turned away), and off', async () => {
    clock.offsetMs = 0;
    const [woman, man] = [await newUser(t.app), await newUser(t.app)];
    await genderOf(woman, 'female');
    await genderOf(man, 'male');
    const created = await createSeries(woman, {
      schedule: schedule({ byDay: ALL_DAYS, from: addDays(today(), 1) }),
    });
    const day = (n: number) => {
      const d = addDays(today(), n);
      const o = created.occurrences.find((x) => seoulToday(new Date(x.startsAt)) === d);
      if (!o) throw new Error(`no occurrence on ${d}`);
      return o;
    };
    const [d1, d2, d3] = [day(1), day(2), day(3)];
    expect((await join(d3.id, man)).statusCode).toBe(201);
    const on = await inject(woman, 'PATCH', `/api/series/${created.series.id}`, {
      from: addDays(today(), 2),
      changes: { womenOnly: true },
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json<SeriesPage>().series.template.womenOnly).toBe(true);
    const view = async (id: string) => (await inject(null, 'GET', `/api/runs/${id}`)).json<Run>();
    expect((await view(d1.id)).womenOnly).toBe(false);
    expect((await view(d2.id)).womenOnly).toBe(true);
    const kept = await view(d3.id);
    expect(kept.womenOnly).toBe(false);
    expect(kept.participants.map((p) => p.id)).toContain(man.user.id);

    const off = await inject(woman, 'PATCH', `/api/series/${created.series.id}`, {
      from: addDays(today(), 2),
      changes: { womenOnly: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await view(d2.id)).womenOnly).toBe(false);

    // Only a woman hosts a women-only series: a man cannot turn his on.
    const mine = await createSeries(man);
    const refused = await inject(man, 'PATCH', `/api/series/${mine.series.id}`, {
      from: addDays(today(), 1),
      changes: { womenOnly: true },
    });
    expect([refused.statusCode, refused.json<ErrorBody>().code]).toEqual([403, 'WOMEN_ONLY']);
  });
});
