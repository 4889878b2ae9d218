import { describe, expect, it } from 'vitest';
import { newSignIn } from './new-sign-in.ts';

const context = { publicUrl: 'https://erun.example' };
const data = {
  nickname: 'Runner',
  at: '2026-12-06T12:48:00Z',
  browser: 'Chrome',
  os: 'Windows',
  ip: '203.0.113.x',
};

describe('new_sign_in mail', () => {
  it('says when (Asia/Seoul), what and roughly where, with the settings and reset links', () => {
    const ko = newSignIn(data, { ...context, locale: 'ko' });
    expect(ko.subject).toBe('[이RUN 저RUN] 새 기기에서 로그인했어요');
    expect(ko.text).toContain('2026년 12월 6일 21:48 (한국 시간)');
    expect(ko.text).toContain('Chrome · Windows');
    expect(ko.text).toContain('IP: 203.0.113.x');
    expect(ko.text).toContain('https://erun.example/me/settings');
    expect(ko.text).toContain('https://erun.example/forgot-password');
    const en = newSignIn(data, { ...context, locale: 'en' });
    expect(en.text).toContain('December 6, 2026');
    expect(en.text).toContain('21:48 (KST)');
    expect(en.html).toContain('lang="en"');
  });

  it('names an unknown device and leaves out an address it does not have', () => {
    const mail = newSignIn({ ...data, browser: null, os: null, ip: null }, { ...context, locale: 'ko' });
    expect(mail.text).toContain('기기: 알 수 없음');
    expect(mail.text).not.toContain('IP:');
  });
});
