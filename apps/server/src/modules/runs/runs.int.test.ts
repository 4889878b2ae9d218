import type { ErrorBody, Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { jpegWithGps, multipart, png } from '../../test/images.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let host: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  host = await newUser(t.app, { nickname: '크루장' });
});
afterAll(() => t.close());

const create = (payload: unknown, who: { accessToken: string } = host) =>
  t.app.inject({ method: 'POST', url: '/api/runs', headers: bearer(who), payload: payload as object });

async function photo(who: { accessToken: string } = host): Promise<string> {
  const body = multipart(await jpegWithGps(800, 600), 'run.jpg', 'image/jpeg');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/uploads?purpose=photo',
    payload: body.payload,
    headers: { ...body.headers, ...bearer(who) },
  });
  return response.json<{ id: string }>().id;
}

async function count(table: string): Promise<number> {
  const result = await t.database.executeSql(`select count(*)::int as n from ${table}`);
  return (result.rows[0] as { n: number }).n;
}

describe('POST /api/runs', () => {
  it('creates a run: host is participant #1, distance computed on the server, time of day in Asia/Seoul', async () => {
    const photos = [await photo(), await photo()];
    const body = runBody({
      startsAt: '2030-06-01T07:00:00+09:00',
      endsAt: '2030-06-01T08:30:00+09:00',
      photoIds: photos,
    });
    const response = await create({ ...body, distanceKm: 999 });
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json<Run>();
    expect(run).toMatchObject({
      title: '여의도 한강 야간 러닝',
      capacity: 10,
      participantCount: 1,
      waitlistCount: 0,
      myStatus: 'joined',
      timeOfDay: 'dawn',
      joinState: 'open',
      region: 'seoul',
      joinDeadline: '2030-05-31T21:00:00.000Z',
    });
    expect(run.distanceKm).toBeGreaterThan(1.5);
    expect(run.distanceKm).toBeLessThan(2.2);
    expect(run.host).toMatchObject({
      id: host.user.id,
      nickname: '크루장',
      runsHosted: expect.any(Number) as number,
    });
    expect(run.participants.map((p) => p.id)).toEqual([host.user.id]);
    expect(run.photos.map((p) => p.id)).toEqual(photos);
    expect(run.route).toHaveLength(4);
  });

  it.each([
    ['latitude out of range', { meetingPlace: { name: 'x', lat: 91, lng: 127 } }],
    ['a longitude that is not a number', { meetingPlace: { name: 'x', lat: 37, lng: '127' } }],
    ['a route of one point', { route: [[37.5, 127]] }],
    ['a route of 5001 points', { route: Array.from({ length: 5001 }, (_, i) => [37.5 + i * 1e-5, 127]) }],
    [
      'a point outside the earth',
      {
        route: [
          [37.5, 127],
          [37.5, 181],
        ],
      },
    ],
    ['capacity 1', { capacity: 1 }],
    ['capacity 101', { capacity: 101 }],
    ['an unknown region', { region: 'mars' }],
    ['an unknown theme', { theme: 'desert' }],
    ['a title of one letter', { title: '가' }],
    ['an end before the start', { endsAt: '2020-01-01T00:00:00+09:00' }],
    ['a time without offset', { startsAt: '2030-06-01T07:00:00' }],
    [
      'six photos',
      { photoIds: Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) },
    ],
    ['a description of 2001 characters', { description: '가'.repeat(2001) }],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_name, overrides) => {
    const before = await count('runs');
    const response = await create(runBody(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    expect(await count('runs')).toBe(before);
  });

  it('refuses a start in the past or within the hour (400, naming startsAt)', async () => {
    for (const hoursAhead of [-2, 0.5]) {
      const response = await create(runBody({}, hoursAhead));
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().issues?.[0]?.path).toEqual(['body', 'startsAt']);
    }
  });

  it('refuses 10 MB of text with 413', async () => {
    const response = await create(runBody({ description: 'x'.repeat(10 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
  });

  it('refuses a photo that is not the host’s own (404) and leaves no run behind', async () => {
    const other = await newUser(t.app);
    const theirs = await photo(other);
    const before = await count('runs');
    const response = await create(runBody({ photoIds: [theirs] }));
    expect(response.statusCode).toBe(404);
    expect(await count('runs')).toBe(before);
  });

  it('refuses a photo already used by another run (409) and leaves no run behind', async () => {
    const used = await photo();
    await newRun(t.app, host, { photoIds: [used] });
    const before = await count('runs');
    const response = await create(runBody({ photoIds: [used] }));
    expect(response.statusCode).toBe(409);
    expect(await count('runs')).toBe(before);
    expect(await count('run_participants where run_id not in (select id from runs)')).toBe(0);
  });

  it('refuses an avatar upload as a run photo', async () => {
    const body = multipart(await png(), 'a.png', 'image/png');
    const avatar = await t.app.inject({
      method: 'POST',
      url: '/api/uploads?purpose=avatar',
      payload: body.payload,
      headers: { ...body.headers, ...bearer(host) },
    });
    expect((await create(runBody({ photoIds: [avatar.json<{ id: string }>().id] }))).statusCode).toBe(404);
  });

  it('answers 401 without a token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/runs', payload: runBody() });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /api/runs/:runId', () => {
  it('answers 404 RUN_NOT_FOUND for an unknown id and 400 for a malformed one', async () => {
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/runs/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().code).toBe('RUN_NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: '/api/runs/not-a-uuid' })).statusCode).toBe(400);
  });

  it('shows a guest the run without a status', async () => {
    const run = await newRun(t.app, host);
    const response = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}` });
    expect(response.json<Run>()).toMatchObject({ id: run.id, myStatus: null, bookmarked: false });
  });
});

describe('PATCH and DELETE /api/runs/:runId', () => {
  it('an edit that leaves fields out keeps them (description, photos)', async () => {
    const run = await newRun(t.app, host, { description: '설명이 있어요', photoIds: [await photo()] });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { capacity: 11 },
    });
    expect(response.json<Run>()).toMatchObject({ capacity: 11, description: '설명이 있어요' });
    expect(response.json<Run>().photos.map((p) => p.id)).toEqual(run.photos.map((p) => p.id));
  });

  it('lets the host edit; participants get a notification; the server recomputes distance', async () => {
    const run = await newRun(t.app, host);
    const runner = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: {
        title: '반포 한강 러닝',
        route: [
          [37.5, 127.0],
          [37.51, 127.0],
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Run>()).toMatchObject({ title: '반포 한강 러닝', distanceKm: 1.11 });
    const notes = await t.database.executeSql('select category, link from notifications where user_id = $1', [
      runner.user.id,
    ]);
    expect(notes.rows).toEqual([{ category: 'run_updated', link: `/runs/${run.id}` }]);
  });

  it('refuses a non-host (403 NOT_HOST), a guest (401), a capacity below the participants (409)', async () => {
    const run = await newRun(t.app, host, { capacity: 2 });
    const runner = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });
    const notHost = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(runner),
      payload: { title: '내꺼' },
    });
    expect(notHost.statusCode).toBe(403);
    expect(notHost.json<ErrorBody>().code).toBe('NOT_HOST');
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/runs/${run.id}`, payload: { title: '익명' } }))
        .statusCode,
    ).toBe(401);
    const deleteByOther = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}`,
      headers: bearer(runner),
    });
    expect(deleteByOther.statusCode).toBe(403);
    const tooSmall = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { capacity: 2, title: '그대로' },
    });
    expect(tooSmall.statusCode).toBe(200);
    const unknownField = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { hostId: runner.user.id },
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('cancel: participants are told, the run leaves the lists, its page says cancelled', async () => {
    const run = await newRun(t.app, host, { title: '취소될 러닝입니다' });
    const runner = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
    });
    expect(response.statusCode).toBe(204);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/runs?q=${encodeURIComponent('취소될 러닝')}`,
    });
    expect(page.json<RunPage>().items).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}` })).json<Run>().joinState).toBe(
      'cancelled',
    );
    const notes = await t.database.executeSql('select category from notifications where user_id = $1', [
      runner.user.id,
    ]);
    expect(notes.rows).toEqual([{ category: 'run_cancelled' }]);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(host) }))
        .statusCode,
    ).toBe(404);
  });
});

describe('bookmarks', () => {
  it('PUT and DELETE toggle the caller’s bookmark; unknown run 404; guest 401', async () => {
    const run = await newRun(t.app, host);
    const runner = await newUser(t.app);
    const url = `/api/runs/${run.id}/bookmark`;
    expect((await t.app.inject({ method: 'PUT', url, headers: bearer(runner) })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'PUT', url, headers: bearer(runner) })).statusCode).toBe(204);
    const seen = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}`, headers: bearer(runner) });
    expect(seen.json<Run>().bookmarked).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url, headers: bearer(runner) })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}`, headers: bearer(runner) });
    expect(after.json<Run>().bookmarked).toBe(false);
    const unknown = '/api/runs/00000000-0000-4000-8000-000000000000/bookmark';
    expect((await t.app.inject({ method: 'PUT', url: unknown, headers: bearer(runner) })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'PUT', url })).statusCode).toBe(401);
  });

  it('lists the caller’s bookmarked runs; a guest asking gets 401', async () => {
    const [kept, other] = [await newRun(t.app, host), await newRun(t.app, host)];
    const fan = await newUser(t.app);
    await t.app.inject({ method: 'PUT', url: `/api/runs/${kept.id}/bookmark`, headers: bearer(fan) });
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/runs?bookmarked=true&includeClosed=true',
      headers: bearer(fan),
    });
    expect(page.json<RunPage>().items.map((r) => r.id)).toEqual([kept.id]);
    expect(page.json<RunPage>().items.map((r) => r.id)).not.toContain(other.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/runs?bookmarked=true' })).statusCode).toBe(401);
  });
});
