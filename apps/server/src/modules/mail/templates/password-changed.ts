import type { Locale } from '@erun/contracts';
import { compose, type MailTemplate } from './layout.ts';

const TEXT: Record<
  Locale,
  { subject: string; body: (nickname: string) => string[]; action: string; after: string }
> = {
  ko: {
    subject: '비밀번호가 변경되었어요',
    body: (nickname) => [
      `${nickname}님, 계정의 비밀번호가 방금 변경되었어요.`,
      '다른 기기에서는 모두 로그아웃되었어요.',
    ],
    action: '로그인하기',
    after: '직접 변경하지 않았다면 바로 비밀번호 찾기로 새 비밀번호를 설정해 주세요.',
  },
  en: {
    subject: 'Your password was changed',
    body: (nickname) => [
      `${nickname}, the password of your account was just changed.`,
      'Every other device has been signed out.',
    ],
    action: 'Sign in',
    after: 'If this was not you, reset your password right away with "Forgot your password?".',
  },
};

/** Told after a reset or a change: every other session is gone, and what to do if it was not the owner. */
export const passwordChanged: MailTemplate<{ nickname: string }> = (data, { locale, publicUrl }) => {
  const t = TEXT[locale];
  return compose(
    {
      subject: t.subject,
      paragraphs: t.body(data.nickname),
      action: { label: t.action, url: `${publicUrl}/login` },
      after: [t.after],
    },
    locale,
  );
};
