import type { NotificationCategory } from '@erun/contracts';

type Data = Record<string, string | number | null>;

/**
 * What a push or a text message says, per category. The user's language is not stored, so these are the
 * Korean texts of the in-app list (the default language); `title` is the run's or course's title.
 */
const TEXTS: Record<NotificationCategory, (d: Data) => string> = {
  comment: (d) => `${q(d.title)}에 새 댓글이 달렸어요.`,
  reply: (d) => `${q(d.title)}에 남긴 댓글에 답글이 달렸어요.`,
  run_updated: (d) => `${q(d.title)} 그룹 러닝 정보가 바뀌었어요.`,
  run_cancelled: (d) => `${q(d.title)} 그룹 러닝이 취소되었어요.`,
  run_joined: (d) => `${q(d.title)}에 새 러너가 참여했어요.`,
  run_left: (d) => `${q(d.title)}에서 러너 한 명이 참여를 취소했어요.`,
  waitlist_promoted: (d) => `대기 순서가 되어 ${q(d.title)}에 참여하게 되었어요.`,
  run_removed: (d) => `${q(d.title)}에서 크루장이 참여를 취소했어요.`,
  reminder_dday: (d) => `오늘은 ${q(d.title)} 그룹 러닝이 있는 날이에요.`,
  reminder_soon: (d) => `30분 뒤 ${q(d.title)} 그룹 러닝이 시작해요.`,
  reminder_attendance: (d) => `30분 뒤 ${q(d.title)} 그룹 러닝이 시작해요. 출석체크를 해 주세요.`,
  review_request: (d) => `${q(d.title)} 러닝은 어떠셨나요? 크루장 평가를 남겨 주세요.`,
  review_received: (d) => `${q(d.title)} 러닝의 크루장 평가가 도착했어요.`,
  badge_earned: () => '새 배지를 받았어요!',
};

function q(title: Data[string] | undefined): string {
  return title === null || title === undefined || title === '' ? '그룹 러닝' : `‘${String(title)}’`;
}

export const PUSH_TITLE = '이RUN 저RUN';

export function notificationText(category: string, data: Data): string {
  const text = TEXTS[category as NotificationCategory] as ((d: Data) => string) | undefined;
  return text ? text(data) : '새 알림이 있어요.';
}

/** A text message: the brand, the sentence, and the link where it leads somewhere to act (attendance, review). */
export function smsText(category: string, data: Data, url: string): string {
  const base = `[이RUN 저RUN] ${notificationText(category, data)}`;
  return category === 'reminder_attendance' || category === 'review_request' ? `${base}\n${url}` : base;
}
