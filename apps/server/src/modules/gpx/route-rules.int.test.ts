import { haversineKm, routeDistanceKm, type ErrorBody, type Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  courseBody,
  newCourse,
  newRun,
  newUser,
  runBody,
  type TestUser,
} from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let host: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  host = await newUser(t.app);
});
afterAll(() => t.close());

/** A line of `n` points from `from`, `stepDeg` of latitude apart. */
const line = (from: [number, number], n: number, stepDeg: number): [number, number][] =>
  Array.from({ length: n }, (_, i) => [Math.round((from[0] + i * stepDeg) * 1e6) / 1e6, from[1]]);

// Seoul City Hall ↔ Busan City Hall four times: about 1,300 km, every point in Korea.
const SEOUL: [number, number] = [37.5665, 126.978];
const BUSAN: [number, number] = [35.1796, 129.0756];

const IMPLAUSIBLE: [string, [number, number][], string][] = [
  ['15 identical points (0 km)', Array.from({ length: 15 }, () => [37.5283, 126.9326]), 'route.tooShortKm'],
  ['a track at 0°,0°', line([0, 0], 11, 1), 'route.outsideKorea'],
  ['a 1,300 km route', [SEOUL, BUSAN, SEOUL, BUSAN, SEOUL], 'route.tooLongKm'],
  ['a route in Tokyo with region "seoul"', line([35.6812, 139.7671], 10, 0.001), 'route.outsideKorea'],
  ['a route north of the DMZ (Pyongyang)', line([39.0194, 125.7381], 10, 0.001), 'route.outsideKorea'],
];

/** The first point after a watch's pause: 40 km away from where it stopped (a drive home). */
const PIECE_A = line([37.5283, 126.9326], 20, 0.0005);
const PIECE_B = line([37.2, 127.1], 20, 0.0005);
const PIECES = [...PIECE_A, ...PIECE_B];

describe('a route is what a group can run: in Korea, more than 100 m, at most 200 km', () => {
  it.each(IMPLAUSIBLE)('refuses %s when a run is created, naming why', async (_name, route, reason) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(host),
      payload: runBody({ route, region: 'seoul' }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.issues?.map((i) => i.message)).toContain(reason);
  });

  it.each(IMPLAUSIBLE)('refuses %s when a course is created', async (_name, route, reason) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/courses',
      headers: bearer(host),
      payload: await courseBody(t.app, host, { route, region: 'seoul' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.map((i) => i.message)).toContain(reason);
  });

  it.each(IMPLAUSIBLE)(
    'refuses %s when a run or a course is edited, and keeps the old route',
    async (...c) => {
      const [, route, reason] = c;
      const run = await newRun(t.app, host);
      const course = await newCourse(t.app, host);
      for (const url of [`/api/runs/${run.id}`, `/api/courses/${course.id}`]) {
        const response = await t.app.inject({
          method: 'PATCH',
          url,
          headers: bearer(host),
          payload: { route },
        });
        expect(response.statusCode).toBe(400);
        expect(response.json<ErrorBody>().issues?.map((i) => i.message)).toContain(reason);
        const after = await t.app.inject({ method: 'GET', url });
        expect(after.json<Run>().route).toEqual(run.route);
      }
    },
  );
});

describe('a track recorded in pieces', () => {
  it('counts each piece and never the jump between them (runs and courses)', async () => {
    const jump = haversineKm(PIECE_A.at(-1) as [number, number], PIECE_B[0] as [number, number]);
    expect(jump).toBeGreaterThan(30);
    const km = (piece: [number, number][]) =>
      piece.slice(1).reduce((sum, p, i) => sum + haversineKm(piece[i] as [number, number], p), 0);
    const expected = Math.round((km(PIECE_A) + km(PIECE_B)) * 100) / 100;
    const run = await newRun(t.app, host, { route: PIECES, segmentStarts: [PIECE_A.length] });
    expect(run.segmentStarts).toEqual([PIECE_A.length]);
    expect(run.distanceKm).toBe(expected);
    expect(run.distanceKm).toBeLessThan(3);
    const course = await newCourse(t.app, host, { route: PIECES, segmentStarts: [PIECE_A.length] });
    expect(course.distanceKm).toBe(expected);
    expect(course.segmentStarts).toEqual([PIECE_A.length]);
  });

  it('still accepts a plain list of points (one piece)', async () => {
    const run = await newRun(t.app, host);
    expect(run.segmentStarts).toEqual([]);
  });

  it('exports each piece as a track segment of its own', async () => {
    const course = await newCourse(t.app, host, { route: PIECES, segmentStarts: [PIECE_A.length] });
    const gpx = await t.app.inject({ method: 'GET', url: `/api/courses/${course.id}/gpx` });
    expect(gpx.body.match(/<trkseg>/g)).toHaveLength(2);
  });

  it('a new route without pieces drops the old pieces; new pieces alone must fit the stored route', async () => {
    const run = await newRun(t.app, host, { route: PIECES, segmentStarts: [PIECE_A.length] });
    const url = `/api/runs/${run.id}`;
    const bad = await t.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(host),
      payload: { segmentStarts: [PIECES.length - 1] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().issues?.map((i) => i.message)).toContain('segmentStarts.invalid');
    const joined = await t.app.inject({
      method: 'PATCH',
      url,
      headers: bearer(host),
      payload: { route: PIECE_A },
    });
    expect(joined.json<Run>().segmentStarts).toEqual([]);
    expect(joined.json<Run>().distanceKm).toBe(routeDistanceKm(PIECE_A));
  });

  it.each([
    ['a piece of one point', [1]],
    ['starts out of order', [30, 10]],
    ['a start past the end', [PIECES.length]],
  ])('refuses pieces that do not fit the route: %s', async (_name, segmentStarts) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(host),
      payload: runBody({ route: PIECES, segmentStarts }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.map((i) => i.message)).toContain('segmentStarts.invalid');
  });
});
