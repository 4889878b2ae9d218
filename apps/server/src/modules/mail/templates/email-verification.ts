import type { Locale } from '@erun/contracts';
import { compose, type MailTemplate } from './layout.ts';

interface LinkText {
  subject: string;
  body: (nickname: string, email: string) => string[];
  action: string;
  after: (hours: number) => string[];
}

const VERIFY: Record<Locale, LinkText> = {
  ko: {
    subject: '이메일 주소를 인증해 주세요',
    body: (nickname, email) => [
      `${nickname}님, 이RUN 저RUN에 가입해 주셔서 고마워요.`,
      `아래 버튼을 눌러 ${email} 주소가 ${nickname}님의 것임을 확인해 주세요.`,
    ],
    action: '이메일 인증하기',
    after: (hours) => [
      `이 링크는 ${hours}시간 동안, 한 번만 쓸 수 있어요.`,
      '가입한 적이 없다면 이 메일을 무시해 주세요. 이 주소로는 아무것도 바뀌지 않아요.',
    ],
  },
  en: {
    subject: 'Please verify your email address',
    body: (nickname, email) => [
      `${nickname}, thank you for joining 이RUN 저RUN.`,
      `Press the button below to confirm that ${email} is yours.`,
    ],
    action: 'Verify my email',
    after: (hours) => [
      `This link works once, for ${hours} hours.`,
      'If you did not sign up, ignore this mail: nothing changes for this address.',
    ],
  },
};

const CHANGE: Record<Locale, LinkText> = {
  ko: {
    subject: '새 이메일 주소를 인증해 주세요',
    body: (nickname, email) => [
      `${nickname}님, 계정의 이메일을 ${email}(으)로 바꾸려고 하셨어요.`,
      '아래 버튼을 눌러야 주소가 바뀌어요. 누르기 전까지는 지금 주소가 그대로 쓰여요.',
    ],
    action: '새 주소 인증하기',
    after: (hours) => [
      `이 링크는 ${hours}시간 동안, 한 번만 쓸 수 있어요.`,
      '직접 요청하지 않았다면 이 메일을 무시해 주세요.',
    ],
  },
  en: {
    subject: 'Please verify your new email address',
    body: (nickname, email) => [
      `${nickname}, you asked to change your account's email to ${email}.`,
      'The address changes only when you press the button below; until then your current one stays.',
    ],
    action: 'Verify the new address',
    after: (hours) => [
      `This link works once, for ${hours} hours.`,
      'If you did not ask for this, ignore this mail.',
    ],
  },
};

type LinkData = { nickname: string; email: string; token: string; hours: number };

function linkMail(text: Record<Locale, LinkText>): MailTemplate<LinkData> {
  return (data, { locale, publicUrl }) => {
    const t = text[locale];
    return compose(
      {
        subject: t.subject,
        paragraphs: t.body(data.nickname, data.email),
        action: {
          label: t.action,
          url: `${publicUrl}/verify-email?token=${encodeURIComponent(data.token)}`,
        },
        after: t.after(data.hours),
      },
      locale,
    );
  };
}

/** Sent at sign-up and on "resend": the link that verifies the account's address. */
export const emailVerification = linkMail(VERIFY);

/** Sent to the NEW address of a change: the link that makes it the account's (verified) address. */
export const emailChange = linkMail(CHANGE);
