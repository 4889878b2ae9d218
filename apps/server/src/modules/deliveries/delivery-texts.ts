import type { NotificationCategory, PushLocale } from '@erun/contracts';

type Data = Record<string, string | number | null>;

/**
 * What a push says, per category and language: the sentences of the in-app list, in the language its device
 * subscribed in. `title` is the run's or course's title: a push is shown by our own service worker under the
 * app's name and opens only our own pages, like the in-app list that shows the same words. Text messages
 * (below) are Korean (a Korean mobile number; the account has no language) and carry no title.
 */
const KO: Record<NotificationCategory, (d: Data) => string> = {
  comment: (d) => `${q(d.title)}에 새 댓글이 달렸어요.`,
  reply: (d) => `${q(d.title)}에 남긴 댓글에 답글이 달렸어요.`,
  run_updated: (d) => `${q(d.title)} 그룹 러닝 정보가 바뀌었어요.`,
  run_cancelled: (d) => `${q(d.title)} 그룹 러닝이 취소되었어요.`,
  run_joined: (d) => `${q(d.title)}에 새 러너가 참여했어요.`,
  run_left: (d) => `${q(d.title)}에서 러너 한 명이 참여를 취소했어요.`,
  waitlist_promoted: (d) => `대기 순서가 되어 ${q(d.title)}에 참여하게 되었어요.`,
  run_removed: (d) => `${q(d.title)}에서 크루장이 참여를 취소했어요.`,
  reminder_dday: (d) => `오늘은 ${q(d.title)} 그룹 러닝이 있는 날이에요.${forecastLine(d, 'ko')}`,
  reminder_soon: (d) => `30분 뒤 ${q(d.title)} 그룹 러닝이 시작해요.`,
  reminder_attendance: (d) => `30분 뒤 ${q(d.title)} 그룹 러닝이 시작해요. 출석체크를 해 주세요.`,
  review_request: (d) => `${q(d.title)} 러닝은 어떠셨나요? 크루장 평가를 남겨 주세요.`,
  review_received: (d) => `${q(d.title)} 러닝의 크루장 평가가 도착했어요.`,
  badge_earned: () => '새 배지를 받았어요!',
  new_sign_in: (d) =>
    `새 기기(${device(d, '알 수 없는 기기')})에서 로그인했어요. 본인이 아니라면 확인해 주세요.`,
  crew_join_request: (d) => `${q(d.title)} 크루에 새 가입 신청이 있어요.`,
  crew_joined: (d) => `${q(d.title)} 크루의 크루원이 되었어요.`,
  crew_refused: (d) => `${q(d.title)} 크루 가입 신청이 거절되었어요.`,
  crew_removed: (d) => `${q(d.title)} 크루에서 내보내졌어요.`,
  crew_role_changed: (d) => `${q(d.title)} 크루에서 내 역할이 바뀌었어요.`,
  crew_member_promoted: (d) => `${q(d.title)} 크루의 정회원이 되었어요!`,
  crew_announcement: (d) => `${q(d.title)} 크루에 새 공지가 올라왔어요.`,
  series_opened: (d) => `${q(d.title)} 정기런 새 일정이 열렸어요.`,
  chat_message: (d) => `${q(d.title)} 채팅에 새 메시지가 있어요.`,
  chat_mention: (d) => `${q(d.title)} 채팅에서 누군가 나를 언급했어요.`,
  attendance_absent: (d) => `${q(d.title)}에 불참으로 기록되었어요. 48시간 안에 이의를 제기할 수 있어요.`,
  attendance_dispute: (d) => `${q(d.title)}의 불참 기록에 이의 제기가 있어요.`,
  dispute_resolved: (d) => `${q(d.title)} 불참 이의 제기가 처리되었어요.`,
  seat_offered: (d) => `자리가 났어요 — 30분 안에 ${q(d.title)} 참여를 확정하세요.`,
  moderation_notice: () => '운영 정책에 따른 조치 안내가 있어요.',
  saved_search_match: (d) => `저장한 조건에 맞는 새 그룹 러닝: ${q(d.title)}`,
};

const EN: Record<NotificationCategory, (d: Data) => string> = {
  comment: (d) => `New comment on ${en(d.title)}.`,
  reply: (d) => `Someone replied to your comment on ${en(d.title)}.`,
  run_updated: (d) => `${cap(en(d.title))} has changed.`,
  run_cancelled: (d) => `${cap(en(d.title))} has been cancelled.`,
  run_joined: (d) => `A new runner joined ${en(d.title)}.`,
  run_left: (d) => `A runner left ${en(d.title)}.`,
  waitlist_promoted: (d) => `Your turn came up on the waitlist: you're in ${en(d.title)}.`,
  run_removed: (d) => `The host removed you from ${en(d.title)}.`,
  reminder_dday: (d) => `${cap(en(d.title))} is today.${forecastLine(d, 'en')}`,
  reminder_soon: (d) => `${cap(en(d.title))} starts in 30 minutes.`,
  reminder_attendance: (d) => `${cap(en(d.title))} starts in 30 minutes. Time to take attendance.`,
  review_request: (d) => `How was ${en(d.title)}? Leave a review for the host.`,
  review_received: (d) => `A host review arrived for ${en(d.title)}.`,
  badge_earned: () => 'You earned a new badge!',
  new_sign_in: (d) => `New sign-in from ${device(d, 'an unknown device')}. Not you? Check your devices.`,
  crew_join_request: (d) => `New join request for ${en(d.title)}.`,
  crew_joined: (d) => `You're now a member of ${en(d.title)}.`,
  crew_refused: (d) => `Your request to join ${en(d.title)} was declined.`,
  crew_removed: (d) => `You were removed from ${en(d.title)}.`,
  crew_role_changed: (d) => `Your role in ${en(d.title)} changed.`,
  crew_member_promoted: (d) => `You're now a member of ${en(d.title)}!`,
  crew_announcement: (d) => `New announcement in ${en(d.title)}.`,
  series_opened: (d) => `A new date of ${en(d.title)} is open.`,
  chat_message: (d) => `New message in the ${en(d.title)} chat.`,
  chat_mention: (d) => `You were mentioned in the ${en(d.title)} chat.`,
  attendance_absent: (d) => `You were marked absent at ${en(d.title)}. You can dispute it within 48 hours.`,
  attendance_dispute: (d) => `A runner disputed an absent mark at ${en(d.title)}.`,
  dispute_resolved: (d) => `Your dispute about ${en(d.title)} was decided.`,
  seat_offered: (d) => `A seat opened up in ${en(d.title)}: confirm within 30 minutes.`,
  moderation_notice: () => 'A moderator took an action on your account or content.',
  saved_search_match: (d) => `A new run matches your saved search: ${en(d.title)}`,
};

const TEXTS: Record<PushLocale, Record<NotificationCategory, (d: Data) => string>> = { ko: KO, en: EN };
const FALLBACK: Record<PushLocale, string> = { ko: '새 알림이 있어요.', en: 'You have a new notification.' };

function q(title: Data[string] | undefined): string {
  return title === null || title === undefined || title === '' ? '그룹 러닝' : `‘${String(title)}’`;
}

function en(title: Data[string] | undefined): string {
  return title === null || title === undefined || title === '' ? 'the group run' : `“${String(title)}”`;
}

/** "Chrome · Windows" from a sign-in's data, or `unknown`. */
function device(d: Data, unknown: string): string {
  const parts = [d.browser, d.os].filter((p) => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(' · ') : unknown;
}

const DUST: Record<PushLocale, Record<string, string>> = {
  ko: { good: '좋음', moderate: '보통', bad: '나쁨', very_bad: '매우나쁨' },
  en: { good: 'good', moderate: 'moderate', bad: 'bad', very_bad: 'very bad' },
};
const HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Seoul',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The D-day reminder's forecast at the start (ADR 021), " 06:00 18°C · 강수 20% · 바람 2m/s · 미세먼지 보통", from the
 * reminder's `wx*` data; empty when it has none (no key, no forecast).
 */
export function forecastLine(d: Data, locale: PushLocale): string {
  const { wxAt, wxTemp, wxRain, wxWind, wxDust } = d;
  if (typeof wxTemp !== 'number' || typeof wxRain !== 'number' || typeof wxWind !== 'number') return '';
  const at =
    typeof wxAt === 'string' && !Number.isNaN(Date.parse(wxAt)) ? `${HOUR.format(new Date(wxAt))} ` : '';
  const dust = typeof wxDust === 'string' ? DUST[locale][wxDust] : undefined;
  return locale === 'ko'
    ? ` ${at}${wxTemp}°C · 강수 ${wxRain}% · 바람 ${wxWind}m/s${dust ? ` · 미세먼지 ${dust}` : ''}`
    : ` ${at}${wxTemp}°C · rain ${wxRain}% · wind ${wxWind} m/s${dust ? ` · air ${dust}` : ''}`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const PUSH_TITLE: Record<PushLocale, string> = { ko: '이RUN 저RUN', en: '이RUN 저RUN' };

export function notificationText(
  category: NotificationCategory,
  data: Data,
  locale: PushLocale = 'ko',
): string {
  // The column is text: a value outside the contract's categories still gets the fallback.
  const text = TEXTS[locale][category] as ((d: Data) => string) | undefined;
  return text ? text(data) : FALLBACK[locale];
}

const SEOUL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "12월 7일 06:40" in Asia/Seoul; null when the value is not a time. */
export function seoulTime(value: Data[string] | undefined): string | null {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  const part = Object.fromEntries(SEOUL.formatToParts(date).map((p) => [p.type, p.value]));
  return `${Number(part.month)}월 ${Number(part.day)}일 ${part.hour}:${part.minute}`;
}

/**
 * Text messages go out from the service's sender number, so they carry nothing anyone else wrote (a run's
 * title could read "계정정지예정 http://…" — issue 12): a fixed sentence per category, the start time, and a
 * link on our own origin.
 */
const SMS: Partial<Record<NotificationCategory, (time: string | null) => string>> = {
  reminder_dday: (t) =>
    t ? `오늘 ${t}에 참여하신 그룹 러닝이 있어요.` : '오늘 참여하신 그룹 러닝이 있어요.',
  reminder_soon: (t) =>
    t ? `참여하신 그룹 러닝이 30분 뒤(${t}) 시작해요.` : '참여하신 그룹 러닝이 30분 뒤 시작해요.',
  reminder_attendance: (t) =>
    `크루장으로 여는 그룹 러닝이 30분 뒤${t ? `(${t})` : ''} 시작해요. 출석체크를 해 주세요.`,
  seat_offered: (t) => `대기하신 그룹 러닝${t ? `(${t})` : ''}에 자리가 났어요. 30분 안에 확정하세요.`,
};

/** The link a text may carry: a notification's own path when it is one of ours, else the home page. */
const OWN_PATH = /^\/runs\/[0-9a-f-]{36}(\/attendance)?$/;

/** A text message: the brand, a fixed sentence with the start time, and the link on `publicUrl`. */
export function smsText(category: NotificationCategory, data: Data, publicUrl: string, link: string): string {
  const sentence = SMS[category]?.(seoulTime(data.startsAt)) ?? '새 알림이 있어요.';
  const origin = publicUrl.replace(/\/+$/, '');
  return `[이RUN 저RUN] ${sentence}\n${origin}${OWN_PATH.test(link) ? link : '/'}`;
}
