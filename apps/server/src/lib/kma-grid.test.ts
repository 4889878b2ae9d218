import { describe, expect, it } from 'vitest';
import { kmaGridOf } from './kma-grid.ts';

describe('kmaGridOf (기상청 격자, Lambert conformal conic)', () => {
  it.each([
    // Points of KMA's own grid table (동네예보 조회서비스 위치정보): 시청 and 구청 addresses.
    ['서울 시청', 37.5665, 126.978, 60, 127],
    ['서울 종로구', 37.5735, 126.979, 60, 127],
    ['부산 시청', 35.1798, 129.075, 98, 76],
    ['대전 시청', 36.3504, 127.3845, 67, 100],
    ['광주 시청', 35.1595, 126.8526, 58, 74],
    ['제주 시청', 33.4996, 126.5312, 53, 38],
    ['인천 시청', 37.4563, 126.7052, 55, 124],
    ['대구 중구', 35.8666, 128.6061, 89, 90],
    ['울릉도', 37.4845, 130.9057, 127, 127],
  ])('%s → (%i, %i)', (_name, lat, lng, nx, ny) => {
    expect(kmaGridOf(lat, lng)).toEqual({ nx, ny });
  });

  it('puts the projection origin (38° N, 126° E) on cell 43,136', () => {
    expect(kmaGridOf(38, 126)).toEqual({ nx: 43, ny: 136 });
  });
});
