import { routeDistanceKm } from '@erun/contracts';
import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCourse, newRun, newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://erun.example' } });
});
afterAll(() => t.close());

/** Parses GPX the way other apps do, back into [lat, lng] points. */
function parse(xml: string): { name: unknown; points: [number, number][] } {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const geo = gpx(doc);
  const feature = geo.features[0];
  const coords = feature?.geometry?.type === 'LineString' ? feature.geometry.coordinates : [];
  return { name: feature?.properties?.name, points: coords.map(([lng, lat]) => [lat ?? 0, lng ?? 0]) };
}

describe('GPX export', () => {
  it('a course exports as GPX 1.1 that re-imports with the same distance', async () => {
    const author = await newUser(t.app);
    const course = await newCourse(t.app, author, { title: '한강 & 남산 <야경> 코스' });
    const response = await t.app.inject({ method: 'GET', url: `/api/courses/${course.id}/gpx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/gpx+xml');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(response.body).toContain('<gpx version="1.1"');
    expect(response.body).toContain('한강 &amp; 남산 &lt;야경&gt; 코스');
    const parsed = parse(response.body);
    expect(parsed.name).toBe('한강 & 남산 <야경> 코스');
    expect(routeDistanceKm(parsed.points)).toBe(course.distanceKm);
  });

  it('a run exports too; unknown ids answer 404', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    const response = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/gpx` });
    expect(response.statusCode).toBe(200);
    expect(parse(response.body).points).toHaveLength(run.route.length);
    expect(response.body).toContain(`https://erun.example/runs/${run.id}`);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/courses/00000000-0000-4000-8000-000000000000/gpx',
    });
    expect(missing.statusCode).toBe(404);
  });
});
