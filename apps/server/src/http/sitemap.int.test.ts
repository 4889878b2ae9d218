import { rm } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courses, runs } from '../db/tables.ts';
import { crewRows, deleteCrew } from '../test/crew-fixtures.ts';
import { bearer, movableClock, newCourse, newRun, newUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { fakeWebDist } from '../test/web-dist.ts';

const clock = movableClock();
let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = await fakeWebDist(
    '<html><head><title>이RUN 저RUN</title></head><body><div id="root"></div></body></html>',
  );
  t = await createTestApp({ clock, env: { WEB_DIST_DIR: dist, PUBLIC_URL: 'https://erun.example' } });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

const loc = (p: string) => `<loc>https://erun.example${p}</loc>`;

describe('sitemap.xml and robots.txt', () => {
  it('lists the public runs, courses and crews a guest may read, and nothing else', async () => {
    const host = await newUser(t.app);
    const open = await newRun(t.app, host, { title: '공개 러닝' });
    const cancelled = await newRun(t.app, host, { title: '취소된 러닝' });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/runs/${cancelled.id}`, headers: bearer(host) }))
        .statusCode,
    ).toBe(204);
    const hidden = await newRun(t.app, host, { title: '숨겨진 러닝' });
    await t.database.db.update(runs).set({ hiddenAt: new Date() }).where(eq(runs.id, hidden.id));
    const crew = await crewRows(t, host);
    const crewOnly = await newRun(t.app, host, { crewId: crew.id, visibility: 'crew', title: '크루원 전용' });
    const crewPublic = await newRun(t.app, host, { crewId: crew.id, title: '크루 공개 러닝' });
    const goneCrew = await crewRows(t, host, { name: '해산한 크루' });
    await deleteCrew(t, goneCrew.id);
    const course = await newCourse(t.app, host);
    const hiddenCourse = await newCourse(t.app, host);
    await t.database.db.update(courses).set({ hiddenAt: new Date() }).where(eq(courses.id, hiddenCourse.id));

    const response = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    const xml = response.body;
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org/,
    );
    for (const p of ['/', '/runs', '/courses', '/crews']) expect(xml).toContain(loc(p));
    for (const listed of [
      `/runs/${open.id}`,
      `/runs/${crewPublic.id}`,
      `/courses/${course.id}`,
      `/crews/${crew.id}`,
    ])
      expect(xml).toContain(loc(listed));
    for (const unlisted of [cancelled.id, hidden.id, crewOnly.id, goneCrew.id, hiddenCourse.id])
      expect(xml).not.toContain(unlisted);
    expect(xml).toMatch(new RegExp(`${open.id}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT`));

    // Built once for a few minutes: a run created now shows in the next build.
    const later = await newRun(t.app, host, { title: '나중 러닝' });
    expect((await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body).not.toContain(later.id);
    clock.offsetMs += 6 * 60_000;
    expect((await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body).toContain(
      loc(`/runs/${later.id}`),
    );
  });

  it('robots.txt points at the sitemap with an absolute URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Sitemap: https://erun.example/sitemap.xml');
    expect(response.body).toContain('Disallow: /api/');
  });

  it('the public pages name their canonical URL; a missing item is a 404 without one', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    const crew = await crewRows(t, host, { name: '캐노니컬 크루' });
    for (const p of ['/', '/runs', '/courses', '/crews', `/runs/${run.id}`, `/crews/${crew.id}`]) {
      const page = await t.app.inject({ method: 'GET', url: `${p}?utm_source=kakao` });
      expect(page.statusCode, p).toBe(200);
      expect(page.body, p).toContain(`<link rel="canonical" href="https://erun.example${p}" />`);
    }
    const crewPage = await t.app.inject({ method: 'GET', url: `/crews/${crew.id}` });
    expect(crewPage.body).toContain('<meta property="og:title" content="캐노니컬 크루" />');
    for (const p of ['/runs/00000000-0000-4000-8000-000000000000', '/crews/nope']) {
      const page = await t.app.inject({ method: 'GET', url: p });
      expect(page.statusCode, p).toBe(404);
      expect(page.body).not.toContain('rel="canonical"');
    }
  });
});
