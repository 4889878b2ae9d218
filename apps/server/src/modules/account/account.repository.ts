import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import {
  accountTokens,
  attendance,
  authSessions,
  chatMessages,
  chatReads,
  comments,
  courseBookmarks,
  courseRatings,
  courses,
  hostReviews,
  notifications,
  oauthAccounts,
  outboundMails,
  phoneVerifications,
  pushSubscriptions,
  refreshTokens,
  runBookmarks,
  runParticipants,
  runs,
  uploads,
  userBadges,
  users,
} from '../../db/tables.ts';

export type UserRow = typeof users.$inferSelect;

/** Stats, the data export and the erasure of an account: the account's own rows across every table. */
export class AccountRepository {
  constructor(private readonly db: Db) {}

  async user(userId: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, userId));
    return row;
  }

  /** Everything we hold about a user, table by table; other users appear only by nickname. */
  async exportOf(userId: string) {
    const db = this.db;
    const [
      oauth,
      hosted,
      participations,
      attended,
      reviewsWritten,
      reviewsReceived,
      myComments,
      myCourses,
      ratings,
      runMarks,
      courseMarks,
      myNotifications,
      chat,
      push,
      badges,
      sessions,
      files,
    ] = await Promise.all([
      db
        .select({
          provider: oauthAccounts.provider,
          providerUserId: oauthAccounts.providerUserId,
          linkedAt: oauthAccounts.createdAt,
        })
        .from(oauthAccounts)
        .where(eq(oauthAccounts.userId, userId)),
      db
        .select({
          id: runs.id,
          title: runs.title,
          description: runs.description,
          startsAt: runs.startsAt,
          endsAt: runs.endsAt,
          meetAt: runs.meetAt,
          joinDeadline: runs.joinDeadline,
          meetingPlace: runs.placeName,
          lat: runs.placeLat,
          lng: runs.placeLng,
          route: runs.route,
          segmentStarts: runs.segmentStarts,
          distanceKm: runs.distanceKm,
          capacity: runs.capacity,
          theme: runs.theme,
          region: runs.region,
          paceSecPerKm: runs.paceSecPerKm,
          parking: runs.parking,
          baggage: runs.baggage,
          cancelledAt: runs.cancelledAt,
          createdAt: runs.createdAt,
        })
        .from(runs)
        .where(eq(runs.hostId, userId))
        .orderBy(desc(runs.startsAt)),
      db
        .select({
          runId: runParticipants.runId,
          runTitle: runs.title,
          startsAt: runs.startsAt,
          status: runParticipants.status,
          removedReason: runParticipants.removedReason,
          joinedAt: runParticipants.createdAt,
        })
        .from(runParticipants)
        .innerJoin(runs, eq(runs.id, runParticipants.runId))
        .where(sql`${runParticipants.userId} = ${userId} and ${runs.hostId} <> ${userId}`)
        .orderBy(desc(runs.startsAt)),
      db
        .select({
          runId: attendance.runId,
          runTitle: runs.title,
          present: attendance.present,
          recordedAt: attendance.recordedAt,
        })
        .from(attendance)
        .innerJoin(runs, eq(runs.id, attendance.runId))
        .where(eq(attendance.userId, userId)),
      db
        .select({
          runId: hostReviews.runId,
          runTitle: runs.title,
          hostNickname: users.nickname,
          positive: hostReviews.positive,
          categories: hostReviews.categories,
          note: hostReviews.note,
          createdAt: hostReviews.createdAt,
        })
        .from(hostReviews)
        .innerJoin(runs, eq(runs.id, hostReviews.runId))
        .innerJoin(users, eq(users.id, hostReviews.hostId))
        .where(eq(hostReviews.reviewerId, userId)),
      // Reviews of me as a host: what they said, never who said it (reviews are anonymous to the host).
      db
        .select({
          runId: hostReviews.runId,
          runTitle: runs.title,
          positive: hostReviews.positive,
          categories: hostReviews.categories,
          note: hostReviews.note,
          createdAt: hostReviews.createdAt,
        })
        .from(hostReviews)
        .innerJoin(runs, eq(runs.id, hostReviews.runId))
        .where(eq(hostReviews.hostId, userId)),
      db
        .select({
          id: comments.id,
          runId: comments.runId,
          courseId: comments.courseId,
          parentId: comments.parentId,
          content: comments.content,
          createdAt: comments.createdAt,
          editedAt: comments.editedAt,
          deletedAt: comments.deletedAt,
        })
        .from(comments)
        .where(eq(comments.authorId, userId)),
      db
        .select({
          id: courses.id,
          title: courses.title,
          description: courses.description,
          route: courses.route,
          segmentStarts: courses.segmentStarts,
          distanceKm: courses.distanceKm,
          region: courses.region,
          theme: courses.theme,
          startName: courses.startName,
          paceSecPerKm: courses.paceSecPerKm,
          parking: courses.parking,
          baggage: courses.baggage,
          toilets: courses.toilets,
          water: courses.water,
          createdAt: courses.createdAt,
        })
        .from(courses)
        .where(eq(courses.authorId, userId)),
      db
        .select({
          courseId: courseRatings.courseId,
          courseTitle: courses.title,
          stars: courseRatings.stars,
          at: courseRatings.updatedAt,
        })
        .from(courseRatings)
        .innerJoin(courses, eq(courses.id, courseRatings.courseId))
        .where(eq(courseRatings.userId, userId)),
      db
        .select({ runId: runBookmarks.runId, runTitle: runs.title, at: runBookmarks.createdAt })
        .from(runBookmarks)
        .innerJoin(runs, eq(runs.id, runBookmarks.runId))
        .where(eq(runBookmarks.userId, userId)),
      db
        .select({
          courseId: courseBookmarks.courseId,
          courseTitle: courses.title,
          at: courseBookmarks.createdAt,
        })
        .from(courseBookmarks)
        .innerJoin(courses, eq(courses.id, courseBookmarks.courseId))
        .where(eq(courseBookmarks.userId, userId)),
      db
        .select({
          category: notifications.category,
          data: notifications.data,
          link: notifications.link,
          readAt: notifications.readAt,
          createdAt: notifications.createdAt,
        })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.createdAt)),
      db
        .select({
          runId: chatMessages.runId,
          content: chatMessages.content,
          createdAt: chatMessages.createdAt,
        })
        .from(chatMessages)
        .where(eq(chatMessages.authorId, userId))
        .orderBy(chatMessages.createdAt),
      db
        .select({ endpoint: pushSubscriptions.endpoint, createdAt: pushSubscriptions.createdAt })
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId)),
      db
        .select({ badge: userBadges.badge, awardedAt: userBadges.awardedAt })
        .from(userBadges)
        .where(eq(userBadges.userId, userId)),
      // Signed-in devices: what the sessions list shows, never a token or the device cookie's hash.
      db
        .select({
          id: authSessions.id,
          userAgent: authSessions.userAgent,
          ip: authSessions.ip,
          createdAt: authSessions.createdAt,
          lastUsedAt: authSessions.lastUsedAt,
          revokedAt: authSessions.revokedAt,
        })
        .from(authSessions)
        .where(eq(authSessions.userId, userId))
        .orderBy(desc(authSessions.lastUsedAt)),
      db
        .select({
          id: uploads.id,
          purpose: uploads.purpose,
          width: uploads.width,
          height: uploads.height,
          createdAt: uploads.createdAt,
        })
        .from(uploads)
        .where(eq(uploads.ownerId, userId)),
    ]);
    return {
      oauth,
      hosted,
      participations,
      attended,
      reviewsWritten,
      reviewsReceived,
      comments: myComments,
      courses: myCourses,
      ratings,
      bookmarks: { runs: runMarks, courses: courseMarks },
      notifications: myNotifications,
      chat,
      push,
      badges,
      sessions,
      files,
    };
  }

  /**
   * Erases the personal data an account has in other tables, in the caller's unit of work, the user's row
   * locked first; the users module then empties the row itself (`UsersService.erase`). Returns the avatar
   * upload to remove and when the account was already deleted, if it was.
   */
  async erase(
    unit: Tx,
    userId: string,
  ): Promise<{ avatarId: string | null; deletedAt: Date | null } | undefined> {
    const tx = sqlOf(unit);
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) return undefined;
    await tx.delete(oauthAccounts).where(eq(oauthAccounts.userId, userId));
    await tx.delete(refreshTokens).where(eq(refreshTokens.userId, userId));
    // Devices, mailed links and mail not sent yet (it would go to an address the account no longer has).
    await tx.delete(authSessions).where(eq(authSessions.userId, userId));
    await tx.delete(accountTokens).where(eq(accountTokens.userId, userId));
    await tx.delete(outboundMails).where(eq(outboundMails.userId, userId));
    await tx.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
    await tx.delete(phoneVerifications).where(eq(phoneVerifications.userId, userId));
    await tx.delete(runBookmarks).where(eq(runBookmarks.userId, userId));
    await tx.delete(chatReads).where(eq(chatReads.userId, userId));
    await tx.delete(userBadges).where(eq(userBadges.userId, userId));
    // Course bookmarks carry a counter on the course: keep it exact.
    const marked = await tx
      .delete(courseBookmarks)
      .where(eq(courseBookmarks.userId, userId))
      .returning({ courseId: courseBookmarks.courseId });
    for (const { courseId } of marked) {
      await tx
        .update(courses)
        .set({ bookmarkCount: sql`greatest(${courses.bookmarkCount} - 1, 0)` })
        .where(eq(courses.id, courseId));
    }
    return { avatarId: user.avatarId, deletedAt: user.deletedAt };
  }

  /** Runs still ahead the user holds a seat or place in (a join that raced the deletion). */
  async stillIn(userId: string, now: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(runParticipants)
      .innerJoin(runs, eq(runs.id, runParticipants.runId))
      .where(
        sql`${runParticipants.userId} = ${userId} and ${runParticipants.status} in ('joined', 'waitlisted')
          and ${runs.cancelledAt} is null and ${runs.startsAt} > ${now}`,
      );
    return Number(row?.n ?? 0);
  }
}
