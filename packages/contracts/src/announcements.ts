import { z } from 'zod';
import { CREW_LIMITS } from './crew-basics.ts';
import { PublicUserSchema } from './users.ts';

const Title = z
  .string()
  .trim()
  .min(1, { message: 'announcement.titleRequired' })
  .max(CREW_LIMITS.announcementTitleMax, { message: 'announcement.titleTooLong' });
const Content = z
  .string()
  .trim()
  .min(1, { message: 'announcement.contentRequired' })
  .max(CREW_LIMITS.announcementContentMax, { message: 'announcement.contentTooLong' });

/** A staff post (공지) to a crew's members: `POST /api/crews/:crewId/announcements`. */
export const CreateAnnouncementSchema = z.object({
  title: Title,
  content: Content,
  pinned: z.boolean().default(false),
});
export type CreateAnnouncement = z.infer<typeof CreateAnnouncementSchema>;

/** Any of the fields; `{pinned}` alone pins or unpins. */
export const UpdateAnnouncementSchema = z
  .object({ title: Title, content: Content, pinned: z.boolean() })
  .partial()
  .refine((u) => Object.keys(u).length > 0, { message: 'announcement.empty' });
export type UpdateAnnouncement = z.infer<typeof UpdateAnnouncementSchema>;

export const AnnouncementSchema = z.object({
  id: z.uuid(),
  crewId: z.uuid(),
  /** The crew's name, for the page's heading and its way back. */
  crewName: z.string(),
  author: PublicUserSchema,
  title: z.string(),
  content: z.string(),
  pinned: z.boolean(),
  commentCount: z.number().int(),
  /** The viewer may edit, pin and delete it: its author or the crew's staff. */
  canEdit: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** Pinned ones first, then the newest. */
export const AnnouncementPageSchema = z.object({
  items: z.array(AnnouncementSchema),
  nextCursor: z.string().nullable(),
  /** The viewer is the crew's owner or staff: they may post. */
  canWrite: z.boolean(),
});
export type AnnouncementPage = z.infer<typeof AnnouncementPageSchema>;
