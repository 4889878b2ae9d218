import { z } from 'zod';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from './notifications.ts';

/**
 * Extra channels per notification category (issue 5). In-app is always on and not listed; `push` is web
 * push to every browser the user subscribed; `sms` goes only to a verified number with SMS consent.
 */
export const NOTIFICATION_CHANNELS = ['push', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const ChannelChoiceSchema = z.object({ push: z.boolean(), sms: z.boolean() }).strict();
export type ChannelChoice = z.infer<typeof ChannelChoiceSchema>;

/**
 * Categories a text message may be sent for: the reminders around a run, and a seat offered with a claim
 * window (issue 17). The others are push or in-app only.
 */
export const SMS_CATEGORIES = [
  'reminder_dday',
  'reminder_soon',
  'reminder_attendance',
  'seat_offered',
] as const satisfies readonly NotificationCategory[];

/**
 * Push starts on for what matters on the day, and for chats (issue 16: a chat notifies who is not looking; it
 * is muted per chat, and a busy chat pushes once until read); SMS starts off everywhere until the user opts in.
 */
export const PUSH_BY_DEFAULT: readonly NotificationCategory[] = [
  'reminder_dday',
  'reminder_soon',
  'reminder_attendance',
  'run_cancelled',
  'waitlist_promoted',
  'run_removed',
  'chat_message',
  'chat_mention',
  'attendance_absent',
  'seat_offered',
  'moderation_notice',
  'saved_search_match',
];

/** The full map, every category present: GET answers it, PUT replaces it. */
export const NotificationPreferencesSchema = z
  .object(
    Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, ChannelChoiceSchema])) as Record<
      NotificationCategory,
      typeof ChannelChoiceSchema
    >,
  )
  .strict()
  .refine(
    (prefs) =>
      Object.entries(prefs).every(
        ([category, choice]) => !choice.sms || (SMS_CATEGORIES as readonly string[]).includes(category),
      ),
    { message: 'sms.notOffered' },
  );
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** What a user who never changed anything gets. */
export function defaultNotificationPreferences(): NotificationPreferences {
  return Object.fromEntries(
    NOTIFICATION_CATEGORIES.map((c) => [c, { push: PUSH_BY_DEFAULT.includes(c), sms: false }]),
  ) as NotificationPreferences;
}

/**
 * A Korean mobile number as people type it: 010-1234-5678, 01012345678, +82 10 1234 5678, 82-10-….
 * The server normalises it to 010xxxxxxxx (or 011/016/017/018/019 with 7–8 digits after the prefix).
 */
export const PhoneNumberSchema = z
  .string()
  .trim()
  .max(24)
  .transform((v) => normalizeKoreanMobile(v))
  .refine((v): v is string => v !== null, { message: 'phone.invalid' });

export function normalizeKoreanMobile(input: string): string | null {
  if (!/^[+\d\s().-]+$/.test(input)) return null;
  let digits = input.replace(/\D/g, '');
  if (digits.startsWith('82')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  return /^01[016789]\d{7,8}$/.test(digits) && (digits.startsWith('010') ? digits.length === 11 : true)
    ? digits
    : null;
}

export const PhoneVerificationRequestSchema = z.object({ phone: PhoneNumberSchema }).strict();
export type PhoneVerificationRequest = z.input<typeof PhoneVerificationRequestSchema>;

export const PHONE_CODE_LENGTH = 6;
export const PhoneVerificationConfirmSchema = z
  .object({
    phone: PhoneNumberSchema,
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'phone.codeFormat' }),
  })
  .strict();
export type PhoneVerificationConfirm = z.input<typeof PhoneVerificationConfirmSchema>;

/** 202 to a code request: when it expires and when another may be asked for. */
export const PhoneVerificationSentSchema = z.object({
  expiresAt: z.iso.datetime({ offset: true }),
  resendAt: z.iso.datetime({ offset: true }),
});
export type PhoneVerificationSent = z.infer<typeof PhoneVerificationSentSchema>;

/** The phone part of the caller's settings; the number only ever leaves the server masked. */
export const PhoneStatusSchema = z.object({
  /** "010-****-5678", or null without a verified number. */
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  smsConsent: z.boolean(),
});
export type PhoneStatus = z.infer<typeof PhoneStatusSchema>;

export const SmsConsentSchema = z.object({ consent: z.boolean() }).strict();
export type SmsConsent = z.infer<typeof SmsConsentSchema>;

export const PushPublicKeySchema = z.object({ publicKey: z.string() });
export type PushPublicKey = z.infer<typeof PushPublicKeySchema>;

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, { message: 'push.keyFormat' });

export const PUSH_LOCALES = ['ko', 'en'] as const;
export type PushLocale = (typeof PUSH_LOCALES)[number];

/**
 * The browser's PushSubscription.toJSON(), minus what the server does not need, plus the language the app is
 * shown in on that device: its pushes are written in it (Korean when absent).
 */
export const PushSubscriptionSchema = z.object({
  endpoint: z.url().max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: Base64Url.min(80).max(100), auth: Base64Url.min(16).max(32) }),
  locale: z.enum(PUSH_LOCALES).optional(),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionSchema>;

export const PushUnsubscribeSchema = z.object({ endpoint: z.url().max(2048) }).strict();
export type PushUnsubscribe = z.infer<typeof PushUnsubscribeSchema>;

/** What the service worker receives in a push message. */
export const PushPayloadSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
});
export type PushPayload = z.infer<typeof PushPayloadSchema>;
