import type { Notification } from '@erun/contracts';
import type { TFunction } from 'i18next';
import { formatTime } from '../../../lib/datetime.ts';

/** Categories whose notification also names the thing to do at its link. */
const ACTIONS = new Set<string>(['reminder_attendance', 'review_request']);

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Which text key fits the notification: some categories read differently depending on their data. */
function keyOf(n: Notification): string {
  if (n.category === 'run_joined' && n.data.status === 'waitlisted') return 'run_joined_waitlisted';
  if (n.category === 'run_joined' && n.data.status === 'cohost') return 'run_joined_cohost';
  if (n.category === 'run_removed' && !text(n.data.reason)) return 'run_removed_noReason';
  if (n.category === 'run_cancelled' && text(n.data.reason)) return 'run_cancelled_reason';
  if (n.category === 'badge_earned' && !text(n.data.badge)) return 'badge_earned_generic';
  return n.category;
}

/** The badge's own name ("첫 러닝"); an unknown code shows as is. */
function badgeName(code: string, t: TFunction): string {
  const key = `badges.${code}.name`;
  return code && /^[a-z0-9_]+$/.test(code) && t(key, { defaultValue: '' }) !== '' ? t(key) : code;
}

/** "Chrome · Windows": the browser and system of a sign-in (`new_sign_in`). */
function deviceOf(n: Notification, t: TFunction): string {
  const parts = [text(n.data.browser), text(n.data.os)].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' · ') : t('notificationCenter.unknownDevice');
}

/** A D-day reminder's forecast at the start (`wx*` data, ADR 021): " 06:00 18°C · 강수 20% · …", or nothing. */
function forecastLine(n: Notification, t: TFunction): string {
  const { wxAt, wxTemp, wxRain, wxWind, wxDust } = n.data;
  if (n.category !== 'reminder_dday' || typeof wxTemp !== 'number') return '';
  const time = typeof wxAt === 'string' && !Number.isNaN(Date.parse(wxAt)) ? formatTime(wxAt) : '';
  const line = t('weather.reminderLine', { time, temp: wxTemp, rain: text(wxRain), wind: text(wxWind) });
  const known = typeof wxDust === 'string' && /^(good|moderate|bad|very_bad)$/.test(wxDust);
  return ` ${line.trim()}${known ? t('weather.reminderDust', { grade: t(`weather.grade.${wxDust}`) }) : ''}`;
}

/** "B님이 ‘한강 새벽 러닝’ 러닝에 참여했어요." — who did what on which run or course, in the UI language. */
export function notificationText(n: Notification, t: TFunction): string {
  return notificationSentence(n, t) + forecastLine(n, t);
}

function notificationSentence(n: Notification, t: TFunction): string {
  return t(`notificationCenter.text.${keyOf(n)}`, {
    actor: n.actor?.nickname ?? t('notificationCenter.someone'),
    title: text(n.data.title),
    subject: text(n.data.subject),
    reason: text(n.data.reason),
    badge: badgeName(text(n.data.badge), t),
    device: deviceOf(n, t),
  });
}

/** The call to action of a notification that asks for something ("출석 체크하기"), if any. */
export function notificationAction(n: Notification, t: TFunction): string | null {
  return ACTIONS.has(n.category) ? t(`notificationCenter.action.${n.category}`) : null;
}
