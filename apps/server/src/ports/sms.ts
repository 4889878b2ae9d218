/** One text message to one Korean mobile number (digits only, 010…). */
export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects when it did not. */
  send(to: string, text: string): Promise<void>;
}

/**
 * SENS prices a message by its byte length with Korean characters counting as two bytes (EUC-KR):
 * up to 80 bytes it is an SMS, longer an LMS.
 */
export function smsBytes(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
  return bytes;
}

export const SMS_MAX_BYTES = 80;
