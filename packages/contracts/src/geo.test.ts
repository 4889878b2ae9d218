import { describe, expect, it } from 'vitest';
import { haversineKm, inKorea, routeDistanceKm, routeIssues, routePieces, suggestRegion } from './geo.ts';

describe('geo', () => {
  it('measures Seoul City Hall to Busan City Hall at about 325 km', () => {
    expect(haversineKm([37.5665, 126.978], [35.1796, 129.0756])).toBeCloseTo(325, -1);
  });

  it('sums a route and rounds to 10 m', () => {
    const route: [number, number][] = [
      [37.5, 127.0],
      [37.51, 127.0],
      [37.51, 127.01],
    ];
    expect(routeDistanceKm(route)).toBeCloseTo(1.112 + 0.883, 1);
    expect(routeDistanceKm([[37.5, 127.0]])).toBe(0);
  });

  it.each([
    [37.5283, 126.9326, 'seoul'], // 여의도 한강공원
    [35.1532, 129.1186, 'busan'], // 광안리
    [35.8306, 128.6126, 'daegu'], // 수성못
    [37.3925, 126.6398, 'incheon'], // 송도 센트럴파크
    [36.504, 127.259, 'sejong'], // 세종 호수공원
    [36.366, 127.388, 'daejeon'], // 갑천
    [35.549, 129.297, 'ulsan'], // 태화강
    [37.282, 127.065, 'gyeonggi'], // 광교호수공원
    [37.869, 127.717, 'gangwon'], // 의암호
    [33.516, 126.512, 'jeju'], // 용두암
    [34.883, 127.51, 'jeonnam'], // 순천만
    [35.227, 128.681, 'gyeongnam'], // 창원 용지호수
    [36.056, 129.378, 'gyeongbuk'], // 영일대
  ])('suggests the region of %f,%f as %s', (lat, lng, region) =>
    expect(suggestRegion(lat, lng)).toBe(region),
  );

  it('measures a route in pieces piece by piece, never the jump between them', () => {
    const route: [number, number][] = [
      [37.5, 127.0],
      [37.51, 127.0],
      [36.0, 128.0],
      [36.01, 128.0],
    ];
    expect(routeDistanceKm(route, [2])).toBe(
      Math.round(2 * haversineKm([37.5, 127], [37.51, 127]) * 100) / 100,
    );
    expect(routeDistanceKm(route)).toBeGreaterThan(150);
    expect(routePieces(route, [2])).toEqual([route.slice(0, 2), route.slice(2)]);
    expect(routePieces(route)).toEqual([route]);
  });

  it.each([
    ['여의도', 37.5283, 126.9326],
    ['마라도', 33.1167, 126.267],
    ['울릉도', 37.4845, 130.9057],
    ['독도', 37.2411, 131.8648],
    ['백령도', 37.9666, 124.6647],
    ['거제도 남단', 34.7267, 128.6258],
    ['고성 통일전망대', 38.5866, 128.3735],
  ])('places %s in Korea', (_name, lat, lng) => expect(inKorea([lat, lng])).toBe(true));

  it.each([
    ['0°,0°', 0, 0],
    ['평양', 39.0194, 125.7381],
    ['개성', 37.9705, 126.5545],
    ['쓰시마', 34.4, 129.3],
    ['도쿄', 35.6812, 139.7671],
    ['후쿠오카', 33.5902, 130.4017],
    ['상하이', 31.2304, 121.4737],
  ])('places %s outside Korea', (_name, lat, lng) => expect(inKorea([lat, lng])).toBe(false));

  it('says why a route cannot be a group run', () => {
    expect(routeIssues(Array.from({ length: 15 }, () => [37.5283, 126.9326]))).toEqual([
      { path: 'route', message: 'route.tooShortKm' },
    ]);
    expect(
      routeIssues([
        [37.5665, 126.978],
        [35.1796, 129.0756],
        [37.5665, 126.978],
      ])[0]?.message,
    ).toBe('route.tooLongKm');
    expect(
      routeIssues([
        [0, 0],
        [0.1, 0],
      ])[0]?.message,
    ).toBe('route.outsideKorea');
    expect(
      routeIssues(
        [
          [37.5, 127],
          [37.51, 127],
          [37.52, 127],
        ],
        [1],
      )[0]?.message,
    ).toBe('segmentStarts.invalid');
    expect(
      routeIssues([
        [37.5, 127],
        [37.51, 127],
      ]),
    ).toEqual([]);
  });
});
