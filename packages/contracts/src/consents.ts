import { z } from 'zod';

/**
 * The documents a user agrees to (issue 15). The required ones must be accepted at their current version to
 * use the service; bumping a version here asks every signed-in user to accept it again before going on.
 * Optional ones (marketing) are granted or withdrawn at any time; each decision is kept as its own row.
 */
export const CONSENT_VERSIONS = {
  terms: '2026-12-06',
  privacy: '2026-12-06',
  /** A confirmation, not a text: it has no versions. */
  age14: '1',
  marketing_email: '1',
  marketing_sms: '1',
} as const;

export const REQUIRED_CONSENTS = ['terms', 'privacy', 'age14'] as const;
export const OPTIONAL_CONSENTS = ['marketing_email', 'marketing_sms'] as const;
export const CONSENT_DOCUMENTS = [...REQUIRED_CONSENTS, ...OPTIONAL_CONSENTS] as const;

export const RequiredConsentSchema = z.enum(REQUIRED_CONSENTS);
export type RequiredConsent = z.infer<typeof RequiredConsentSchema>;
export const ConsentDocumentSchema = z.enum(CONSENT_DOCUMENTS);
export type ConsentDocument = z.infer<typeof ConsentDocumentSchema>;

/** When each versioned text took effect (shown on /terms and /privacy). */
export const CONSENT_EFFECTIVE_DATES = { terms: '2026-12-06', privacy: '2026-12-06' } as const;

/** Sign-up's consents: the required ones must be ticked (`true`), marketing is optional. */
export const SignupConsentsSchema = z.object({
  terms: z.literal(true, { message: 'consent.termsRequired' }),
  privacy: z.literal(true, { message: 'consent.privacyRequired' }),
  age14: z.literal(true, { message: 'consent.age14Required' }),
  marketingEmail: z.boolean().optional(),
  marketingSms: z.boolean().optional(),
});
export type SignupConsents = z.infer<typeof SignupConsentsSchema>;

/** `POST /api/me/consents`: accept required documents (at their current versions) and/or set marketing. */
export const AcceptConsentsSchema = z
  .object({
    accept: z
      .array(RequiredConsentSchema)
      .max(REQUIRED_CONSENTS.length)
      .refine((a) => new Set(a).size === a.length, { message: 'consent.duplicate' })
      .default([]),
    marketingEmail: z.boolean().optional(),
    marketingSms: z.boolean().optional(),
  })
  .strict();
export type AcceptConsents = z.infer<typeof AcceptConsentsSchema>;

const Iso = z.iso.datetime({ offset: true });

export const ConsentRecordSchema = z.object({
  document: ConsentDocumentSchema,
  version: z.string(),
  granted: z.boolean(),
  at: Iso,
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const MarketingConsentSchema = z.object({
  granted: z.boolean(),
  /** When the current choice was made; null when never asked. */
  at: Iso.nullable(),
});
export type MarketingConsent = z.infer<typeof MarketingConsentSchema>;

/** `GET /api/me/consents`: the latest decision per document, and what is still required. */
export const ConsentStateSchema = z.object({
  accepted: z.array(ConsentRecordSchema),
  required: z.array(RequiredConsentSchema),
  marketingEmail: MarketingConsentSchema,
  marketingSms: MarketingConsentSchema,
});
export type ConsentState = z.infer<typeof ConsentStateSchema>;
