import type { ErrorBody, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewRows } from '../../test/crew-fixtures.ts';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** Issue 18, "a feed that knows me": pace and 내 조건 filters, the 추천 order, who's going on the cards. */
let t: TestApp;
let host: TestUser;
let runner: TestUser;
let noPrefs: TestUser;
let crewId: string;
const ids = new Map<string, string>();

const get = async (query: string, who?: TestUser) =>
  t.app.inject({ method: 'GET', url: `/api/runs?${query}`, headers: who ? bearer(who) : {} });
const page = async (query: string, who?: TestUser) => {
  const response = await get(query, who);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<RunPage>();
};
const titles = async (query: string, who?: TestUser) => (await page(query, who)).items.map((r) => r.title);

// A north-going route of about `km` from a point.
const route = (km: number, lat = 37.52, lng = 126.93): [number, number][] => [
  [lat, lng],
  [lat + km / 111.2, lng],
];
const DAEJEON: [number, number] = [36.35, 127.38];

beforeAll(async () => {
  t = await createTestApp();
  [host, runner, noPrefs] = await Promise.all([
    newUser(t.app, { nickname: '호스트' }),
    newUser(t.app, { nickname: '서울러너' }),
    newUser(t.app, { nickname: '새내기' }),
  ]);
  // The runner chose 서울 and 5–10 km at onboarding, and is a member of the host's crew.
  const prefs = await t.app.inject({
    method: 'PATCH',
    url: '/api/me',
    headers: bearer(runner),
    payload: { preferredRegions: ['seoul'], preferredDistance: '5to10' },
  });
  expect(prefs.statusCode, prefs.body).toBe(200);
  crewId = (await crewRows(t, host, { members: [runner] })).id;

  const day = (n: number, hour = 9) => {
    const start = new Date(Date.now() + n * 86_400_000);
    start.setUTCHours(hour, 0, 0, 0);
    return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
  };
  const runs: [string, Record<string, unknown>][] = [
    ['경기 7km', { region: 'gyeonggi', route: route(7), paceSecPerKm: 300, ...day(2) }],
    [
      '대전 7km',
      {
        region: 'daejeon',
        route: route(7, ...DAEJEON),
        meetingPlace: { name: '갑천', lat: DAEJEON[0], lng: DAEJEON[1] },
        paceSecPerKm: 420,
        ...day(2, 10),
      },
    ],
    ['서울 3km', { region: 'seoul', route: route(3), paceSecPerKm: 330, ...day(3) }],
    ['서울 7km', { region: 'seoul', route: route(7), paceSecPerKm: 360, ...day(4) }],
    ['서울 7km 페이스 없음', { region: 'seoul', route: route(7), paceSecPerKm: null, ...day(4, 10) }],
    ['크루 부산 12km', { region: 'busan', route: route(12), paceSecPerKm: 390, crewId, ...day(5) }],
  ];
  for (const [title, overrides] of runs)
    ids.set(title, (await newRun(t.app, host, { title, ...overrides })).id);
  // Six runners join 서울 7km: its card shows the host and the first four of them, then "+2".
  const joiners = await Promise.all(
    Array.from({ length: 6 }, (_, i) => newUser(t.app, { nickname: `참가자${i + 1}` })),
  );
  for (const joiner of joiners) {
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${ids.get('서울 7km')}/participants`,
      headers: bearer(joiner),
    });
    expect(joined.statusCode, joined.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('GET /api/runs?pace=min-max', () => {
  it('keeps runs whose pace is within the range, ends included; a run without a pace never matches', async () => {
    expect(await titles('pace=300-360')).toEqual(['경기 7km', '서울 3km', '서울 7km']);
    expect(await titles('pace=361-900')).toEqual(['대전 7km', '크루 부산 12km']);
    expect(await titles('pace=330-330')).toEqual(['서울 3km']);
  });

  it('refuses a malformed range with 400 pace.invalid (min > max, outside the pace limits, not numbers)', async () => {
    for (const pace of ['360-300', '60-300', '300-5000', 'abc', '300', '300-', '5-6', '-300-360']) {
      const response = await get(`pace=${encodeURIComponent(pace)}`);
      expect(response.statusCode, pace).toBe(400);
      expect(response.json<ErrorBody>().code, pace).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.json<ErrorBody>().issues), pace).toContain('pace.invalid');
    }
  });
});

describe('GET /api/runs?forMe=true (내 조건)', () => {
  it('applies the signed-in runner’s preferred regions and distance', async () => {
    expect(await titles('forMe=true', runner)).toEqual(['서울 7km', '서울 7km 페이스 없음']);
    expect(await titles('forMe=false', runner)).toHaveLength(6);
  });

  it('leaves an explicit region or distance to the query and combines with pace', async () => {
    expect(await titles('forMe=true&region=gyeonggi,daejeon', runner)).toEqual(['경기 7km', '대전 7km']);
    expect(await titles('forMe=true&distance=lt5', runner)).toEqual(['서울 3km']);
    expect(await titles('forMe=true&pace=300-360', runner)).toEqual(['서울 7km']);
  });

  it('is ignored for a guest and for a runner without preferences', async () => {
    expect(await titles('forMe=true')).toHaveLength(6);
    expect(await titles('forMe=true', noPrefs)).toHaveLength(6);
  });

  it('combines with the crew filter', async () => {
    expect(await titles(`crewId=${crewId}`, runner)).toEqual(['크루 부산 12km']);
    expect(await titles(`forMe=true&crewId=${crewId}`, runner)).toEqual([]);
    expect(await titles(`forMe=true&region=busan&distance=10to15&crewId=${crewId}`, runner)).toEqual([
      '크루 부산 12km',
    ]);
  });
});

describe('GET /api/runs?sort=recommended (추천 그룹 러닝)', () => {
  it('puts my crews’ runs first, then preference matches, each score by start time', async () => {
    // Scores: crew +4; 서울 +2; 5–10 km +1.
    expect(await titles('sort=recommended', runner)).toEqual([
      '크루 부산 12km',
      '서울 7km',
      '서울 7km 페이스 없음',
      '서울 3km',
      '경기 7km',
      '대전 7km',
    ]);
  });

  it('ranks by closeness to near=lat,lng without cutting at the radius', async () => {
    const order = await titles(`sort=recommended&near=${DAEJEON.join(',')}`);
    expect(order[0]).toBe('대전 7km');
    expect(order).toHaveLength(6);
    // For the runner, 대전 7km (near +2, 5–10 km +1) ties the 서울 7km runs and starts first.
    expect(await titles(`sort=recommended&near=${DAEJEON.join(',')}`, runner)).toEqual([
      '크루 부산 12km',
      '대전 7km',
      '서울 7km',
      '서울 7km 페이스 없음',
      '서울 3km',
      '경기 7km',
    ]);
  });

  it('pages by cursor without repeating or skipping a run', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const next: RunPage = await page(
        `sort=recommended&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        runner,
      );
      seen.push(...next.items.map((r) => r.title));
      cursor = next.nextCursor;
    } while (cursor);
    expect(seen).toEqual(await titles('sort=recommended', runner));
  });

  it('refuses another sort’s cursor with 400', async () => {
    const first = await page('sort=soonest&limit=1');
    const response = await get(`sort=recommended&cursor=${first.nextCursor}`, runner);
    expect(response.statusCode).toBe(400);
  });

  it('is the plain soonest order for a guest without a position', async () => {
    expect(await titles('sort=recommended')).toEqual(await titles('sort=soonest'));
  });
});

describe("who's going on the cards", () => {
  it('lists the first five seated runners (host first) in the page, the rest is the count', async () => {
    const items = (await page('region=seoul')).items;
    const full = items.find((r) => r.title === '서울 7km');
    expect(full?.participantCount).toBe(7);
    expect(full?.going.map((p) => p.nickname)).toEqual([
      '호스트',
      '참가자1',
      '참가자2',
      '참가자3',
      '참가자4',
    ]);
    expect(full?.going[0]).toEqual({
      id: host.user.id,
      nickname: '호스트',
      avatar: null,
      runningLevel: null,
    });
    expect(items.find((r) => r.title === '서울 3km')?.going.map((p) => p.nickname)).toEqual(['호스트']);
  });

  it('is on a run’s page and on my runs too', async () => {
    const run = await t.app.inject({ method: 'GET', url: `/api/runs/${ids.get('서울 7km')}` });
    expect(run.json<{ going: unknown[] }>().going).toHaveLength(5);
    const mine = await t.app.inject({ method: 'GET', url: '/api/me/runs', headers: bearer(host) });
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json<RunPage>().items;
    expect(items.find((r) => r.title === '서울 7km')?.going).toHaveLength(5);
  });
});

describe('GET /api/runs?forMe=true with preferred times of day', () => {
  it('keeps the runs at the preferred times (the /runs buckets, Asia/Seoul); an explicit time of day wins', async () => {
    const earlyBird = await newUser(t.app, { nickname: '새벽러너' });
    const saved = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(earlyBird),
      payload: { preferredRegions: ['jeju'], preferredTimesOfDay: ['dawn', 'night'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ preferredTimesOfDay: string[] }>().preferredTimesOfDay).toEqual(['dawn', 'night']);
    // Seoul hours 03:00 (late_night), 06:30 (dawn), 12:00 (afternoon), 21:00 (night), two days ahead.
    const at = (seoulHour: number, minute = 0) => {
      const start = new Date(Date.now() + 2 * 86_400_000);
      start.setUTCHours(seoulHour - 9, minute, 0, 0);
      return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
    };
    const jeju = { region: 'jeju', meetingPlace: { name: '용두암', lat: 33.516, lng: 126.512 } };
    for (const [title, time] of [
      ['제주 심야', at(3)],
      ['제주 새벽', at(6, 30)],
      ['제주 낮', at(12)],
      ['제주 밤', at(21)],
    ] as const)
      await newRun(t.app, host, { title, ...jeju, route: route(6, 33.516, 126.512), ...time });

    expect((await titles('forMe=true', earlyBird)).sort()).toEqual(['제주 새벽', '제주 밤'].sort());
    expect(await titles('forMe=true&timeOfDay=afternoon', earlyBird)).toEqual(['제주 낮']);
    expect(await titles('forMe=false&region=jeju', earlyBird)).toHaveLength(4);
    // A runner who chose no time of day is not filtered by one (here: 5–10 km, the region given).
    expect(await titles('forMe=true&region=jeju', runner)).toHaveLength(4);
  });

  it('refuses an unknown or repeated time of day (400)', async () => {
    for (const preferredTimesOfDay of [['brunch'], ['dawn', 'dawn'], 'dawn']) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: bearer(noPrefs),
        payload: { preferredTimesOfDay },
      });
      expect(response.statusCode, JSON.stringify(preferredTimesOfDay)).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
  });
});
