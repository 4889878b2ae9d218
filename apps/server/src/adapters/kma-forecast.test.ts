import { describe, expect, it } from 'vitest';
import { hoursOf, latestIssue, reasonOf } from './kma-forecast.ts';

const item = (category: string, fcstValue: string, fcstTime = '0600', fcstDate = '20261208') => ({
  category,
  fcstDate,
  fcstTime,
  fcstValue,
});

describe('latestIssue (발표시각 02, 05, … 23 KST, served ten minutes later)', () => {
  it.each([
    ['2026-12-07T20:15:00Z', '20261208', '0500'], // 05:15 KST
    ['2026-12-07T20:05:00Z', '20261208', '0200'], // 05:05 KST: the 05 issue is not out yet
    ['2026-12-07T17:09:00Z', '20261207', '2300'], // 02:09 KST: yesterday's 23 issue
    ['2026-12-07T17:10:00Z', '20261208', '0200'], // 02:10 KST
    ['2026-12-07T14:30:00Z', '20261207', '2300'], // 23:30 KST
    ['2026-12-07T03:00:00Z', '20261207', '1100'], // 12:00 KST
  ])('at %s → %s %s', (now, baseDate, baseTime) => {
    expect(latestIssue(new Date(now))).toEqual({ baseDate, baseTime });
  });
});

describe('hoursOf (getVilageFcst items → hours)', () => {
  it('reads TMP, POP, PTY, SKY and WSD of each hour, in time order, ignoring the other categories', () => {
    const hours = hoursOf([
      item('TMP', '-3', '0700'),
      item('POP', '60', '0700'),
      item('PTY', '3', '0700'),
      item('SKY', '4', '0700'),
      item('WSD', '4.2', '0700'),
      item('PCP', '1mm 미만', '0700'),
      item('TMP', '18'),
      item('POP', '20'),
      item('PTY', '0'),
      item('SKY', '3'),
      item('WSD', '1.5'),
      item('TMN', '-5'),
      item('SNO', '적설없음'),
    ]);
    expect(hours).toEqual([
      {
        at: new Date('2026-12-08T06:00:00+09:00'),
        temperatureC: 18,
        rainChancePct: 20,
        precipitation: 'none',
        sky: 'partly_cloudy',
        windMs: 1.5,
      },
      {
        at: new Date('2026-12-08T07:00:00+09:00'),
        temperatureC: -3,
        rainChancePct: 60,
        precipitation: 'snow',
        sky: 'cloudy',
        windMs: 4.2,
      },
    ]);
  });

  it('leaves out an hour missing a category or carrying an unknown code or a missing value (-999)', () => {
    const base = [item('TMP', '18'), item('POP', '20'), item('PTY', '0'), item('SKY', '1')];
    expect(hoursOf(base)).toEqual([]);
    expect(hoursOf([...base, item('WSD', 'x')])).toEqual([]);
    expect(hoursOf([...base.slice(0, 3), item('SKY', '2'), item('WSD', '1')])).toEqual([]);
    expect(hoursOf([...base.slice(0, 2), item('PTY', '7'), item('SKY', '1'), item('WSD', '1')])).toEqual([]);
  });
});

describe('reasonOf (the portal XML error)', () => {
  it('names the reason and its code, never echoing anything else', () => {
    const xml =
      '<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg><returnAuthMsg>LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR</returnAuthMsg><returnReasonCode>22</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>';
    expect(reasonOf(xml)).toBe('LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR (22)');
    expect(reasonOf('<html/>')).toBe('unknown error');
  });
});
