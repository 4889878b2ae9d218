import { z } from 'zod';

export const StatusSchema = z.object({ status: z.literal('ok') });

/** Cursor pages: `{ items, nextCursor }`, nextCursor null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const PageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
