import { z } from 'zod';
import { ImageSchema } from './users.ts';

export const NOTIFICATION_CATEGORIES = [
  'comment',
  'reply',
  'run_updated',
  'run_cancelled',
  'run_joined',
  'run_left',
  'waitlist_promoted',
  'run_removed',
  'reminder_dday',
  'reminder_soon',
  'reminder_attendance',
  'review_request',
  'review_received',
  'badge_earned',
  'new_sign_in',
  'crew_join_request',
  'crew_joined',
  'crew_refused',
  'crew_removed',
  'crew_role_changed',
  'crew_member_promoted',
  'crew_announcement',
  'series_opened',
  'chat_message',
  'chat_mention',
  'attendance_absent',
  'attendance_dispute',
  'dispute_resolved',
  'seat_offered',
  'moderation_notice',
  'saved_search_match',
] as const;
export const NotificationCategorySchema = z.enum(NOTIFICATION_CATEGORIES);
export type NotificationCategory = z.infer<typeof NotificationCategorySchema>;

export const NotificationSchema = z.object({
  id: z.uuid(),
  category: NotificationCategorySchema,
  actor: z.object({ id: z.uuid(), nickname: z.string(), avatar: ImageSchema.nullable() }).nullable(),
  /** Values for the message: the run's or course's title, a removal reason… */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const MarkReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkRead = z.infer<typeof MarkReadSchema>;
