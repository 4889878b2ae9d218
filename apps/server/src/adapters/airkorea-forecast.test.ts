import { describe, expect, it } from 'vitest';
import { dustDaysOf, gradesOf } from './airkorea-forecast.ts';

describe('gradesOf (informGrade)', () => {
  it('reads "area : grade" pairs, spaces or not, and drops grades it does not know', () => {
    const grades = gradesOf('서울 : 보통,제주 : 좋음,경기북부 : 나쁨,영동:매우나쁨,인천 : 예보없음');
    expect(Object.fromEntries(grades)).toEqual({
      서울: 'moderate',
      제주: 'good',
      경기북부: 'bad',
      영동: 'very_bad',
    });
  });
});

describe('dustDaysOf', () => {
  it('keeps the latest issue per day and code, PM10 and PM2.5 apart, ignoring O3', () => {
    const days = dustDaysOf([
      {
        informCode: 'PM10',
        informData: '2026-12-08',
        informGrade: '서울 : 나쁨',
        dataTime: '2026-12-07 17시 발표',
      },
      {
        informCode: 'PM10',
        informData: '2026-12-08',
        informGrade: '서울 : 좋음',
        dataTime: '2026-12-07 05시 발표',
      },
      {
        informCode: 'PM25',
        informData: '2026-12-08',
        informGrade: '서울 : 보통',
        dataTime: '2026-12-07 11시 발표',
      },
      {
        informCode: 'O3',
        informData: '2026-12-08',
        informGrade: '서울 : 매우나쁨',
        dataTime: '2026-12-07 17시 발표',
      },
      {
        informCode: 'PM10',
        informData: '2026-12-07',
        informGrade: '서울 : 좋음',
        dataTime: '2026-12-07 05시 발표',
      },
    ]);
    expect(days.get('2026-12-08')?.pm10.get('서울')).toBe('bad');
    expect(days.get('2026-12-08')?.pm25.get('서울')).toBe('moderate');
    expect(days.get('2026-12-07')?.pm10.get('서울')).toBe('good');
  });
});
