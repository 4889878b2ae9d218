import { z } from 'zod';
import { RegionSchema } from './domain.ts';

/** A place search's words: 1–40 characters after trimming (a name, a district, 초성). */
export const PLACE_QUERY_MAX = 40;

/** `GET /api/places?q=반포`: places whose name, address or 초성 match, best first. */
export const PlaceSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, { message: 'place.queryEmpty' })
    .max(PLACE_QUERY_MAX, { message: 'place.queryTooLong' }),
});
export type PlaceSearchQuery = z.input<typeof PlaceSearchQuerySchema>;

/** A found place: where the meeting pin goes, and the 시·도 suggested for the run. */
export const PlaceSchema = z.object({
  name: z.string(),
  /** Road (or lot) address from Kakao Local; the 시·도 and 시·군·구 for a built-in place. */
  address: z.string().optional(),
  lat: z.number(),
  lng: z.number(),
  region: RegionSchema,
});
export type Place = z.infer<typeof PlaceSchema>;

export const PlaceSearchResultSchema = z.object({ items: z.array(PlaceSchema) });
export type PlaceSearchResult = z.infer<typeof PlaceSearchResultSchema>;
