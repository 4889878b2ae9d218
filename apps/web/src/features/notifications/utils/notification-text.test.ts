import { NOTIFICATION_CATEGORIES, type Notification } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { notificationAction, notificationText } from './notification-text.ts';

function make(category: Notification['category'], data: Notification['data'] = {}): Notification {
  return {
    id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    category,
    actor: { id: '4b5c6d7e-8f9a-4b0c-8d1e-2f3a4b5c6d7e', nickname: '빠른토끼', avatar: null },
    data: { title: '한강 10K', ...data },
    link: '/runs/x',
    read: false,
    createdAt: '2026-11-25T09:00:00+09:00',
  };
}

describe('notificationText', () => {
  it('has a text naming the run for every category, in Korean and English', async () => {
    for (const language of ['ko', 'en']) {
      await i18n.changeLanguage(language);
      for (const category of NOTIFICATION_CATEGORIES) {
        const text = notificationText(make(category, { badge: 'first_run', reason: '연락 두절' }), i18n.t);
        expect(text, `${language} ${category}`).not.toContain('notificationCenter');
        // An account's own notices (a badge, a sign-in, a moderator's action) name no run.
        if (!['badge_earned', 'new_sign_in', 'moderation_notice'].includes(category))
          expect(text, `${language} ${category}`).toContain('한강 10K');
      }
    }
  });

  it('adds the forecast at the start to a D-day reminder that carries one (ADR 021), and nothing otherwise', async () => {
    await i18n.changeLanguage('ko');
    const wx = { wxAt: '2026-11-26T21:00:00Z', wxTemp: 18, wxRain: 20, wxWind: 2.1, wxDust: 'bad' };
    expect(notificationText(make('reminder_dday', wx), i18n.t)).toBe(
      '오늘은 ‘한강 10K’ 러닝이 있는 날이에요. 늦지 않게 만나요! 06:00 18°C · 강수 20% · 바람 2.1m/s · 미세먼지 나쁨',
    );
    expect(notificationText(make('reminder_dday'), i18n.t)).toBe(
      '오늘은 ‘한강 10K’ 러닝이 있는 날이에요. 늦지 않게 만나요!',
    );
    await i18n.changeLanguage('en');
    expect(notificationText(make('reminder_dday', { ...wx, wxDust: 'nonsense' }), i18n.t)).toBe(
      '“한강 10K” is today. See you there! 06:00 18°C · rain 20% · wind 2.1 m/s',
    );
    await i18n.changeLanguage('ko');
  });

  it('names the announcement of a crew_announcement (data.subject), with no placeholder left', () => {
    const text = notificationText(
      make('crew_announcement', { title: '반포 달빛러너스', subject: '이번 주 목요일 장소 변경' }),
      i18n.t,
    );
    expect(text).toBe('‘반포 달빛러너스’ 크루 새 공지: 이번 주 목요일 장소 변경');
  });

  it('reads by category and data: who joined or waits, why someone was removed', () => {
    const t = i18n.t;
    expect(notificationText(make('run_joined', { status: 'joined' }), t)).toBe(
      '빠른토끼님이 ‘한강 10K’ 러닝에 참여했어요.',
    );
    expect(notificationText(make('run_joined', { status: 'waitlisted' }), t)).toBe(
      '빠른토끼님이 ‘한강 10K’ 러닝 대기 명단에 올랐어요.',
    );
    expect(notificationText(make('run_removed', { reason: '연락 두절' }), t)).toBe(
      '크루장이 ‘한강 10K’ 러닝에서 내 참여를 취소했어요. 사유: 연락 두절',
    );
    expect(notificationText({ ...make('comment'), actor: null }, t)).toBe(
      '알 수 없는 러너님이 ‘한강 10K’에 댓글을 남겼어요.',
    );
    expect(notificationText(make('badge_earned', { badge: 'first_run' }), t)).toBe(
      '새 배지를 받았어요: ‘첫 러닝’',
    );
  });

  it('names the browser and system of a new sign-in, or an unknown device', () => {
    expect(notificationText(make('new_sign_in', { browser: 'Chrome', os: 'Windows' }), i18n.t)).toBe(
      '새 기기(Chrome · Windows)에서 로그인했어요. 본인이 아니라면 로그인된 기기를 확인해 주세요.',
    );
    expect(notificationText(make('new_sign_in', { browser: null, os: null }), i18n.t)).toContain(
      '알 수 없는 기기',
    );
  });

  it('names the thing to do for attendance and review requests only', () => {
    expect(notificationAction(make('reminder_attendance'), i18n.t)).toBe('출석 체크하기');
    expect(notificationAction(make('review_request'), i18n.t)).toBe('크루장 평가하기');
    expect(notificationAction(make('reminder_soon'), i18n.t)).toBeNull();
  });
});
