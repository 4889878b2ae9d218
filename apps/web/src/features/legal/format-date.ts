/** "2026년 12월 6일" / "December 6, 2026" in Asia/Seoul: when a choice was made or a text took effect. */
export function formatConsentDate(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', dateStyle: 'long' }).format(
    new Date(value),
  );
}
