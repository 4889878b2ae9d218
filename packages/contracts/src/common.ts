import { z } from 'zod';

export const StatusSchema = z.object({ status: z.literal('ok') });

/** `/api/ready`: ready, and which accelerators (Redis) it is serving without right now (ADR 013). */
export const ReadySchema = StatusSchema.extend({ degraded: z.array(z.enum(['redis'])).optional() });

/** Cursor pages: `{ items, nextCursor }`, nextCursor null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const PageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Public settings the web app needs at start (GET /api/config). */
export const AppConfigSchema = z.object({
  tileUrl: z.string(),
  tileAttribution: z.string(),
  kakaoJsKey: z.string().nullable(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

/** A comma-separated list of enum values in a query string: `region=seoul,busan`. */
export function csv<const V extends readonly [string, ...string[]]>(values: V) {
  return z
    .string()
    .max(500)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));
}
