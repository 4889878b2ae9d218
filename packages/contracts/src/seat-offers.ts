import { z } from 'zod';

/**
 * Seat offers (DOMAIN.md "Seat offer", issue 17): a seat freed within 24 h of the start is held for the first
 * waitlisted runner until `expiresAt` (30 minutes, or the join deadline if sooner); they claim it
 * (`POST /api/runs/:runId/seat-offer/claim`) or give it up (`DELETE /api/runs/:runId/seat-offer`), and an
 * offer left alone lapses and passes to the next runner in line.
 */

/**
 * The caller's seat offer on a run's page (`myOffer`, signed-in callers only): `open` — theirs to claim until
 * `expiresAt`; `lapsed` — the window passed and the seat went to the next runner (they left the waitlist).
 * Null when there is nothing to show.
 */
export const MyOfferSchema = z.object({
  status: z.enum(['open', 'lapsed']),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type MyOffer = z.infer<typeof MyOfferSchema>;

/** A claimed offer: the caller is in the run. */
export const ClaimSeatOfferResultSchema = z.object({ status: z.literal('joined') });
export type ClaimSeatOfferResult = z.infer<typeof ClaimSeatOfferResultSchema>;
