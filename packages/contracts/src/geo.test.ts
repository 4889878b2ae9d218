import { describe, expect, it } from 'vitest';
import { haversineKm, routeDistanceKm, suggestRegion } from './geo.ts';

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
});
