import { describe, expect, it } from 'vitest';
import { dustAreaOf } from './dust-areas.ts';

describe('dustAreaOf (에어코리아 예보권역)', () => {
  it.each([
    ['seoul', 37.5665, 126.978, '서울'],
    ['busan', 35.1798, 129.075, '부산'],
    ['jeju', 33.4996, 126.5312, '제주'],
    ['sejong', 36.48, 127.289, '세종'],
    // 경기: 고양, 의정부, 파주, 남양주 north; 수원, 성남, 부천, 김포 south.
    ['gyeonggi', 37.6584, 126.832, '경기북부'],
    ['gyeonggi', 37.738, 127.0337, '경기북부'],
    ['gyeonggi', 37.76, 126.78, '경기북부'],
    ['gyeonggi', 37.636, 127.2165, '경기북부'],
    ['gyeonggi', 37.2636, 127.0286, '경기남부'],
    ['gyeonggi', 37.42, 127.1265, '경기남부'],
    ['gyeonggi', 37.5035, 126.766, '경기남부'],
    ['gyeonggi', 37.6153, 126.7156, '경기남부'],
    // 강원: 강릉, 속초, 동해, 삼척 영동; 춘천, 원주, 평창(대관령), 정선 영서.
    ['gangwon', 37.7519, 128.8761, '영동'],
    ['gangwon', 38.207, 128.5918, '영동'],
    ['gangwon', 37.5247, 129.1143, '영동'],
    ['gangwon', 37.4499, 129.1652, '영동'],
    ['gangwon', 37.8813, 127.7298, '영서'],
    ['gangwon', 37.3422, 127.9202, '영서'],
    ['gangwon', 37.687, 128.72, '영서'],
    ['gangwon', 37.3806, 128.6609, '영서'],
  ] as const)('%s at %f,%f → %s', (region, lat, lng, area) => {
    expect(dustAreaOf(region, lat, lng)).toBe(area);
  });
});
