import { describe, expect, it } from 'vitest';
import { forecastLine, notificationText, seoulTime, smsText } from './delivery-texts.ts';

const RUN = '/runs/0b7c5a0e-8a4f-4c3e-9d7a-2f1e5b6c7d8e';

describe('text messages', () => {
  it('give the start time in Asia/Seoul', () => {
    expect(seoulTime('2026-12-06T21:40:00.000Z')).toBe('12월 7일 06:40');
    expect(seoulTime('2026-03-01T09:05:00+00:00')).toBe('3월 1일 18:05');
    expect(seoulTime('not a time')).toBeNull();
    expect(seoulTime(null)).toBeNull();
  });

  it('say a fixed sentence and link to the run on our origin, never the title or a foreign link', () => {
    const data = { title: '계정정지예정 http://evil.example/k 본인확인', startsAt: '2026-12-06T21:40:00Z' };
    expect(smsText('reminder_soon', data, 'https://erun.example/', RUN)).toBe(
      `[이RUN 저RUN] 참여하신 그룹 러닝이 30분 뒤(12월 7일 06:40) 시작해요.\nhttps://erun.example${RUN}`,
    );
    expect(smsText('reminder_attendance', data, 'https://erun.example', `${RUN}/attendance`)).toContain(
      `출석체크를 해 주세요.\nhttps://erun.example${RUN}/attendance`,
    );
    expect(smsText('reminder_dday', {}, 'https://erun.example', 'https://evil.example/k')).toBe(
      '[이RUN 저RUN] 오늘 참여하신 그룹 러닝이 있어요.\nhttps://erun.example/',
    );
  });
});

describe('the D-day reminder with a forecast (ADR 021)', () => {
  const data = {
    title: '반포 새벽런',
    startsAt: '2026-12-07T21:00:00Z',
    wxAt: '2026-12-07T21:00:00.000Z',
    wxTemp: 18,
    wxRain: 20,
    wxWind: 2.1,
    wxDust: 'moderate',
  };

  it('adds the forecast line to the push, in the device language', () => {
    expect(notificationText('reminder_dday', data, 'ko')).toBe(
      '오늘은 ‘반포 새벽런’ 그룹 러닝이 있는 날이에요. 06:00 18°C · 강수 20% · 바람 2.1m/s · 미세먼지 보통',
    );
    expect(notificationText('reminder_dday', data, 'en')).toBe(
      '“반포 새벽런” is today. 06:00 18°C · rain 20% · wind 2.1 m/s · air moderate',
    );
  });

  it('says nothing of the weather without one, or without dust grades', () => {
    expect(notificationText('reminder_dday', { title: '반포 새벽런' }, 'ko')).toBe(
      '오늘은 ‘반포 새벽런’ 그룹 러닝이 있는 날이에요.',
    );
    const { wxDust: _dust, ...noDust } = data;
    expect(forecastLine(noDust, 'ko')).toBe(' 06:00 18°C · 강수 20% · 바람 2.1m/s');
  });
});
