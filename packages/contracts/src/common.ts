import { z } from 'zod';

export const StatusSchema = z.object({ status: z.literal('ok') });

/** `/api/ready`: ready, and which accelerators (Redis) it is serving without right now (ADR 014). */
export const ReadySchema = StatusSchema.extend({ degraded: z.array(z.enum(['redis'])).optional() });

/** Cursor pages: `{ items, nextCursor }`, nextCursor null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * A page cursor as the server hands it out (base64url JSON of the last item's sort key and id). The server
 * decodes and range-checks what is inside (`apps/server/src/lib/cursor.ts`); here only its shape.
 */
export const CursorSchema = z
  .string()
  .max(300, { message: 'cursor.invalid' })
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'cursor.invalid' });

/** The days a query may name: a running calendar has no business before 2000 or after 2100. */
export const DAY_RANGE = { min: '2000-01-01', max: '2100-12-31' } as const;

/** A calendar day `YYYY-MM-DD` that exists (not 2026-02-31, not 9999-99-99), within DAY_RANGE. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.invalid' })
  .refine(isRealDay, { message: 'date.invalid' })
  .refine((day) => day >= DAY_RANGE.min && day <= DAY_RANGE.max, { message: 'date.outOfRange' });

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

export const PageQuerySchema = z.object({
  cursor: CursorSchema.optional(),
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

/** The languages of the app, and of the mail and texts a user receives (Korean first). */
export const LOCALES = ['ko', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
