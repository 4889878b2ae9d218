import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '@erun/contracts';
import { bearer, newCourse, newRun, newUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { fakeWebDist } from '../test/web-dist.ts';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = await fakeWebDist('<html><head><title>이RUN 저RUN</title></head><body>app</body></html>');
  t = await createTestApp({ env: { WEB_DIST_DIR: dist, PUBLIC_URL: 'https://erun.example' } });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the web app and run previews', () => {
  it('serves the SPA for client routes (GET and HEAD), but not for unknown API routes', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const page = await t.app.inject({ method, url: '/me' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/unknown' })).statusCode).toBe(404);
  });

  it('renders Open Graph tags for /runs/:runId, escaped', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host, {
      title: '한강 <야간> 러닝 & 치맥',
      meetingPlace: { name: '반포 "달빛" 광장', lat: 37.51, lng: 126.99 },
    });
    const response = await t.app.inject({ method: 'GET', url: `/runs/${run.id}` });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<meta property="og:title" content="한강 &lt;야간&gt; 러닝 &amp; 치맥" />');
    expect(html).toContain(`<meta property="og:url" content="https://erun.example/runs/${run.id}" />`);
    expect(html).toContain('반포 &quot;달빛&quot; 광장');
    expect(html).toContain(
      '<meta property="og:image" content="https://erun.example/og/themes/riverside.png" />',
    );
    expect(html).toContain('<title>한강 &lt;야간&gt; 러닝 &amp; 치맥 · 이RUN 저RUN</title>');
    expect(html).not.toContain('<야간>');
  });

  it('renders Open Graph tags for /courses/:courseId, escaped, without counting a view', async () => {
    const author = await newUser(t.app);
    const rater = await newUser(t.app);
    const course = await newCourse(t.app, author, {
      title: '남산 <순환> 코스 & 야경',
      startPoint: { name: '남산 "북측" 순환로 입구', lat: 37.556, lng: 126.985 },
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/courses/${course.id}/rating`,
      headers: bearer(rater),
      payload: { stars: 4 },
    });
    const response = await t.app.inject({ method: 'GET', url: `/courses/${course.id}` });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<title>남산 &lt;순환&gt; 코스 &amp; 야경 · 이RUN 저RUN</title>');
    expect(html).toContain('<meta property="og:title" content="남산 &lt;순환&gt; 코스 &amp; 야경" />');
    expect(html).toContain(`<meta property="og:url" content="https://erun.example/courses/${course.id}" />`);
    expect(html).toContain(
      `<meta property="og:description" content="${course.distanceKm}km · 약 ${course.estimatedMinutes}분 · 남산 &quot;북측&quot; 순환로 입구 출발 · ★ 4.0 (1명)" />`,
    );
    const photo = course.photos[0]?.urls.large ?? '';
    expect(html).toContain(`<meta property="og:image" content="https://erun.example${photo}" />`);
    expect(html).not.toContain('<순환>');

    // Link unfurlers are not readers.
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/courses/${course.id}`,
      headers: bearer(rater),
    });
    expect(page.json<Course>().views).toBe(1);
  });

  it('draws a PNG preview image per theme, and 404 for an unknown theme', async () => {
    const png = await t.app.inject({ method: 'GET', url: '/og/themes/park.png' });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await t.app.inject({ method: 'GET', url: '/og/themes/desert.png' })).statusCode).toBe(404);
  });

  it('serves the plain page with 404 for an unknown, malformed or deleted run or course id', async () => {
    const author = await newUser(t.app);
    const deleted = await newCourse(t.app, author);
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `/api/courses/${deleted.id}`,
      headers: bearer(author),
    });
    expect(removal.statusCode).toBe(204);
    for (const url of [
      '/runs/00000000-0000-4000-8000-000000000000',
      '/runs/nope',
      '/courses/00000000-0000-4000-8000-000000000000',
      '/courses/nope',
      `/courses/${deleted.id}`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<title>이RUN 저RUN</title>');
      expect(response.body).toContain('<body>app</body>');
    }
  });

  it("says a cancelled run is cancelled in its preview's title", async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host, { title: '취소될 새벽 러닝' });
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(host) });
    const response = await t.app.inject({ method: 'GET', url: `/runs/${run.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<meta property="og:title" content="[취소됨] 취소될 새벽 러닝" />');
    expect(response.body).toContain('<title>[취소됨] 취소될 새벽 러닝 · 이RUN 저RUN</title>');
  });
});
