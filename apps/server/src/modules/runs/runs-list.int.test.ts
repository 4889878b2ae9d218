import type { ErrorBody, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
let t: TestApp;
let host: TestUser;
const titles = async (query: string, who?: { accessToken: string }) => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/runs?${query}`,
    headers: who ? bearer(who) : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<RunPage>().items.map((r) => r.title);
};

const day = (daysAhead: number) =>
  new Date(Date.now() + daysAhead * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
const route = (km: number): [number, number][] => [
  [35.1, 129.0],
  [35.1 + km / 111.2, 129.0],
];

beforeAll(async () => {
  t = await createTestApp({ clock });
  host = await newUser(t.app);
  // A small world of runs on the island of Jeju and in Busan, each title naming what makes it differ.
  const runs: [string, Record<string, unknown>][] = [
    ['부산 강변 새벽 3km', { region: 'busan', theme: 'riverside', start: [3, '05:00'], route: route(3) }],
    ['부산 공원 저녁 7km', { region: 'busan', theme: 'park', start: [3, '18:00'], route: route(7) }],
    ['부산 해변 아침 12km', { region: 'busan', theme: 'beach', start: [4, '09:00'], route: route(12) }],
    [
      '제주 해변 밤 21km 용두암',
      {
        region: 'jeju',
        theme: 'beach',
        start: [5, '21:00'],
        route: route(21),
        place: ['용두암 주차장', 33.516, 126.512],
      },
    ],
    [
      '제주 산 오후 9km',
      {
        region: 'jeju',
        theme: 'mountain',
        start: [6, '14:00'],
        route: route(9),
        place: ['한라산 성판악', 33.385, 126.62],
      },
    ],
  ];
  for (const [title, o] of runs) {
    const [d, time] = o.start as [number, string];
    const starts = new Date(`${day(d)}T${time}:00+09:00`);
    const place = (o.place as [string, number, number] | undefined) ?? ['부산역 광장', 35.115, 129.042];
    await newRun(t.app, host, {
      title,
      region: o.region,
      theme: o.theme,
      route: o.route,
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
      meetingPlace: { name: place[0], lat: place[1], lng: place[2] },
    });
  }
});
afterAll(() => t.close());

describe('GET /api/runs filters', () => {
  it('region, theme and time of day are multi-select and combine', async () => {
    expect(await titles('region=jeju&sort=soonest')).toEqual([
      '제주 해변 밤 21km 용두암',
      '제주 산 오후 9km',
    ]);
    expect(await titles('region=busan,jeju&theme=beach')).toEqual([
      '부산 해변 아침 12km',
      '제주 해변 밤 21km 용두암',
    ]);
    expect(await titles('region=busan&timeOfDay=dawn,evening')).toEqual([
      '부산 강변 새벽 3km',
      '부산 공원 저녁 7km',
    ]);
    expect(await titles('region=busan&theme=park&timeOfDay=evening')).toEqual(['부산 공원 저녁 7km']);
  });

  it('distance buckets are a union, never a min–max range', async () => {
    expect(await titles('region=busan,jeju&distance=lt5,gte15')).toEqual([
      '부산 강변 새벽 3km',
      '제주 해변 밤 21km 용두암',
    ]);
    expect(await titles('region=busan,jeju&distance=5to10')).toEqual([
      '부산 공원 저녁 7km',
      '제주 산 오후 9km',
    ]);
  });

  it('a date range counts Asia/Seoul days, both ends included', async () => {
    expect(await titles(`region=busan,jeju&from=${day(4)}&to=${day(5)}`)).toEqual([
      '부산 해변 아침 12km',
      '제주 해변 밤 21km 용두암',
    ]);
  });

  it('keywords match Korean partial words in title and place', async () => {
    expect(await titles('q=용두')).toEqual(['제주 해변 밤 21km 용두암']);
    expect(await titles('q=성판악')).toEqual(['제주 산 오후 9km']);
    expect(await titles('q=100%')).toEqual([]);
  });

  it('near me: only meeting points within the radius', async () => {
    expect(await titles('near=33.51,126.52&radiusKm=5')).toEqual(['제주 해변 밤 21km 용두암']);
    expect(await titles('near=33.45,126.56&radiusKm=20&sort=soonest')).toEqual([
      '제주 해변 밤 21km 용두암',
      '제주 산 오후 9km',
    ]);
  });

  it('sorts by newest and by popularity', async () => {
    expect((await titles('region=jeju&sort=newest'))[0]).toBe('제주 산 오후 9km');
    const [first] = await titles('region=jeju');
    const page = (await t.app.inject({ method: 'GET', url: '/api/runs?region=jeju' })).json<RunPage>();
    const mountain = page.items.find((r) => r.title === '제주 산 오후 9km');
    for (let i = 0; i < 2; i++) {
      const runner = await newUser(t.app);
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${mountain?.id ?? ''}/participants`,
        headers: bearer(runner),
      });
    }
    expect(first).toBe('제주 해변 밤 21km 용두암');
    expect((await titles('region=jeju&sort=popular'))[0]).toBe('제주 산 오후 9km');
  });

  it('answers 400 for unknown values', async () => {
    for (const query of [
      'region=mars',
      'theme=desert',
      'timeOfDay=noon',
      'distance=5to6',
      'sort=random',
      'near=abc',
      'from=2026-13-45x',
      'limit=0',
      'color=red',
    ]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/runs?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('closed runs', () => {
  it('runs past their join deadline are hidden unless includeClosed=true', async () => {
    const start = Date.now() + 3 * 3_600_000;
    await newRun(t.app, host, {
      title: '곧 마감되는 울산 러닝',
      region: 'ulsan',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3_600_000).toISOString(),
      joinDeadline: new Date(start - 3_600_000).toISOString(),
    });
    expect(await titles('region=ulsan')).toEqual(['곧 마감되는 울산 러닝']);
    clock.offsetMs = 2 * 3_600_000 + 60_000;
    try {
      expect(await titles('region=ulsan')).toEqual([]);
      expect(await titles('region=ulsan&includeClosed=true')).toEqual(['곧 마감되는 울산 러닝']);
    } finally {
      clock.offsetMs = 0;
    }
  });
});

describe('cursor pagination', () => {
  it('neither skips nor repeats a run when runs are posted between pages', async () => {
    const other = await newUser(t.app);
    for (let i = 0; i < 6; i++) await newRun(t.app, other, { title: `강원 페이지 ${i}`, region: 'gangwon' });
    const first = (
      await t.app.inject({ method: 'GET', url: '/api/runs?region=gangwon&sort=newest&limit=4' })
    ).json<RunPage>();
    await newRun(t.app, other, { title: '강원 새로 올라온 러닝', region: 'gangwon' });
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/runs?region=gangwon&sort=newest&limit=4&cursor=${first.nextCursor ?? ''}`,
      })
    ).json<RunPage>();
    const seen = [...first.items, ...second.items].map((r) => r.title);
    expect(seen).toEqual([
      '강원 페이지 5',
      '강원 페이지 4',
      '강원 페이지 3',
      '강원 페이지 2',
      '강원 페이지 1',
      '강원 페이지 0',
    ]);
    expect(second.nextCursor).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/runs?cursor=not-a-cursor' })).statusCode).toBe(
      400,
    );
  });
});
