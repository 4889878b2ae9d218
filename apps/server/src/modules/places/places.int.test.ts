import { PlaceSearchResultSchema } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeKakaoLocal, kakaoDocument } from '../../test/fake-kakao-local.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

const KEY = 'kakao-rest-key-for-tests-0123';

const fake = new FakeKakaoLocal(KEY, {
  반포: [
    kakaoDocument({
      place_name: '반포한강공원',
      address_name: '서울 서초구 반포동 115-5',
      road_address_name: '서울 서초구 신반포로11길 40',
      x: '126.99597295767953',
      y: '37.51051642645542',
    }),
    kakaoDocument({
      place_name: '반포종합운동장',
      address_name: '서울 서초구 반포동 1-1',
      x: '127.00201',
      y: '37.50112',
    }),
    // Unreadable coordinates and a point abroad are left out.
    kakaoDocument({ place_name: '좌표 없음', address_name: '서울 서초구', x: '', y: '' }),
    kakaoDocument({ place_name: 'Banpo Tokyo', address_name: '東京都', x: '139.70', y: '35.66' }),
  ],
  호수공원: [
    kakaoDocument({
      place_name: '일산호수공원',
      address_name: '경기 고양시 일산동구 장항동 906',
      road_address_name: '경기 고양시 일산동구 호수로 595',
      x: '126.76741',
      y: '37.65838',
    }),
    kakaoDocument({
      place_name: '수성못',
      address_name: '대구광역시 수성구 두산동 512',
      x: '128.6175',
      y: '35.8283',
    }),
    kakaoDocument({
      place_name: '해변 주차장',
      address_name: '부산광역시 수영구 광안동 192-20',
      x: '129.1186',
      y: '35.1532',
    }),
    kakaoDocument({
      place_name: '사라봉',
      address_name: '제주특별자치도 제주시 건입동',
      x: '126.544',
      y: '33.517',
    }),
  ],
});

let withKakao: TestApp;
let builtinOnly: TestApp;
beforeAll(async () => {
  const url = await fake.start();
  withKakao = await createTestApp({
    env: {
      KAKAO_REST_API_KEY: KEY,
      KAKAO_LOCAL_URL: url,
      KAKAO_LOCAL_TIMEOUT_MS: '300',
      // Each failure below must reach Kakao: the breaker (its own test at the end) never opens here.
      KAKAO_LOCAL_BREAKER_FAILURES: '100',
    },
  });
  builtinOnly = await createTestApp({ env: { RATE_LIMIT_PLACES_IP: '5/1m' } });
});
afterAll(async () => {
  await Promise.all([withKakao?.close(), builtinOnly?.close()]);
  await fake.stop();
});

async function search(t: TestApp, q: string, ip = '203.0.113.10') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/places?q=${encodeURIComponent(q)}`,
    remoteAddress: ip,
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}
const itemsOf = (body: unknown) => PlaceSearchResultSchema.parse(body).items;

describe('GET /api/places without a Kakao key (the built-in list)', () => {
  it('finds 반포한강공원 for 반포, and 초성 works', async () => {
    const { status, body } = await search(builtinOnly, '반포', '203.0.113.1');
    expect(status).toBe(200);
    expect(itemsOf(body)[0]).toMatchObject({ name: '반포한강공원', region: 'seoul' });
    expect(itemsOf((await search(builtinOnly, 'ㅂㅍ', '203.0.113.1')).body)[0]?.name).toBe('반포한강공원');
  });

  it('answers 400 to empty, blank or too long words', async () => {
    for (const q of ['', '   ', '가'.repeat(41)]) {
      const { status, body } = await search(builtinOnly, q, '203.0.113.2');
      expect(status, JSON.stringify(q)).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
    }
    const missing = await builtinOnly.app.inject({
      method: 'GET',
      url: '/api/places',
      remoteAddress: '203.0.113.2',
    });
    expect(missing.statusCode).toBe(400);
  });

  it('answers 200 with no items to words that match nothing', async () => {
    const { status, body } = await search(builtinOnly, '뉴욕 센트럴파크 저수지', '203.0.113.3');
    expect(status).toBe(200);
    expect(body).toEqual({ items: [] });
  });

  it('limits searches per client IP (RATE_LIMIT_PLACES_IP), then answers 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await search(builtinOnly, '서울숲', '203.0.113.4')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Another client is not affected.
    expect((await search(builtinOnly, '서울숲', '203.0.113.5')).status).toBe(200);
  });
});

describe('GET /api/places with KAKAO_REST_API_KEY (a fake Kakao Local on loopback)', () => {
  it('asks Kakao with the key in the Authorization header and maps its documents', async () => {
    fake.mode = 'ok';
    const before = fake.requests.length;
    const { status, body } = await search(withKakao, '반포');
    expect(status).toBe(200);
    expect(fake.requests.slice(before)).toEqual([
      { path: '/v2/local/search/keyword.json', query: '반포', size: '10', authorization: `KakaoAK ${KEY}` },
    ]);
    expect(itemsOf(body)).toEqual([
      {
        name: '반포한강공원',
        address: '서울 서초구 신반포로11길 40',
        lat: 37.51051642645542,
        lng: 126.99597295767953,
        region: 'seoul',
      },
      // No road address: the lot address.
      {
        name: '반포종합운동장',
        address: '서울 서초구 반포동 1-1',
        lat: 37.50112,
        lng: 127.00201,
        region: 'seoul',
      },
    ]);
  });

  it("derives the region from the address's first word, short or long (경기, 대구광역시, 제주특별자치도)", async () => {
    fake.mode = 'ok';
    const items = itemsOf((await search(withKakao, '호수공원')).body);
    expect(items.map((p) => [p.name, p.region])).toEqual([
      ['일산호수공원', 'gyeonggi'],
      ['수성못', 'daegu'],
      ['해변 주차장', 'busan'],
      ['사라봉', 'jeju'],
    ]);
  });

  it('reuses an answer for the same words (spacing aside) instead of asking again', async () => {
    fake.mode = 'ok';
    await search(withKakao, '호수공원');
    const before = fake.requests.length;
    const again = await search(withKakao, ' 호수 공원 ');
    expect(itemsOf(again.body)[0]?.name).toBe('일산호수공원');
    expect(fake.requests.length).toBe(before);
  });

  it('answers from the built-in list when Kakao finds nothing (초성 words)', async () => {
    fake.mode = 'ok';
    const before = fake.requests.length;
    const items = itemsOf((await search(withKakao, 'ㅅㅅㅁ')).body);
    expect(fake.requests.length).toBe(before + 1);
    expect(items.map((p) => p.name)).toContain('수성못');
  });

  it.each([
    ['answers 500', 'error500', '여의도'],
    ['answers something that is not JSON', 'garbage', '뚝섬'],
    ['drops the connection', 'reset', '광안리'],
  ] as const)('answers from the built-in list when Kakao %s', async (_what, mode, q) => {
    fake.mode = mode;
    const before = fake.requests.length;
    const { status, body } = await search(withKakao, q);
    expect(status).toBe(200);
    expect(fake.requests.length).toBe(before + 1);
    expect(itemsOf(body)[0]?.name).toMatch(new RegExp(q));
    expect(itemsOf(body)[0]?.address).toMatch(/^(서울|부산) /);
  });

  it('does not wait for a Kakao that never answers: the built-in list answers after the timeout', async () => {
    fake.mode = 'slow';
    const { status, body } = await search(withKakao, '석촌호수');
    expect(status).toBe(200);
    expect(itemsOf(body)[0]?.name).toBe('석촌호수');
    // It was asked (and never answered): the answer above is the built-in one, given after the timeout.
    expect(fake.requests.at(-1)?.query).toBe('석촌호수');
  });

  it('answers from the built-in list when Kakao is down (connection refused)', async () => {
    fake.mode = 'ok';
    await fake.stop();
    try {
      const { status, body } = await search(withKakao, '올림픽공원');
      expect(status).toBe(200);
      expect(itemsOf(body)[0]).toMatchObject({ name: '올림픽공원', region: 'seoul' });
    } finally {
      await fake.start();
    }
    // Back up: Kakao answers again.
    expect(itemsOf((await search(withKakao, '반포')).body)[0]?.address).toBe('서울 서초구 신반포로11길 40');
  });
});

describe('GET /api/places when Kakao keeps failing (the circuit breaker)', () => {
  it('after N failures in a row answers from the built-in list at once, then tries Kakao again after the cooldown', async () => {
    const t = await createTestApp({
      env: {
        KAKAO_REST_API_KEY: KEY,
        KAKAO_LOCAL_URL: fake.url,
        KAKAO_LOCAL_TIMEOUT_MS: '1000',
        KAKAO_LOCAL_BREAKER_FAILURES: '2',
        KAKAO_LOCAL_COOLDOWN_MS: '1500',
      },
    });
    try {
      fake.mode = 'slow';
      // Two searches wait for the timeout: Kakao hangs.
      for (const q of ['잠실', '뚝섬']) expect((await search(t, q)).status).toBe(200);
      const asked = fake.requests.length;
      const started = performance.now();
      const { status, body } = await search(t, '석촌호수');
      const waited = performance.now() - started;
      expect(status).toBe(200);
      expect(itemsOf(body)[0]?.name).toBe('석촌호수');
      // Open: Kakao was not asked, and the answer did not wait for its timeout.
      expect(fake.requests.length).toBe(asked);
      expect(waited).toBeLessThan(500);

      // Kakao is back; after the cooldown one search tries it, and it answers again.
      fake.mode = 'ok';
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      expect(itemsOf((await search(t, '반포')).body)[0]?.address).toBe('서울 서초구 신반포로11길 40');
      expect(fake.requests.length).toBe(asked + 1);
      await search(t, '호수공원');
      expect(fake.requests.length).toBe(asked + 2);
    } finally {
      fake.mode = 'ok';
      await t.close();
    }
  });
});
