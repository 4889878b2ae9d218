import { z } from 'zod';
import { PublicUserSchema } from './users.ts';

export const COMMENT_MAX = 1000;

export const WriteCommentSchema = z.object({
  content: z
    .string()
    .trim()
    .min(1, { message: 'comment.required' })
    .max(COMMENT_MAX, { message: 'comment.tooLong' }),
});
export type WriteComment = z.infer<typeof WriteCommentSchema>;

export const CommentAuthorSchema = PublicUserSchema.pick({
  id: true,
  nickname: true,
  avatar: true,
  runningLevel: true,
});

export const CommentSchema = z.object({
  id: z.uuid(),
  /** Empty when deleted: a deleted comment with replies stays as a placeholder. */
  content: z.string(),
  deleted: z.boolean(),
  /**
   * Reported by enough people and hidden until a moderator decides: to everyone but its author a folded
   * placeholder (empty content, no author) that keeps its replies; its author still reads it.
   */
  hidden: z.boolean(),
  author: CommentAuthorSchema.nullable(),
  parentId: z.uuid().nullable(),
  replyCount: z.number().int(),
  edited: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  /**
   * The reader blocked its author (DOMAIN.md "Safety and reliability"): shown folded, opened on request.
   * Computed per reader; always false for guests.
   */
  folded: z.boolean(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const CommentPageSchema = z.object({
  items: z.array(CommentSchema),
  nextCursor: z.string().nullable(),
});
export type CommentPage = z.infer<typeof CommentPageSchema>;
