import { WEEKDAYS, type Weekday } from '@erun/contracts';

const DAY_NAMES: Record<'ko' | 'en', Record<Weekday, string>> = {
  ko: { MO: '월', TU: '화', WE: '수', TH: '목', FR: '금', SA: '토', SU: '일' },
  en: { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' },
};

const WEEKDAYS_ONLY: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const WEEKEND: readonly Weekday[] = ['SA', 'SU'];

const same = (a: readonly Weekday[], b: readonly Weekday[]) =>
  a.length === b.length && a.every((d) => b.includes(d));

/** A day's short name ("화", "Tue"). */
export function dayName(day: Weekday, language: string): string {
  return DAY_NAMES[language.startsWith('en') ? 'en' : 'ko'][day];
}

/**
 * A crew's weekly rhythm as one line: "매주 화·목 19:30", "매일 06:00", "주말 07:00", "평일 저녁"… Days in
 * week order whatever order they came in; null when the crew has neither days nor a time.
 */
export function formatRhythm(days: readonly Weekday[], time: string | null, language = 'ko'): string | null {
  const en = language.startsWith('en');
  const ordered = WEEKDAYS.filter((d) => days.includes(d));
  let when: string | null = null;
  if (ordered.length === 7) when = en ? 'Every day' : '매일';
  else if (same(ordered, WEEKDAYS_ONLY)) when = en ? 'Weekdays' : '평일';
  else if (same(ordered, WEEKEND)) when = en ? 'Weekends' : '주말';
  else if (ordered.length > 0)
    when = en
      ? `Every ${ordered.map((d) => dayName(d, 'en')).join(', ')}`
      : `매주 ${ordered.map((d) => dayName(d, 'ko')).join('·')}`;
  if (when === null && time === null) return null;
  if (when === null) return en ? `At ${time}` : `${time}`;
  return time === null ? when : `${when} ${time}`;
}
