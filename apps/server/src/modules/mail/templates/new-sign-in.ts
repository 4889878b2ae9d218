import type { Locale } from '@erun/contracts';
import { compose, type MailTemplate } from './layout.ts';

export type NewSignInData = {
  nickname: string;
  /** When (ISO 8601); written in Asia/Seoul. */
  at: string;
  browser: string | null;
  os: string | null;
  /** Already masked (`203.0.113.x`). */
  ip: string | null;
};

const TEXT: Record<
  Locale,
  {
    subject: string;
    intro: (nickname: string) => string;
    time: string;
    device: string;
    unknown: string;
    ip: string;
    action: string;
    notYou: (url: string) => string;
  }
> = {
  ko: {
    subject: '새 기기에서 로그인했어요',
    intro: (nickname) => `${nickname}님, 처음 보는 기기에서 계정에 로그인했어요.`,
    time: '시간',
    device: '기기',
    unknown: '알 수 없음',
    ip: 'IP',
    action: '로그인된 기기 확인하기',
    notYou: (url) =>
      `본인이 아니라면 바로 비밀번호를 바꾸고 그 기기를 로그아웃해 주세요. 비밀번호 찾기: ${url}`,
  },
  en: {
    subject: 'New sign-in to your account',
    intro: (nickname) =>
      `${nickname}, your account was just signed in to from a device we have not seen before.`,
    time: 'Time',
    device: 'Device',
    unknown: 'unknown',
    ip: 'IP',
    action: 'Review signed-in devices',
    notYou: (url) =>
      `If this was not you, change your password right away and sign that device out. Reset your password: ${url}`,
  },
};

const FORMAT = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
} as const;
const FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { ...FORMAT, hourCycle: 'h23', timeZone: 'Asia/Seoul' }),
  en: new Intl.DateTimeFormat('en-US', { ...FORMAT, hourCycle: 'h23', timeZone: 'Asia/Seoul' }),
};

/** "2026년 12월 6일 21:48 (한국 시간)": the moment in Asia/Seoul, where the app's times are. */
function seoulTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${FORMATS[locale].format(date)} (${locale === 'ko' ? '한국 시간' : 'KST'})`;
}

/** Told when an account signs in from a device it never used: when, what, roughly where, and what to do. */
export const newSignIn: MailTemplate<NewSignInData> = (data, { locale, publicUrl }) => {
  const t = TEXT[locale];
  const device = [data.browser, data.os].filter((s): s is string => !!s).join(' · ') || t.unknown;
  return compose(
    {
      subject: t.subject,
      paragraphs: [
        t.intro(data.nickname),
        `${t.time}: ${seoulTime(data.at, locale)}`,
        `${t.device}: ${device}`,
        ...(data.ip ? [`${t.ip}: ${data.ip}`] : []),
      ],
      action: { label: t.action, url: `${publicUrl}/me/settings` },
      after: [t.notYou(`${publicUrl}/forgot-password`)],
    },
    locale,
  );
};
