import { crewNameKey } from '@erun/contracts';
import { containsPattern, parseSearch } from '../../lib/search-text.ts';
import { and, eq, getTableColumns, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { attendance, crewMembers, crews, runs, users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export type CrewRow = typeof crews.$inferSelect;
export type NewCrew = Omit<typeof crews.$inferInsert, 'id'>;

/** A crew in a list: the row without its search text, the caller's place in it. */
export type CrewCard = Omit<CrewRow, 'searchText' | 'inviteTokenHash'> & {
  viewerStatus: string | null;
  viewerRole: string | null;
};

export interface PersonRow {
  id: string;
  nickname: string;
  bio: string;
  runningLevel: string | null;
  avatarId: string | null;
  goodRunnerScore: number;
}

export type CrewDetail = CrewCard & {
  owner: PersonRow;
  staff: PersonRow[];
  runsThisMonth: number;
  kmThisMonth: number;
};

export interface CrewFilter {
  regions?: string[];
  days?: string[];
  /** Hours [from, to) of the usual time, one range per time of day asked for. */
  hourRanges?: [number, number][];
  pace?: number;
  beginner?: boolean;
  keyword?: string;
}

export interface MyCrewRow {
  id: string;
  name: string;
  logoId: string | null;
  role: string;
  memberCount: number;
}

/**
 * The activity key lists sort by, as one number the page cursor can carry: runs in the last 30 days first,
 * then members (both capped far beyond any real crew so the pair fits).
 */
const rank = sql<number>`(least(${crews.activityScore}, 999)::bigint * 1000000 + least(${crews.memberCount}, 999999))`;

/**
 * A keyword that is a crew's whole name, spaces aside ("반포달빛러너스"), lists that crew first: its words alone
 * may also find its neighbours (반포 is a place word too), which activity could put before it. The named crew's
 * key is lifted above every activity key (< 10⁹), so one statement and one cursor still serve the list.
 */
const NAMED_LIFT = 1_000_000_000;
function rankOf(filter: CrewFilter): SQL<number> {
  if (!filter.keyword) return rank;
  return sql<number>`(${rank} + case when ${crews.nameKey} = ${crewNameKey(filter.keyword)} then ${NAMED_LIFT}::bigint else 0 end)`;
}

const { searchText: _s, inviteTokenHash: _i, ...cardColumns } = getTableColumns(crews);

/**
 * The outer crew's id, always qualified: in a one-table select drizzle writes bare column names, which a
 * correlated subquery would bind to its own tables' columns instead.
 */
const crewIdRef = sql.raw('"crews"."id"');

/** A crew hidden by reports is listed for its members alone until a moderator decides (ADR 019). */
function unhidden(viewerId: string | null): SQL {
  if (viewerId === null) return isNull(crews.hiddenAt);
  return sql`(${crews.hiddenAt} is null or exists (select 1 from ${crewMembers} hm
    where hm.crew_id = ${crewIdRef} and hm.user_id = ${viewerId} and hm.status = 'member'))`;
}

function viewerColumns(userId: string | null) {
  if (userId === null)
    return { viewerStatus: sql<string | null>`null`, viewerRole: sql<string | null>`null` };
  return {
    viewerStatus: sql<string | null>`(select m.status from ${crewMembers} m
      where m.crew_id = ${crewIdRef} and m.user_id = ${userId})`,
    viewerRole: sql<string | null>`(select m.role from ${crewMembers} m
      where m.crew_id = ${crewIdRef} and m.user_id = ${userId} and m.status = 'member')`,
  };
}

/** The crews module's own tables: crews, and crew_members rows written when a crew is made. */
export class CrewsRepository {
  constructor(private readonly db: Db) {}

  /** The crew and its owner as member #1. */
  async create(tx: Tx, values: NewCrew, ownerId: string): Promise<CrewRow> {
    const db = sqlOf(tx);
    const [crew] = await db.insert(crews).values(values).returning();
    if (!crew) throw new Error('insert returned no row');
    await db.insert(crewMembers).values({
      crewId: crew.id,
      userId: ownerId,
      status: 'member',
      role: 'owner',
      createdAt: values.createdAt,
      decidedAt: values.createdAt,
    });
    return crew;
  }

  /** A live crew's row, locked until the unit of work ends. */
  async lock(tx: Tx, crewId: string): Promise<CrewRow | undefined> {
    const [row] = await sqlOf(tx)
      .select()
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)))
      .for('update');
    return row;
  }

  /** Hidden by reports (the reports module asks, in its unit of work); a hidden crew stays as it was. */
  /** Hides it (at) or shows it again (null); a no-op when it already is so. */
  async setHidden(tx: Tx, crewId: string, at: Date | null): Promise<void> {
    await sqlOf(tx)
      .update(crews)
      .set({ hiddenAt: at })
      .where(and(eq(crews.id, crewId), at ? isNull(crews.hiddenAt) : isNotNull(crews.hiddenAt)));
  }

  async update(tx: Tx, crewId: string, changes: Partial<NewCrew>): Promise<void> {
    await sqlOf(tx).update(crews).set(changes).where(eq(crews.id, crewId));
  }

  /** Members and pending requests other than this user (a crew becoming 여성 전용 has none). */
  async othersIn(tx: Tx, crewId: string, userId: string): Promise<number> {
    const [row] = await sqlOf(tx)
      .select({ n: sql<number>`count(*)::int` })
      .from(crewMembers)
      .where(
        and(
          eq(crewMembers.crewId, crewId),
          inArray(crewMembers.status, ['member', 'pending']),
          sql`${crewMembers.userId} <> ${userId}`,
        ),
      );
    return row?.n ?? 0;
  }

  /** The owner's id of a live crew. */
  async ownerOf(tx: Tx, crewId: string): Promise<string | undefined> {
    const [row] = await sqlOf(tx)
      .select({ userId: crewMembers.userId })
      .from(crewMembers)
      .where(and(eq(crewMembers.crewId, crewId), eq(crewMembers.role, 'owner')));
    return row?.userId;
  }

  /** A page of live crews by activity, in one statement. */
  async list(
    filter: CrewFilter,
    cursor: [number, string] | undefined,
    limit: number,
    viewerId: string | null,
  ): Promise<(CrewCard & { rank: number })[]> {
    const conditions: SQL[] = [isNull(crews.deletedAt), unhidden(viewerId), ...filterConditions(filter)];
    const key = rankOf(filter);
    if (cursor) conditions.push(sql`(${key}, ${crewIdRef}) < (${cursor[0]}, ${cursor[1]})`);
    const rows = await this.db
      .select({ crew: cardColumns, rank: key, ...viewerColumns(viewerId) })
      .from(crews)
      .where(and(...conditions))
      .orderBy(sql`${key} desc`, sql`${crewIdRef} desc`)
      .limit(limit);
    return rows.map((r) => ({
      ...(r.crew as Omit<CrewRow, 'searchText' | 'inviteTokenHash'>),
      rank: Number(r.rank),
      viewerStatus: r.viewerStatus,
      viewerRole: r.viewerRole,
    }));
  }

  /**
   * A live crew's page: the row, owner, staff and this month's runs held and kilometres run together (each
   * run's distance times its runners marked present; the attendance table is only read here).
   */
  async findDetail(
    crewId: string,
    viewerId: string | null,
    monthStart: Date,
    now: Date,
  ): Promise<CrewDetail | undefined> {
    const person = (alias: string) =>
      sql.raw(`json_build_object('id', ${alias}.id, 'nickname', ${alias}.nickname,
      'bio', ${alias}.bio, 'runningLevel', ${alias}.running_level, 'avatarId', ${alias}.avatar_id,
      'goodRunnerScore', ${alias}.good_runner_score)`);
    const heldRuns = sql`from ${runs} r where r.crew_id = ${crewIdRef} and r.cancelled_at is null
      and r.starts_at >= ${monthStart} and r.starts_at <= ${now}`;
    const [row] = await this.db
      .select({
        crew: cardColumns,
        ...viewerColumns(viewerId),
        owner: sql<PersonRow>`(select ${person('u')} from ${crewMembers} m join ${users} u on u.id = m.user_id
          where m.crew_id = ${crewIdRef} and m.role = 'owner' and m.status = 'member')`,
        staff: sql<
          PersonRow[]
        >`(select coalesce(json_agg(${person('u')} order by m.decided_at, m.user_id), '[]'::json)
          from ${crewMembers} m join ${users} u on u.id = m.user_id
          where m.crew_id = ${crewIdRef} and m.role = 'staff' and m.status = 'member')`,
        runsThisMonth: sql<number>`(select count(*)::int ${heldRuns})`,
        kmThisMonth: sql<number>`(select coalesce(sum(r.distance_km * (select count(*) from ${attendance} a
          where a.run_id = r.id and a.present)), 0)::float8 ${heldRuns})`,
      })
      .from(crews)
      .where(and(eq(crews.id, crewId), isNull(crews.deletedAt)));
    if (!row?.owner) return undefined;
    return {
      ...(row.crew as Omit<CrewRow, 'searchText' | 'inviteTokenHash'>),
      viewerStatus: row.viewerStatus,
      viewerRole: row.viewerRole,
      owner: row.owner,
      staff: row.staff,
      runsThisMonth: Number(row.runsThisMonth),
      kmThisMonth: Number(row.kmThisMonth),
    };
  }

  /** The live crews a user is a member of, owner first, then staff, then by name. */
  async mine(userId: string, staffOnly: boolean): Promise<MyCrewRow[]> {
    const roles = staffOnly ? ['owner', 'staff'] : ['owner', 'staff', 'member'];
    return this.db
      .select({
        id: crews.id,
        name: crews.name,
        logoId: crews.logoId,
        role: crewMembers.role,
        memberCount: crews.memberCount,
      })
      .from(crewMembers)
      .innerJoin(crews, eq(crews.id, crewMembers.crewId))
      .where(
        and(
          eq(crewMembers.userId, userId),
          eq(crewMembers.status, 'member'),
          inArray(crewMembers.role, roles),
          isNull(crews.deletedAt),
        ),
      )
      .orderBy(
        sql`case ${crewMembers.role} when 'owner' then 0 when 'staff' then 1 else 2 end`,
        crews.name,
        crews.id,
      );
  }

  /**
   * Sets every live crew's activity score to its runs started in the 30 days before `now` (not cancelled);
   * only crews whose score changes are written. Returns how many changed.
   */
  async refreshActivity(now: Date): Promise<number> {
    const since = new Date(now.getTime() - 30 * 86_400_000);
    const rows = await rawRows<{ id: string }>(
      this.db,
      sql`update ${crews} c set activity_score = s.n
        from (select c2.id, (select count(*)::int from ${runs} r where r.crew_id = c2.id
                and r.cancelled_at is null and r.starts_at >= ${since} and r.starts_at <= ${now}) as n
              from ${crews} c2 where c2.deleted_at is null) s
        where c.id = s.id and c.activity_score <> s.n
        returning c.id`,
    );
    return rows.length;
  }

  /**
   * Seed data and tests only: puts users in a crew as members with a role and moves its member count (the
   * membership module owns joining through the API).
   */
  async addMembers(tx: Tx, crewId: string, members: { userId: string; role: string }[], now: Date) {
    if (members.length === 0) return;
    const db = sqlOf(tx);
    const added = await db
      .insert(crewMembers)
      .values(
        members.map((m) => ({
          crewId,
          userId: m.userId,
          status: 'member',
          role: m.role,
          createdAt: now,
          decidedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ userId: crewMembers.userId });
    await db
      .update(crews)
      .set({ memberCount: sql`${crews.memberCount} + ${added.length}` })
      .where(eq(crews.id, crewId));
  }
}

function filterConditions(f: CrewFilter): SQL[] {
  const c: SQL[] = [];
  if (f.regions?.length) c.push(sql`${crews.regions} ?| ${sqlTextArray(f.regions)}`);
  if (f.days?.length) c.push(sql`${crews.days} ?| ${sqlTextArray(f.days)}`);
  if (f.hourRanges?.length) {
    const hour = sql`substr(${crews.usualTime}, 1, 2)::int`;
    const ranges = f.hourRanges.map(([from, to]) => sql`(${hour} >= ${from} and ${hour} < ${to})`);
    c.push(sql`(${crews.usualTime} is not null and (${sql.join(ranges, sql` or `)}))`);
  }
  if (f.pace !== undefined) {
    c.push(sql`${crews.paceMin} <= ${f.pace} and ${crews.paceMax} >= ${f.pace}`);
  }
  if (f.beginner !== undefined) c.push(eq(crews.beginnerFriendly, f.beginner));
  if (f.keyword) c.push(keywordCondition(f.keyword));
  return c;
}

/**
 * A keyword matches when each of its tokens (lib/search-text.ts: words, and the synonyms and distances inside
 * them) is in the crew's search text in any spelling ("반포 초보": the name and the level line; "반포 달리기"
 * finds "반포 러닝크루"), or when, spaces dropped, the whole keyword is in the name key: names are unique
 * ignoring spaces (DOMAIN.md), so "반포달빛" and "달빛 러너스" find "반포 달빛러너스". Both sides are `searchKey`s.
 */
function keywordCondition(keyword: string): SQL {
  const search = parseSearch(keyword);
  const nameHas = sql`${crews.nameKey} like ${containsPattern(crewNameKey(keyword))}`;
  if (!search) return nameHas;
  const everyToken = search.tokens.map((t) => {
    const any = t.spellings.map((s) => sql`${crews.searchText} like ${containsPattern(s)}`);
    return sql`(${sql.join(any, sql` or `)})`;
  });
  return sql`((${sql.join(everyToken, sql` and `)}) or ${nameHas})`;
}

function sqlTextArray(values: string[]): SQL {
  return sql`${`{${values.join(',')}}`}::text[]`;
}
