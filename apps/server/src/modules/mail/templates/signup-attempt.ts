import type { Locale } from '@erun/contracts';
import { compose, type MailTemplate } from './layout.ts';

const TEXT: Record<
  Locale,
  { subject: string; body: string[]; action: string; after: (url: string) => string }
> = {
  ko: {
    subject: '누군가 이 주소로 가입하려고 했어요',
    body: [
      '방금 누군가 이 이메일 주소로 이RUN 저RUN에 새로 가입하려고 했어요. 이 주소로는 이미 계정이 있어서 가입되지 않았어요.',
      '직접 시도하셨다면 기존 계정으로 로그인해 주세요.',
    ],
    action: '로그인하기',
    after: (url) => `비밀번호가 기억나지 않으면 여기서 다시 설정할 수 있어요: ${url}`,
  },
  en: {
    subject: 'Someone tried to sign up with your address',
    body: [
      'Someone just tried to create a new 이RUN 저RUN account with this email address. It already has an account, so nothing was created.',
      'If it was you, sign in to your existing account.',
    ],
    action: 'Sign in',
    after: (url) => `Forgot your password? Set a new one here: ${url}`,
  },
};

/** Sent (at most once a day) to the owner of an address someone tried to sign up with. */
export const signupAttempt: MailTemplate<Record<string, never>> = (_data, { locale, publicUrl }) => {
  const t = TEXT[locale];
  return compose(
    {
      subject: t.subject,
      paragraphs: t.body,
      action: { label: t.action, url: `${publicUrl}/login` },
      after: [t.after(`${publicUrl}/forgot-password`)],
    },
    locale,
  );
};
