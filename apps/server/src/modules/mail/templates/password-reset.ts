import type { Locale } from '@erun/contracts';
import { compose, type MailTemplate } from './layout.ts';

const TEXT: Record<
  Locale,
  {
    subject: string;
    body: (nickname: string) => string[];
    action: string;
    after: (minutes: number) => string[];
  }
> = {
  ko: {
    subject: '비밀번호 재설정 안내',
    body: (nickname) => [
      `${nickname}님, 비밀번호 재설정을 요청하셨어요.`,
      '아래 버튼을 눌러 새 비밀번호를 설정해 주세요.',
    ],
    action: '새 비밀번호 설정하기',
    after: (minutes) => [
      `이 링크는 ${minutes}분 동안 한 번만 사용할 수 있어요.`,
      '직접 요청하지 않았다면 이 메일은 무시하셔도 돼요. 비밀번호는 바뀌지 않아요.',
    ],
  },
  en: {
    subject: 'Reset your password',
    body: (nickname) => [
      `${nickname}, you asked to reset your password.`,
      'Use the button below to choose a new one.',
    ],
    action: 'Choose a new password',
    after: (minutes) => [
      `This link works once, for ${minutes} minutes.`,
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ],
  },
};

/** The single-use reset link (issue 15); the token is in the outbox only until the mail is sent. */
export const passwordReset: MailTemplate<{ nickname: string; token: string; minutes: number }> = (
  data,
  { locale, publicUrl },
) => {
  const t = TEXT[locale];
  return compose(
    {
      subject: t.subject,
      paragraphs: t.body(data.nickname),
      action: { label: t.action, url: `${publicUrl}/reset-password?token=${encodeURIComponent(data.token)}` },
      after: t.after(data.minutes),
    },
    locale,
  );
};
