import { i18n } from './i18n.ts';

/** 330 → `5'30"/km`. */
export function formatPace(secPerKm: number): string {
  const minutes = Math.floor(secPerKm / 60);
  const seconds = secPerKm % 60;
  return `${minutes}'${String(seconds).padStart(2, '0')}"/km`;
}

/** 5.234 → "5.2km"; whole kilometres without the decimal. */
export function formatKm(km: number): string {
  const rounded = Math.round(km * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}km`;
}

/** 72 → "1시간 12분" / "1 h 12 min", in the given language. */
export function formatDuration(minutes: number, locale: string = i18n.language): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const key = h === 0 ? 'duration.minutes' : m === 0 ? 'duration.hours' : 'duration.hoursMinutes';
  return i18n.t(key, { lng: locale, h, m });
}
