import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crewCalendarFeeds, crews, runParticipants, runs, users } from '../../db/tables.ts';

export type CalendarRun = Pick<
  typeof runs.$inferSelect,
  | 'id'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'placeName'
  | 'placeLat'
  | 'placeLng'
  | 'cancelledAt'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'hostId'
>;

const columns = {
  id: runs.id,
  title: runs.title,
  description: runs.description,
  startsAt: runs.startsAt,
  endsAt: runs.endsAt,
  placeName: runs.placeName,
  placeLat: runs.placeLat,
  placeLng: runs.placeLng,
  cancelledAt: runs.cancelledAt,
  createdAt: runs.createdAt,
  updatedAt: runs.updatedAt,
  version: runs.version,
  hostId: runs.hostId,
};

export class CalendarRepository {
  constructor(private readonly db: Db) {}

  /** The user's feed token, null when none was made yet. */
  async tokenOf(userId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ token: users.calendarToken })
      .from(users)
      .where(eq(users.id, userId));
    return row?.token ?? null;
  }

  async userIdOfToken(token: string): Promise<string | undefined> {
    const [row] = await this.db.select({ id: users.id }).from(users).where(eq(users.calendarToken, token));
    return row?.id;
  }

  /** One run as the feed shows it (the same columns: the same bytes in both). */
  async run(runId: string): Promise<CalendarRun | undefined> {
    const [row] = await this.db.select(columns).from(runs).where(eq(runs.id, runId));
    return row;
  }

  /**
   * Runs the user hosts or has a seat in, from `since` on, cancelled ones included (a feed must say
   * "cancelled" for the event to disappear from the subscriber's calendar).
   */
  async runsOf(userId: string, since: Date): Promise<CalendarRun[]> {
    const joined = this.db
      .select({ runId: runParticipants.runId })
      .from(runParticipants)
      .where(and(eq(runParticipants.userId, userId), eq(runParticipants.status, 'joined')));
    return this.db
      .select(columns)
      .from(runs)
      .where(
        and(
          gte(runs.startsAt, since),
          or(eq(runs.hostId, userId), inArray(runs.id, joined)),
          // Hidden by reports: gone from its runners' calendars until a moderator decides, not from its host's.
          or(isNull(runs.hiddenAt), eq(runs.hostId, userId)),
        ),
      )
      .orderBy(runs.startsAt)
      .limit(500);
  }

  /** A live crew's name, or undefined. */
  async crewName(crewId: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ name: crews.name })
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
    return row?.name;
  }

  /** The crew's feed row (its token is derived from `createdAt`), or undefined when none was made yet. */
  async crewFeed(crewId: string): Promise<{ tokenHash: string; createdAt: Date } | undefined> {
    const [row] = await this.db
      .select({ tokenHash: crewCalendarFeeds.tokenHash, createdAt: crewCalendarFeeds.createdAt })
      .from(crewCalendarFeeds)
      .where(eq(crewCalendarFeeds.crewId, crewId));
    return row;
  }

  /** Makes the crew's first feed; a concurrent first call keeps the one that came first. */
  async createCrewFeed(crewId: string, tokenHash: string, createdAt: Date): Promise<void> {
    await this.db.insert(crewCalendarFeeds).values({ crewId, tokenHash, createdAt }).onConflictDoNothing();
  }

  /** Replaces the crew's feed address (rotation): the old one stops answering at once. */
  async replaceCrewFeed(crewId: string, tokenHash: string, createdAt: Date): Promise<void> {
    await this.db
      .insert(crewCalendarFeeds)
      .values({ crewId, tokenHash, createdAt })
      .onConflictDoUpdate({ target: crewCalendarFeeds.crewId, set: { tokenHash, createdAt } });
  }

  /** The live crew a feed token's hash belongs to. */
  async crewOfFeed(tokenHash: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await this.db
      .select({ id: crews.id, name: crews.name })
      .from(crewCalendarFeeds)
      .innerJoin(crews, eq(crews.id, crewCalendarFeeds.crewId))
      .where(and(eq(crewCalendarFeeds.tokenHash, tokenHash), isNull(crews.deletedAt)));
    return row;
  }

  /** The crew's runs from `since` on, members-only ones too (the feed's address is the members' secret). */
  async runsOfCrew(crewId: string, since: Date): Promise<CalendarRun[]> {
    return this.db
      .select(columns)
      .from(runs)
      .where(
        and(
          eq(runs.crewId, crewId),
          isNull(runs.cancelledAt),
          isNull(runs.hiddenAt),
          gte(runs.startsAt, since),
        ),
      )
      .orderBy(runs.startsAt)
      .limit(500);
  }
}
