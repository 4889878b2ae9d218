import { z } from 'zod';
import { RequiredConsentSchema } from './consents.ts';
import {
  DistanceBucketSchema,
  RegionSchema,
  RunningLevelSchema,
  TIMES_OF_DAY,
  TimeOfDaySchema,
} from './domain.ts';
import { LocaleSchema } from './common.ts';
import { AccountRestrictionSchema } from './moderation.ts';
import { GenderSchema, UserRoleSchema } from './safety.ts';

export const ImageSchema = z.object({
  id: z.uuid(),
  urls: z.object({ small: z.string(), medium: z.string(), large: z.string() }),
});
export type Image = z.infer<typeof ImageSchema>;

export const NICKNAME = { min: 2, max: 12 } as const;
export const BIO_MAX = 60;

export const NicknameSchema = z
  .string()
  .trim()
  .min(NICKNAME.min, { message: 'nickname.tooShort' })
  .max(NICKNAME.max, { message: 'nickname.tooLong' })
  .regex(/^[\p{L}\p{N}_.\- ]+$/u, { message: 'nickname.invalidChars' });

export const OAUTH_PROVIDERS = ['kakao', 'naver'] as const;
export const OAuthProviderSchema = z.enum(OAUTH_PROVIDERS);
export type OAuthProvider = z.infer<typeof OAuthProviderSchema>;

/** What anyone may see of a user. */
export const PublicUserSchema = z.object({
  id: z.uuid(),
  nickname: z.string(),
  bio: z.string(),
  runningLevel: RunningLevelSchema.nullable(),
  avatar: ImageSchema.nullable(),
  goodRunnerScore: z.number(),
});
export type PublicUser = z.infer<typeof PublicUserSchema>;

/** The signed-in user's own view (GET /api/me). */
export const MeSchema = PublicUserSchema.extend({
  email: z.string().nullable(),
  /** The owner of `email` followed the link sent there. */
  emailVerified: z.boolean(),
  preferredRegions: z.array(RegionSchema),
  preferredDistance: DistanceBucketSchema.nullable(),
  /** The times of day (the /runs filter's buckets) the feed's "내 조건" starts from; empty = any. */
  preferredTimesOfDay: z.array(TimeOfDaySchema),
  onboarded: z.boolean(),
  hasPassword: z.boolean(),
  providers: z.array(OAuthProviderSchema),
  /** The verified phone number, masked ("010-****-5678"); null when none. */
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  /** Consent to SMS notifications (PIPA: opt-in, revocable). */
  smsConsent: z.boolean(),
  /** Required documents whose current version the user has not accepted; writes are refused until empty. */
  consentsRequired: z.array(RequiredConsentSchema),
  /**
   * The stated gender (optional, private): only the user sees it, and it is used only to let them join
   * 여성 전용 runs and crews. Never in a public payload.
   */
  gender: GenderSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  /** `moderator` and `admin` may open /admin (the server checks each call). */
  role: UserRoleSchema,
  /** Set while suspended or banned: the user reads but does not post, join or host (403 ACCOUNT_SUSPENDED). */
  restriction: AccountRestrictionSchema.nullable(),
});
export type Me = z.infer<typeof MeSchema>;

/**
 * Preferred times of day: the /runs filter's own buckets (TIMES_OF_DAY, DOMAIN.md), each at most once; none
 * chosen = any time.
 */
export const PreferredTimesOfDaySchema = z
  .array(TimeOfDaySchema)
  .max(TIMES_OF_DAY.length)
  .refine((r) => new Set(r).size === r.length, { message: 'timesOfDay.duplicate' });

export const UpdateMeSchema = z
  .object({
    nickname: NicknameSchema,
    bio: z.string().trim().max(BIO_MAX, { message: 'bio.tooLong' }),
    runningLevel: RunningLevelSchema,
    preferredRegions: z
      .array(RegionSchema)
      .max(17)
      .refine((r) => new Set(r).size === r.length, { message: 'regions.duplicate' }),
    preferredDistance: DistanceBucketSchema.nullable(),
    preferredTimesOfDay: PreferredTimesOfDaySchema,
    avatarId: z.uuid().nullable(),
    /** The language of mail and texts (the web app sends it when the language is switched). */
    locale: LocaleSchema,
    /** Private; null = 밝히지 않음 (see MeSchema.gender). */
    gender: GenderSchema.nullable(),
  })
  .partial()
  .strict();
export type UpdateMe = z.infer<typeof UpdateMeSchema>;

/** Onboarding asks for the running style; the same PATCH /api/me stores it. */
export const OnboardingSchema = z.object({
  nickname: NicknameSchema,
  runningLevel: RunningLevelSchema,
  preferredRegions: z.array(RegionSchema).min(1, { message: 'regions.required' }).max(17),
  preferredDistance: DistanceBucketSchema.nullable(),
  /** Optional: none chosen = any time of day. */
  preferredTimesOfDay: PreferredTimesOfDaySchema,
  bio: z.string().trim().max(BIO_MAX, { message: 'bio.tooLong' }),
  avatarId: z.uuid().nullable().optional(),
});
export type Onboarding = z.infer<typeof OnboardingSchema>;
