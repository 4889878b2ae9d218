import { SERIES_LIMITS, type RunPage, type SeriesPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, seoulToday, startOf } from '../modules/series/schedule.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { SEED_PASSWORD, seedDatabase } from './seed.ts';

interface SeriesRow {
  id: string;
  crew_id: string | null;
  host_id: string;
  role: string | null;
  time: string;
  by_day: string[];
  visibility: string;
}
interface OccurrenceRow {
  id: string;
  series_id: string;
  occurrence_date: string;
  crew_id: string | null;
  host_id: string;
  starts_at: Date | string;
  participant_count: number;
  joined: number;
  outsiders: number;
}

/** `npm run seed`: crews with members and 정기런 whose dates of the next four weeks are open, valid for the app. */
describe('npm run seed: crews and 정기런', { timeout: 120_000 }, () => {
  const now = new Date();
  let t: TestApp;
  beforeAll(async () => {
    // One fixed instant for the seed and the app, so the window job sees the very window the seed opened.
    t = await createTestApp({ clock: { now: () => now }, env: { RESPONSE_CACHE_MS: '0' } });
    await seedDatabase(t.database, { users: 300, runs: 300, seed: 7, reset: false, now });
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async <T>(sql: string, values?: unknown[]) =>
    (await t.database.executeSql(sql, values)).rows as T[];
  const seriesRows = () =>
    rows<SeriesRow>(
      `select s.id, s.crew_id, s.host_id, m.role, s.time, s.by_day, s.template->>'visibility' as visibility
       from series s left join crew_members m on m.crew_id = s.crew_id and m.user_id = s.host_id
       order by s.id`,
    );
  const occurrenceRows = () =>
    rows<OccurrenceRow>(
      `select r.id, r.series_id, r.occurrence_date::text as occurrence_date, r.crew_id, r.host_id, r.starts_at,
         r.participant_count,
         (select count(*)::int from run_participants p where p.run_id = r.id and p.status = 'joined') as joined,
         (select count(*)::int from run_participants p where p.run_id = r.id and p.user_id not in
           (select m.user_id from crew_members m where m.crew_id = r.crew_id)) as outsiders
       from runs r where r.series_id is not null order by r.series_id, r.occurrence_date`,
    );

  it('gives a good share of the crews a weekly series of their owner, on the crew rhythm', async () => {
    const crews = await rows<{ id: string; days: string[]; usual_time: string }>(
      'select id, days, usual_time from crews',
    );
    const series = await seriesRows();
    expect(series.length).toBeGreaterThanOrEqual(Math.ceil(crews.length / 2));
    expect(new Set(series.map((s) => s.crew_id)).size).toBe(series.length);
    for (const s of series) {
      const crew = crews.find((c) => c.id === s.crew_id);
      expect(crew, 'the series belongs to a seed crew').toBeDefined();
      expect(s.role).toBe('owner');
      expect(s.by_day).toEqual(crew?.days);
      expect(s.time).toBe(crew?.usual_time);
    }
  });

  it('opens each date of the window once, as runs of the crew with the host and members in them', async () => {
    const series = await seriesRows();
    const occurrences = await occurrenceRows();
    const today = seoulToday(now);
    const last = addDays(today, SERIES_LIMITS.windowDays);
    const keys = occurrences.map((o) => `${o.series_id}/${o.occurrence_date}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of series)
      expect(
        occurrences.some((o) => o.series_id === s.id),
        s.id,
      ).toBe(true);
    for (const o of occurrences) {
      const s = series.find((x) => x.id === o.series_id);
      expect(o.crew_id).toBe(s?.crew_id);
      expect(o.host_id).toBe(s?.host_id);
      expect(o.occurrence_date >= today && o.occurrence_date <= last).toBe(true);
      expect(new Date(o.starts_at).getTime()).toBe(startOf(o.occurrence_date, s?.time ?? '').getTime());
      expect(new Date(o.starts_at).getTime()).toBeGreaterThan(now.getTime());
      expect(o.joined).toBe(o.participant_count);
      expect(o.outsiders).toBe(0);
    }
    // The window job has nothing left to open: the seed wrote what it would have.
    expect(await t.services.series.openWindow()).toBe(0);
    expect(await occurrenceRows()).toHaveLength(occurrences.length);
  });

  it('serves a seeded series page and its crew runs (members-only ones to members only)', async () => {
    const series = await seriesRows();
    const open = series.find((s) => s.visibility === 'public');
    expect(open).toBeDefined();
    const page = await t.app.inject({ method: 'GET', url: `/api/series/${open?.id}` });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<SeriesPage>();
    expect(body.series.crewId).toBe(open?.crew_id);
    expect(body.series.schedule).toMatchObject({ freq: 'weekly', byDay: open?.by_day, time: open?.time });
    expect(body.upcoming.length).toBeGreaterThan(0);
    expect(body.upcoming.every((r) => r.seriesId === open?.id && r.crew?.id === open?.crew_id)).toBe(true);
    const crewRuns = await t.app.inject({
      method: 'GET',
      url: `/api/runs?crewId=${open?.crew_id}&sort=soonest&limit=10`,
    });
    expect(crewRuns.json<RunPage>().items.some((r) => r.seriesId === open?.id)).toBe(true);

    // The owner (a seed account) sees and manages every series of theirs, members-only or not.
    for (const s of series) {
      const [owner] = await rows<{ email: string }>('select email from users where id = $1', [s.host_id]);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: owner?.email, password: SEED_PASSWORD },
      });
      expect(login.statusCode, login.body).toBe(200);
      const { accessToken } = login.json<{ accessToken: string }>();
      const mine = await t.app.inject({
        method: 'GET',
        url: `/api/series/${s.id}`,
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(mine.statusCode).toBe(200);
      expect(mine.json<SeriesPage>().series.canManage).toBe(true);
      const asGuest = await t.app.inject({ method: 'GET', url: `/api/series/${s.id}` });
      expect(asGuest.statusCode).toBe(s.visibility === 'crew' ? 404 : 200);
    }
  });

  it('--reset removes the seed series and their dates and writes them again', async () => {
    const before = (await seriesRows()).length;
    const dates = (await occurrenceRows()).length;
    await seedDatabase(t.database, { users: 300, runs: 300, seed: 7, reset: true, now });
    expect(await seriesRows()).toHaveLength(before);
    expect(await occurrenceRows()).toHaveLength(dates);
    const [orphans] = await rows<{ n: number }>(
      'select count(*)::int as n from series s where not exists (select 1 from crews c where c.id = s.crew_id)',
    );
    expect(orphans?.n).toBe(0);
  });
});
