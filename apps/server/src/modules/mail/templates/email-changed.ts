import type { Locale } from '@erun/contracts';
import { compose, type MailTemplate } from './layout.ts';

const TEXT: Record<
  Locale,
  { subject: string; body: (nickname: string, masked: string) => string[]; action: string; after: string }
> = {
  ko: {
    subject: '계정의 이메일 주소가 바뀌었어요',
    body: (nickname, masked) => [
      `${nickname}님, 계정의 이메일 주소가 ${masked}(으)로 바뀌었어요.`,
      '이제 이 주소로는 로그인하거나 메일을 받을 수 없어요.',
    ],
    action: '로그인하기',
    after:
      '직접 바꾸지 않았다면 바로 로그인해 비밀번호를 바꾸고, 로그인할 수 없다면 비밀번호 찾기를 이용해 주세요.',
  },
  en: {
    subject: 'Your email address was changed',
    body: (nickname, masked) => [
      `${nickname}, the email address of your account was changed to ${masked}.`,
      'This address no longer signs in or receives mail from us.',
    ],
    action: 'Sign in',
    after:
      'If this was not you, sign in and change your password right away, or use "Forgot your password?" if you cannot.',
  },
};

/** Sent to the OLD address once a change is confirmed, with the new one masked (a***@b.com). */
export const emailChanged: MailTemplate<{ nickname: string; newEmail: string }> = (
  data,
  { locale, publicUrl },
) => {
  const t = TEXT[locale];
  return compose(
    {
      subject: t.subject,
      paragraphs: t.body(data.nickname, data.newEmail),
      action: { label: t.action, url: `${publicUrl}/login` },
      after: [t.after],
    },
    locale,
  );
};
