import type { ErrorBody, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRun, newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Issue 18, "a map of runs": `GET /api/runs?bbox=south,west,north,east` answers the runs whose meeting
// place is in the map's visible box.
let t: TestApp;

const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/runs?${query}` });
const titles = async (query: string) => {
  const response = await get(query);
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<RunPage>()
    .items.map((r) => r.title)
    .sort();
};

// Meeting places: two in Seoul, two in Busan, one in Jeju, and one exactly on the Busan box's north-east corner.
const PLACES: [string, string, number, number][] = [
  ['서울 여의도', 'seoul', 37.5271, 126.9326],
  ['서울 반포', 'seoul', 37.5113, 126.9962],
  ['부산 광안리', 'busan', 35.1532, 129.1187],
  ['부산 해운대', 'busan', 35.1587, 129.1604],
  ['제주 용두암', 'jeju', 33.516, 126.512],
  ['경남 모서리', 'gyeongnam', 35.3, 129.3],
];
const BUSAN = '35.0,128.8,35.3,129.3';
const SEOUL = '37.4,126.8,37.7,127.2';

beforeAll(async () => {
  t = await createTestApp();
  const host = await newUser(t.app);
  for (const [title, region, lat, lng] of PLACES) {
    await newRun(t.app, host, { title, region, meetingPlace: { name: title, lat, lng } });
  }
});
afterAll(() => t.close());

describe('GET /api/runs?bbox=', () => {
  it('answers only the runs whose meeting place is inside the box, its edges included', async () => {
    expect(await titles(`bbox=${SEOUL}`)).toEqual(['서울 반포', '서울 여의도']);
    expect(await titles(`bbox=${BUSAN}`)).toEqual(['경남 모서리', '부산 광안리', '부산 해운대']);
    // The corner run is on the north and east edges; a box a hair smaller leaves it out.
    expect(await titles('bbox=35.0,128.8,35.2999,129.3')).toEqual(['부산 광안리', '부산 해운대']);
    expect(await titles('bbox=35.0,128.8,35.3,129.2999')).toEqual(['부산 광안리', '부산 해운대']);
    // A box of the sea between them holds nothing; a point-sized box holds what is on the point.
    expect(await titles('bbox=36.0,130.0,36.5,130.5')).toEqual([]);
    expect(await titles('bbox=33.516,126.512,33.516,126.512')).toEqual(['제주 용두암']);
    // The whole of Korea holds them all.
    expect(await titles('bbox=33,124.5,38.7,131')).toHaveLength(PLACES.length);
  });

  it('combines with the other filters (region, keyword, near)', async () => {
    expect(await titles(`bbox=${BUSAN}&region=busan`)).toEqual(['부산 광안리', '부산 해운대']);
    expect(await titles(`bbox=${BUSAN}&region=gyeongnam`)).toEqual(['경남 모서리']);
    expect(await titles(`bbox=${BUSAN}&region=seoul`)).toEqual([]);
    expect(await titles(`bbox=${BUSAN}&q=해운대`)).toEqual(['부산 해운대']);
    expect(await titles(`bbox=${SEOUL}&q=해운대`)).toEqual([]);
    expect(await titles(`bbox=${BUSAN}&near=35.155,129.12&radiusKm=1`)).toEqual(['부산 광안리']);
  });

  it('a map may ask for up to 200 pins; a list without a box still stops at 50', async () => {
    const many = await get(`bbox=${BUSAN}&limit=200`);
    expect(many.statusCode, many.body).toBe(200);
    const paged = await get(`bbox=${BUSAN}&limit=2`);
    expect(paged.json<RunPage>().items).toHaveLength(2);
    expect(paged.json<RunPage>().nextCursor).not.toBeNull();
    const next = await get(`bbox=${BUSAN}&limit=2&cursor=${paged.json<RunPage>().nextCursor ?? ''}`);
    expect(next.json<RunPage>().items).toHaveLength(1);
    for (const query of ['limit=51', 'limit=200', `bbox=${BUSAN}&limit=201`]) {
      const response = await get(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 400 VALIDATION_FAILED for a malformed box, never a 500', async () => {
    const malformed = [
      'bbox=',
      'bbox=35,129,36',
      'bbox=35,129,36,130,1',
      'bbox=a,b,c,d',
      'bbox=35,129,,130',
      'bbox=35;129;36;130',
      'bbox=NaN,129,36,130',
      'bbox=Infinity,129,36,130',
      'bbox=1e1,129,36,130',
      'bbox=-91,129,36,130',
      'bbox=35,129,90.5,130',
      'bbox=35,-181,36,130',
      'bbox=35,129,36,180.01',
      // South above north.
      'bbox=36,129,35,130',
      // Across the antimeridian (west > east): refused, Korea never needs it.
      'bbox=35,170,36,-170',
      `bbox=${'1'.repeat(120)}`,
      'bbox=35,129,36,130&bbox=35,129,36,130',
    ];
    for (const query of malformed) {
      const response = await get(query);
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
    const antimeridian = await get('bbox=35,170,36,-170');
    expect(JSON.stringify(antimeridian.json<ErrorBody>().issues)).toContain('bbox.antimeridian');
  });
});
