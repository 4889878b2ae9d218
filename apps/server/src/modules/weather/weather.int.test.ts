import { type RunPage, RunWeatherSchema, type Weather } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, crewRows, makeCrewRun } from '../../test/crew-fixtures.ts';
import { FakeDataGoKr } from '../../test/fake-data-go-kr.ts';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const KEY = 'kma+test/key==0123456789';
const HOUR = 3_600_000;
const fake = new FakeDataGoKr(KEY);

/** A run starting `hours` from now (on the hour, so the forecast hour is the start) at a place. */
function at(hours: number, lat: number, lng: number, region = 'seoul') {
  const start = new Date(Math.ceil(Date.now() / HOUR) * HOUR + hours * HOUR);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
    meetingPlace: { name: '만나는 곳', lat, lng },
    region,
  };
}

async function weatherOf(t: TestApp, runId: string, who?: { accessToken: string }) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/runs/${runId}/weather`,
    headers: who ? bearer(who) : {},
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}
const weatherIn = (body: unknown): Weather | null => RunWeatherSchema.parse(body).weather;

const withKeys = (url: string, extra: Record<string, string> = {}) => ({
  KMA_SERVICE_KEY: KEY,
  AIRKOREA_SERVICE_KEY: KEY,
  KMA_API_URL: url,
  AIRKOREA_API_URL: url,
  KMA_TIMEOUT_MS: '300',
  AIRKOREA_TIMEOUT_MS: '300',
  ...extra,
});

let t: TestApp;
let noKeys: TestApp;
let host: TestUser;
beforeAll(async () => {
  const url = await fake.start();
  // A generous timeout here: 50 page views at once keep the event loop busy (the slow case has its own app).
  t = await createTestApp({ env: withKeys(url, { KMA_TIMEOUT_MS: '5000', AIRKOREA_TIMEOUT_MS: '5000' }) });
  // The fake's address is configured: only the missing key keeps the app from calling it.
  noKeys = await createTestApp({ env: { KMA_API_URL: url, AIRKOREA_API_URL: url } });
  host = await newUser(t.app);
});
afterAll(async () => {
  await Promise.all([t?.close(), noKeys?.close()]);
  await fake.stop();
});

describe('GET /api/runs/:runId/weather without KMA_SERVICE_KEY', () => {
  it('answers { weather: null } and never calls out', async () => {
    const before = fake.requests.length;
    const h = await newUser(noKeys.app);
    const run = await newRun(noKeys.app, h, at(5, 37.5271, 126.9326));
    const { status, body } = await weatherOf(noKeys, run.id);
    expect(status).toBe(200);
    expect(body).toEqual({ weather: null });
    expect(noKeys.services.weather.alertsFromCache([]).size).toBe(0);
    expect(fake.requests.length).toBe(before);
  });
});

describe('GET /api/runs/:runId/weather with the keys (fake 기상청 and 에어코리아 on loopback)', () => {
  it("gives the start hour's forecast and the area's dust grades, asking KMA for the run's grid cell", async () => {
    fake.kmaMode = 'ok';
    fake.airMode = 'ok';
    const before = fake.requests.length;
    // 서울 시청: grid 60,127.
    const run = await newRun(t.app, host, at(6, 37.5665, 126.978));
    const { status, body } = await weatherOf(t, run.id);
    expect(status).toBe(200);
    expect(weatherIn(body)).toEqual({
      at: new Date(run.startsAt).toISOString(),
      temperatureC: 18,
      rainChancePct: 20,
      precipitation: 'none',
      sky: 'clear',
      windMs: 2.1,
      // The 11시 issue (보통) replaces the 05시 one (좋음).
      pm10Grade: 'moderate',
      pm25Grade: 'moderate',
      alerts: [],
      source: 'kma',
    });
    const kma = fake.requests.slice(before).find((r) => r.path.includes('getVilageFcst'));
    expect(kma?.params).toMatchObject({ serviceKey: KEY, dataType: 'JSON', nx: '60', ny: '127' });
    expect(['0200', '0500', '0800', '1100', '1400', '1700', '2000', '2300']).toContain(kma?.params.base_time);
    const air = fake.requests.slice(before).find((r) => r.path.includes('getMinuDustFrcstDspth'));
    expect(air?.params).toMatchObject({ serviceKey: KEY, returnType: 'json' });
  });

  it('warns of heat, rain and wind by the shared thresholds', async () => {
    fake.weatherAt = (nx) =>
      nx === 98
        ? { TMP: '33', POP: '70', PTY: '4', SKY: '4', WSD: '9.5' }
        : { TMP: '18', POP: '20', PTY: '0', SKY: '1', WSD: '2.1' };
    // 부산 시청: grid 98,76.
    const run = await newRun(t.app, host, at(7, 35.1798, 129.075, 'busan'));
    const weather = weatherIn((await weatherOf(t, run.id)).body);
    expect(weather).toMatchObject({ temperatureC: 33, precipitation: 'shower', sky: 'cloudy', windMs: 9.5 });
    expect(weather?.alerts).toEqual(['heat', 'rain', 'wind']);
  });

  it('asks once for 50 simultaneous page views of runs in one grid cell, and answers later views from the cache', async () => {
    const run = await newRun(t.app, host, at(8, 36.3504, 127.3845, 'daejeon'));
    const before = fake.count('kma');
    const answers = await Promise.all(Array.from({ length: 50 }, () => weatherOf(t, run.id)));
    expect(answers.filter((a) => a.status !== 200 || weatherIn(a.body) === null)).toEqual([]);
    expect(fake.count('kma')).toBe(before + 1);
    await weatherOf(t, run.id);
    expect(fake.count('kma')).toBe(before + 1);
  });

  it('answers null without calling for a run beyond three days and a cancelled run', async () => {
    const far = await newRun(t.app, host, at(24 * 5, 35.1595, 126.8526, 'gwangju'));
    const cancelled = await newRun(t.app, host, at(9, 35.1595, 126.8526, 'gwangju'));
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${cancelled.id}`, headers: bearer(host) });
    const before = fake.requests.length;
    for (const id of [far.id, cancelled.id]) expect((await weatherOf(t, id)).body).toEqual({ weather: null });
    expect(fake.requests.length).toBe(before);
  });

  it('follows the run page: 404 for a members-only run to outsiders, 400 for a bad id, 404 for none', async () => {
    const owner = await newUser(t.app);
    const member = await newUser(t.app);
    const outsider = await newUser(t.app);
    const crewId = (await crewRows(t, owner, { members: [member] })).id;
    const run = await newRun(t.app, owner, at(10, 37.5665, 126.978));
    await makeCrewRun(t, run.id, crewId, 'crew');
    await addMember(t, crewId, member);
    expect((await weatherOf(t, run.id)).status).toBe(404);
    expect((await weatherOf(t, run.id, outsider)).body).toMatchObject({ code: 'RUN_NOT_FOUND' });
    expect((await weatherOf(t, run.id, member)).status).toBe(200);
    expect((await weatherOf(t, run.id, owner)).status).toBe(200);
    expect((await weatherOf(t, 'not-a-uuid')).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await weatherOf(t, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('weather warnings on run cards (GET /api/runs)', () => {
  // Each read its own URL: a guest's page is cached for a moment (ADR 006), warnings and all.
  const jejuCards = async (limit: number) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/runs?region=jeju&limit=${limit}` });
    expect(response.statusCode).toBe(200);
    return new Map(response.json<RunPage>().items.map((run) => [run.id, run.weatherAlerts]));
  };

  it('a card carries the warnings of a forecast already known; reading a list never calls 기상청', async () => {
    fake.kmaMode = 'ok';
    // 제주시 (grid 53,38) hot and windy at the start; 서귀포 (53,33) mild.
    fake.weatherAt = (nx, ny) =>
      nx === 53 && ny === 38
        ? { TMP: '34', POP: '10', PTY: '0', SKY: '1', WSD: '10.2' }
        : { TMP: '18', POP: '20', PTY: '0', SKY: '1', WSD: '2.1' };
    const hot = await newRun(t.app, host, at(11, 33.4996, 126.5312, 'jeju'));
    const mild = await newRun(t.app, host, at(11, 33.2541, 126.5601, 'jeju'));
    const far = await newRun(t.app, host, at(24 * 5, 33.4996, 126.5312, 'jeju'));

    const before = fake.count('kma');
    // Nothing asked yet: no warnings (and the field is left out, not empty).
    const cold = await jejuCards(50);
    expect([cold.get(hot.id), cold.get(mild.id), cold.get(far.id)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(fake.count('kma')).toBe(before);

    // What each API process does every WEATHER_WARM_MINUTES (main.ts): the cells of the next 48 h's runs.
    const upcoming = await t.services.runs.upcomingPlaceTimes(48, 1000);
    expect(upcoming.map((r) => r.id)).toEqual(expect.arrayContaining([hot.id, mild.id]));
    expect(upcoming.map((r) => r.id)).not.toContain(far.id);
    await t.services.weather.warm(upcoming, 60);
    expect(fake.count('kma')).toBeGreaterThan(before);

    const asked = fake.count('kma');
    const warm = await jejuCards(49);
    expect(warm.get(hot.id)).toEqual(['heat', 'wind']);
    expect(warm.get(mild.id)).toBeUndefined();
    // Beyond the three days of the short-term forecast: never warned about.
    expect(warm.get(far.id)).toBeUndefined();
    expect(fake.count('kma')).toBe(asked);

    // Signed in, the same cards (the caller's page is built over the guest's).
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/runs?region=jeju&limit=48',
      headers: bearer(host),
    });
    const hotCard = mine.json<RunPage>().items.find((run) => run.id === hot.id);
    expect(hotCard?.weatherAlerts).toEqual(['heat', 'wind']);
  });

  it('without KMA_SERVICE_KEY no card carries warnings and nothing is warmed', async () => {
    const h = await newUser(noKeys.app);
    await newRun(noKeys.app, h, at(3, 33.4996, 126.5312, 'jeju'));
    const before = fake.requests.length;
    expect(
      await noKeys.services.weather.warm(await noKeys.services.runs.upcomingPlaceTimes(48, 1000), 60),
    ).toBe(0);
    const page = (await noKeys.app.inject({ method: 'GET', url: '/api/runs?region=jeju' })).json<RunPage>();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.filter((run) => run.weatherAlerts !== undefined)).toEqual([]);
    expect(fake.requests.length).toBe(before);
  });
});

describe('GET /api/runs/:runId/weather when the providers misbehave (never a 500)', () => {
  let f: TestApp;
  let h: TestUser;
  const fresh = new FakeDataGoKr(KEY);
  beforeAll(async () => {
    // 에어코리아 refuses from the start (nothing cached), for the case of a forecast without grades.
    fresh.airMode = 'key_error';
    f = await createTestApp({ env: withKeys(await fresh.start()) });
    h = await newUser(f.app);
  });
  afterAll(async () => {
    await f?.close();
    await fresh.stop();
  });
  // Each case in a cell of its own (nothing cached): 제주, 인천, 울릉도, 대구…
  const places: [number, number, string][] = [
    [33.4996, 126.5312, 'jeju'],
    [37.4563, 126.7052, 'incheon'],
    [37.4845, 130.9057, 'gyeongbuk'],
    [35.8666, 128.6061, 'daegu'],
    [35.5384, 129.3114, 'ulsan'],
    [36.48, 127.289, 'sejong'],
    [36.6424, 127.489, 'chungbuk'],
    [36.8151, 127.1139, 'chungnam'],
    [35.8242, 127.148, 'jeonbuk'],
    [34.8118, 126.3922, 'jeonnam'],
    [35.2278, 128.6817, 'gyeongnam'],
    [37.8813, 127.7298, 'gangwon'],
  ];
  let next = 0;
  const runSomewhere = () => {
    const [lat, lng, region] = places[next++ % places.length] ?? [33.4996, 126.5312, 'jeju'];
    return newRun(f.app, h, at(6, lat, lng, region));
  };

  it.each([
    ['key_error', 'the portal refuses the key with an XML body'],
    ['no_data', 'KMA answers resultCode 03 NO_DATA'],
    ['error500', 'KMA answers 500'],
  ] as const)('%s: { weather: null } (%s)', async (mode, _why) => {
    fresh.kmaMode = mode;
    const run = await runSomewhere();
    const { status, body } = await weatherOf(f, run.id);
    expect(status).toBe(200);
    expect(body).toEqual({ weather: null });
  });

  it('a KMA that does not answer: null within the timeout', async () => {
    fresh.kmaMode = 'slow';
    const run = await runSomewhere();
    const started = Date.now();
    expect((await weatherOf(f, run.id)).body).toEqual({ weather: null });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('AirKorea down: the forecast without dust grades', async () => {
    fresh.kmaMode = 'ok';
    const run = await runSomewhere();
    const weather = weatherIn((await weatherOf(f, run.id)).body);
    expect(weather).toMatchObject({ temperatureC: 18 });
    expect(weather).not.toHaveProperty('pm10Grade');
  });

  it('after five failures in a row KMA is not called for a minute: a down provider costs nothing', async () => {
    fresh.kmaMode = 'error500';
    const before = fresh.count('kma');
    for (let i = 0; i < 7; i++) {
      const run = await runSomewhere();
      expect((await weatherOf(f, run.id)).body).toEqual({ weather: null });
    }
    expect(fresh.count('kma')).toBe(before + 5);
  });
});
