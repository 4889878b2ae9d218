import type { CoursePage, Course, Crew, CrewPage, RunPage, SeriesPage } from '@erun/contracts';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from './demo.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

/** A new install is not empty: `npm start` shows runs and recommended courses (with photos and ratings). */
describe('demo data', { timeout: 120_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    // No guest response cache: "a second start adds nothing" must be read from the database, not memory.
    t = await createTestApp({ env: { RESPONSE_CACHE_MS: '0' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const courses = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/courses?limit=50' })).json<CoursePage>().items;

  it('makes runs and a dozen courses with a served photo each, once', async () => {
    await seedDemoData(t.services, pino({ level: 'silent' }), 'demo-password-1234');
    const made = await courses();
    expect(made).toHaveLength(12);
    expect(new Set(made.map((c) => c.title)).size).toBe(12);
    expect(made.some((c) => c.rating.count > 0)).toBe(true);
    const first = made[0] as Course;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/courses/${first.id}` })).json<Course>();
    const photo = detail.photos[0]?.urls.medium ?? '';
    expect(photo).not.toBe('');
    const image = await t.app.inject({ method: 'GET', url: new URL(photo, 'http://x').pathname });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(detail.description).not.toContain('(를)');
    const runs = (await t.app.inject({ method: 'GET', url: '/api/runs?limit=50' })).json<{
      items: unknown[];
    }>();
    expect(runs.items.length).toBeGreaterThan(0);
    const series = async () =>
      (await t.database.executeSql('select count(*)::int as n from series')).rows as { n: number }[];

    // A few crews with an owner, staff and members, the demo account among them.
    const crews = (await t.app.inject({ method: 'GET', url: '/api/crews?limit=50' })).json<CrewPage>().items;
    expect(crews.length).toBeGreaterThanOrEqual(3);
    expect(crews.some((c) => c.memberCount >= 3)).toBe(true);
    const banpo = crews.find((c) => c.name === '반포 달빛러너스');
    const page = (await t.app.inject({ method: 'GET', url: `/api/crews/${banpo?.id}` })).json<Crew>();
    expect(page.owner.nickname).toBe('노을러닝크루');
    expect(page.staff.map((s) => s.nickname)).toEqual(['새벽페이서']);

    // Every 정기런 is a crew's, made by its owner; every crew page lists crew runs ahead, occurrences of them.
    const rows = (
      await t.database.executeSql(
        `select s.id, s.crew_id, s.host_id, m.role from series s
         left join crew_members m on m.crew_id = s.crew_id and m.user_id = s.host_id`,
      )
    ).rows as { id: string; crew_id: string | null; host_id: string; role: string | null }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.crew_id).not.toBeNull();
      expect(row.role).toBe('owner');
      const seriesPage = await t.app.inject({ method: 'GET', url: `/api/series/${row.id}` });
      expect(seriesPage.statusCode).toBe(200);
      const body = seriesPage.json<SeriesPage>();
      expect(body.series.crewId).toBe(row.crew_id);
      expect(body.upcoming.length).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.crew_id))).toEqual(new Set(crews.map((c) => c.id)));
    for (const crew of crews) {
      // What the crew page's "다가오는 크루 러닝" asks for.
      const ahead = await t.app.inject({
        method: 'GET',
        url: `/api/runs?crewId=${crew.id}&sort=soonest&limit=10`,
      });
      expect(ahead.statusCode).toBe(200);
      const items = ahead.json<RunPage>().items;
      expect(items.length, crew.name).toBeGreaterThan(0);
      for (const run of items) {
        expect(run.crew?.id).toBe(crew.id);
        expect(run.seriesId).not.toBeNull();
        expect(run.visibility).toBe('public');
        expect(run.guestSeats).toBeGreaterThan(0);
      }
    }
    const banpoRuns = (
      await t.app.inject({ method: 'GET', url: `/api/runs?crewId=${banpo?.id}&sort=soonest&limit=10` })
    ).json<RunPage>().items;
    expect(banpoRuns[0]?.title).toBe('화목 반포 달빛 정기런');
    expect(banpoRuns.some((r) => r.participantCount > 1)).toBe(true);
    const occurrences = async () =>
      (await t.database.executeSql('select count(*)::int as n from runs where series_id is not null'))
        .rows as { n: number }[];
    const opened = await occurrences();

    // A second start adds nothing.
    await seedDemoData(t.services, pino({ level: 'silent' }), 'demo-password-1234');
    expect(await courses()).toHaveLength(12);
    const again = (await t.app.inject({ method: 'GET', url: '/api/crews?limit=50' })).json<CrewPage>();
    expect(again.items).toHaveLength(crews.length);
    expect(await series()).toEqual([{ n: 5 }]);
    expect(await occurrences()).toEqual(opened);
  });
});
