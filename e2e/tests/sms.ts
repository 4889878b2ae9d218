import { readFileSync } from 'node:fs';

/** Every text the app sent to a number (digits only), oldest first, from the fake SENS gateway's file. */
export function textsTo(phoneDigits: string): string[] {
  return readFileSync(process.env.E2E_SENS_FILE ?? '', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string; content: string })
    .filter((m) => m.to === phoneDigits)
    .map((m) => m.content);
}

/** The last verification code the app texted to a number. */
export function codeTextedTo(phoneDigits: string): string | undefined {
  return /인증번호 (\d{6})/.exec(textsTo(phoneDigits).at(-1) ?? '')?.[1];
}

/** A mobile number no other test uses, as digits (01012345678). */
export function uniquePhoneDigits(): string {
  return `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** 010-1234-5678, as a runner types it. */
export const dashed = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
