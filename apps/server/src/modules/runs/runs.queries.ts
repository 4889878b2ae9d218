import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { RUN_LIMITS } from '@erun/contracts';
import type { Db } from '../../db/client.ts';
import {
  containsPattern,
  RUN_SEARCH_LINES,
  type SearchQuery,
  type SearchToken,
} from '../../lib/search-text.ts';
import { memberCrewsOf, staffCrewsOf } from '../crews/index.ts';
import {
  attendance,
  crewMembers,
  crews,
  hostReviews,
  runCohosts,
  runBookmarks,
  runPaceGroups,
  runParticipants,
  runPhotos,
  runs,
  seatOffers,
  users,
} from '../../db/tables.ts';

/**
 * The runs read path: a page of the feed and a run's page, each in ONE statement whatever the page size.
 * Photos, the caller's status, waitlist place and bookmark, and the participants come from correlated
 * subqueries in the select list, which PostgreSQL evaluates only for the rows returned (after the LIMIT).
 */

export type RunRow = typeof runs.$inferSelect;
const GOING_SHOWN = RUN_LIMITS.goingShown;

/** The caller's place in a run, as the read path finds it (runs.presenter.ts shows it). */
export interface ViewerState {
  status: string | null;
  position: number | null;
  bookmarked: boolean;
  /** Host, co-host, or staff of the run's crew. */
  manages: boolean;
  /** A member of the run's crew. */
  crewMember: boolean;
  /** The caller's latest seat offer for the run (issue 17), read on a run's page only. */
  offer?: SeatOfferState | null;
  /** The caller's pace group (read with the caller's state alone, for a shared page). */
  paceGroupId?: string | null;
}

/** A seat offer as the read path finds it (`expiresAt`: JSON's timestamp text). */
export interface SeatOfferState {
  status: string;
  expiresAt: string;
}

/** The user's latest seat offer for the run, as one JSON value (null: none). */
export function seatOfferSql(userId: string, runId: SQL = sql`${runs.id}`) {
  return sql<SeatOfferState | null>`(select json_build_object('status', so.status, 'expiresAt', so.expires_at)
    from ${seatOffers} so where so.run_id = ${runId} and so.user_id = ${userId}
    order by so.offered_at desc, so.id desc limit 1)`;
}

export const hostColumns = {
  id: users.id,
  nickname: users.nickname,
  bio: users.bio,
  runningLevel: users.runningLevel,
  avatarId: users.avatarId,
  goodRunnerScore: users.goodRunnerScore,
  runsHosted: users.runsHosted,
};
export type HostRow = Pick<
  typeof users.$inferSelect,
  'id' | 'nickname' | 'bio' | 'runningLevel' | 'avatarId' | 'goodRunnerScore' | 'runsHosted'
>;

// A card needs neither the route (up to 5,000 points) nor the search text: they are not read for lists.
const { route: _route, searchText: _searchText, ...cardColumns } = getTableColumns(runs);

export interface ParticipantRow {
  id: string;
  nickname: string;
  avatarId: string | null;
  runningLevel: string | null;
  /** On a run's page: the pace group they run in. */
  paceGroupId?: string | null;
}

/** A pace group as a run's page reads it: its seats and waitlist counted, its pacer. */
export interface PaceGroupDetailRow {
  id: string;
  paceSecPerKm: number;
  capacity: number;
  participantCount: number;
  waitlistCount: number;
  pacer: ParticipantRow | null;
}

/** The crew a run belongs to, as its card shows it. */
export interface CrewChipRow {
  id: string;
  name: string;
  logoId: string | null;
}

export type RunCard = Omit<RunRow, 'route' | 'searchText'> & {
  host: HostRow;
  photoIds: string[];
  /** Undefined for a guest. */
  viewer: ViewerState | undefined;
  crew: CrewChipRow | null;
  coHosts: ParticipantRow[];
  guestCount: number;
  /** The first seated runners (host first), for the card's "who's going" avatars. */
  going: ParticipantRow[];
  /** Its pace groups' paces (s/km), fastest first; empty: one group for all. */
  groupPaces: number[];
  /** The run's score in a ranked order (`relevance`: the keyword's match; `recommended`): the cursor carries it. */
  score?: number;
};

export type RunDetail = RunCard & {
  route: [number, number][];
  participants: ParticipantRow[];
  paceGroups: PaceGroupDetailRow[];
  /** The caller's pace group (undefined for a guest). */
  myPaceGroupId?: string | null;
};

export interface RunFilter {
  regions?: string[];
  themes?: string[];
  timesOfDay?: string[];
  /** Union of [min, max) ranges in km. */
  distanceRanges?: [number, number][];
  from?: Date;
  to?: Date;
  /** A parsed keyword (lib/search-text.ts): every token in title, place, description, host or crew. */
  keyword?: SearchQuery;
  /** Bounding box of the near-me circle; the exact radius is checked with haversine. */
  near?: { lat: number; lng: number; radiusKm: number };
  /** Meeting place inside the box, edges included (west ≤ east: the contract refuses the antimeridian). */
  bbox?: { south: number; west: number; north: number; east: number };
  openAfter?: Date;
  hostId?: string;
  crewId?: string;
  bookmarkedBy?: string;
  /** Only 여성 전용 runs. */
  womenOnly?: boolean;
  /** Pace in s/km within [min, max]; a run without a pace does not match. */
  pace?: [number, number];
  /**
   * Who reads (members-only runs: DOMAIN.md "Crews"): null, a guest — public runs only; else the crews the
   * reader is a member of, and the runs they host, co-host or are in.
   */
  reader: { userId: string } | null;
  /** Instead of `reader`: these runs (found visible to the reader already: `beyondGuestsSql`). */
  onlyIds?: string[];
}

/**
 * `relevance`: a keyword's best matches first, then by start time (the keyword's `soonest`).
 * `recommended`: the Rank score first, then by start time.
 */
export type RunSort = 'soonest' | 'newest' | 'popular' | 'recommended' | 'relevance';

/**
 * What the `recommended` order scores a run by (an integer, higher first; ties by start time, then id):
 * a run of a crew the reader is a member of +4; in one of their preferred regions +2; in their preferred
 * distance bucket +1; its meeting point within 3 km of `near` +2, within 10 km +1.
 */
export interface Rank {
  readerId: string | null;
  regions: string[];
  distanceRange: [number, number] | null;
  near: { lat: number; lng: number } | null;
}
export const RANK_WEIGHTS = { myCrew: 4, region: 2, distance: 1, near3km: 2, near10km: 1 } as const;
export type Cursor = [string | number | [number, string], string];

const photoIds = sql<string[]>`coalesce((select array_agg(p.upload_id::text order by p.position)
  from ${runPhotos} p where p.run_id = ${runs.id}), '{}'::text[])`;

function viewerColumns(userId: string) {
  return {
    myStatus: sql<string | null>`(select m.status from ${runParticipants} m
      where m.run_id = ${runs.id} and m.user_id = ${userId})`,
    // 1-based place among the waiting (of the caller's pace group), in the order they queued; 0 when the
    // caller is not waiting.
    position: sql<number>`(select count(*)::int from ${runParticipants} m, ${runParticipants} q
      where m.run_id = ${runs.id} and m.user_id = ${userId} and m.status = 'waitlisted'
      and q.run_id = ${runs.id} and q.status = 'waitlisted'
      and q.pace_group_id is not distinct from m.pace_group_id
      and (q.created_at, q.user_id) <= (m.created_at, m.user_id))`,
    bookmarked: sql<boolean>`exists (select 1 from ${runBookmarks} b
      where b.user_id = ${userId} and b.run_id = ${runs.id})`,
    manages: managesSql(userId),
    crewMember: sql<boolean>`coalesce(${runs.crewId} in ${memberCrewsOf(userId)}, false)`,
  };
}

/** Whether the user manages the run: its host, a co-host, or staff of its crew. */
export function managesSql(userId: string, run: Omit<RunRefs, 'visibility' | 'hiddenAt'> = RUN_REFS) {
  return sql<boolean>`(${run.hostId} = ${userId}
    or exists (select 1 from ${runCohosts} mh where mh.run_id = ${run.id} and mh.user_id = ${userId})
    or coalesce(${run.crewId} in ${staffCrewsOf(userId)}, false))`;
}
/** A run's columns as SQL, for rules written once and used under any alias. */
export interface RunRefs {
  id: SQL;
  hostId: SQL;
  crewId: SQL;
  visibility: SQL;
  hiddenAt: SQL;
}
const RUN_REFS: RunRefs = {
  id: sql`${runs.id}`,
  hostId: sql`${runs.hostId}`,
  crewId: sql`${runs.crewId}`,
  visibility: sql`${runs.visibility}`,
  hiddenAt: sql`${runs.hiddenAt}`,
};

// The crew's chip (a deleted crew shows none), the co-hosts in the order they were added, and the seated
// runners who are not members of the crew (neither the host nor a co-host): the guests.
const crewChip = sql<CrewChipRow | null>`(select json_build_object('id', c.id, 'name', c.name, 'logoId', c.logo_id)
  from ${crews} c where c.id = ${runs.crewId} and c.deleted_at is null)`;
const coHosts = sql<ParticipantRow[]>`(select coalesce(json_agg(json_build_object(
    'id', u.id, 'nickname', u.nickname, 'avatarId', u.avatar_id, 'runningLevel', u.running_level
  ) order by h.created_at, h.user_id), '[]'::json)
  from ${runCohosts} h join ${users} u on u.id = h.user_id where h.run_id = ${runs.id})`;
const guestCount = sql<number>`(case when ${runs.crewId} is null then 0 else (select count(*)::int
  from ${runParticipants} g where g.run_id = ${runs.id} and g.status = 'joined' and g.user_id <> ${runs.hostId}
  and not exists (select 1 from ${runCohosts} h where h.run_id = g.run_id and h.user_id = g.user_id)
  and not exists (select 1 from ${crewMembers} m
    where m.crew_id = ${runs.crewId} and m.user_id = g.user_id and m.status = 'member')) end)`;
// The first seated runners in the order they joined (the host is #1): a LIMITed index-only scan of
// run_participants_going_idx per returned row, in the page's one statement.
const going = sql<ParticipantRow[]>`(select coalesce(json_agg(json_build_object(
    'id', u.id, 'nickname', u.nickname, 'avatarId', u.avatar_id, 'runningLevel', u.running_level
  ) order by g.created_at, g.user_id), '[]'::json)
  from (select p.user_id, p.created_at from ${runParticipants} p
    where p.run_id = ${runs.id} and p.status = 'joined'
    order by p.created_at, p.user_id limit ${sql.raw(String(GOING_SHOWN))}) g
  join ${users} u on u.id = g.user_id)`;
// A card's pace groups, fastest first: their paces alone (the page reads the groups in full).
const groupPaces = sql<
  number[]
>`(select coalesce(json_agg(pg.pace_sec_per_km order by pg.position), '[]'::json)
  from ${runPaceGroups} pg where pg.run_id = ${runs.id})`;
const crewColumns = { crew: crewChip, coHosts, guestCount, groupPaces };

/**
 * Runs the reader may see: public ones, and members-only ones of their crews or that they host, co-host or are
 * in (DOMAIN.md "Crews"); a run hidden by reports only its host (ADR 019). The one copy of the rule in SQL: the
 * feed, a run's page and (through `index.ts`, with `run` naming another alias's columns) other modules'
 * statements about runs.
 */
export function visibleTo(reader: RunFilter['reader'], run: RunRefs = RUN_REFS): SQL {
  const isPublic = sql`${run.visibility} = ${'public'}`;
  if (reader === null) return sql`(${isPublic} and ${run.hiddenAt} is null)`;
  const { userId } = reader;
  // Hidden by reports: until a moderator decides, its host alone still finds it.
  return sql`((${run.hiddenAt} is null or ${run.hostId} = ${userId}) and (${isPublic}
    or coalesce(${run.crewId} in ${memberCrewsOf(userId)}, false)
    or ${run.hostId} = ${userId}
    or exists (select 1 from ${runCohosts} h where h.run_id = ${run.id} and h.user_id = ${userId})
    or exists (select 1 from ${runParticipants} s where s.run_id = ${run.id} and s.user_id = ${userId}
      and s.status in ('joined', 'waitlisted'))))`;
}

/**
 * The runs a reader sees and a guest does not — `visibleTo(reader)` minus `visibleTo(null)`: members-only runs
 * of their crews and those they host, co-host or are in, and the hidden runs they host. Found from both sides
 * through small partial indexes (members-only runs ahead are few among all runs; a host's members-only or
 * hidden ones fewer), so it costs a few index lookups — none of the feed's planning. `ahead`: only runs
 * starting after it.
 */
export function beyondGuestsSql(userId: string, ahead: Date | undefined): SQL {
  const after = ahead ? sql`and x.starts_at > ${ahead}` : sql``;
  const shown = sql`x.visibility = 'crew' and x.hidden_at is null ${after}`;
  return sql`select x.id, x.starts_at from ${runs} x where ${shown} and x.crew_id in ${memberCrewsOf(userId)}
    union select x.id, x.starts_at from ${runs} x where x.host_id = ${userId}
      and (x.visibility = 'crew' or x.hidden_at is not null) ${after}
    union select x.id, x.starts_at from ${runCohosts} h join ${runs} x on x.id = h.run_id
      where h.user_id = ${userId} and ${shown}
    union select x.id, x.starts_at from ${runParticipants} p join ${runs} x on x.id = p.run_id
      where p.user_id = ${userId} and p.status in ('joined', 'waitlisted') and ${shown}
    order by 1`;
}

const participants = sql<ParticipantRow[]>`(select coalesce(json_agg(json_build_object(
    'id', u.id, 'nickname', u.nickname, 'avatarId', u.avatar_id, 'runningLevel', u.running_level,
    'paceGroupId', p.pace_group_id
  ) order by p.created_at, p.user_id), '[]'::json)
  from ${runParticipants} p join ${users} u on u.id = p.user_id
  where p.run_id = ${runs.id} and p.status = 'joined')`;

// The run's pace groups, fastest first: seats taken and waiting counted, and the pacer.
const paceGroups = sql<PaceGroupDetailRow[]>`(select coalesce(json_agg(json_build_object(
    'id', g.id, 'paceSecPerKm', g.pace_sec_per_km, 'capacity', g.capacity,
    'participantCount', (select count(*) from ${runParticipants} gp
      where gp.pace_group_id = g.id and gp.status = 'joined'),
    'waitlistCount', (select count(*) from ${runParticipants} gw
      where gw.pace_group_id = g.id and gw.status = 'waitlisted'),
    'pacer', (select json_build_object('id', pu.id, 'nickname', pu.nickname, 'avatarId', pu.avatar_id,
      'runningLevel', pu.running_level) from ${users} pu where pu.id = g.pacer_id)
  ) order by g.position), '[]'::json)
  from ${runPaceGroups} g where g.run_id = ${runs.id})`;

interface CardSelection {
  run: Omit<RunRow, 'route' | 'searchText'>;
  host: HostRow;
  photoIds: string[];
  crew: CrewChipRow | null;
  coHosts: ParticipantRow[];
  guestCount: number;
  groupPaces: number[];
  going?: ParticipantRow[];
  score?: number;
  myStatus?: string | null;
  position?: number;
  bookmarked?: boolean;
  manages?: boolean;
  crewMember?: boolean;
  offer?: SeatOfferState | null;
  searchScore?: number;
}

function toCard<T extends CardSelection>(row: T, signedIn: boolean): RunCard {
  const viewer = signedIn
    ? {
        status: row.myStatus ?? null,
        position: row.position ?? null,
        bookmarked: row.bookmarked ?? false,
        manages: row.manages ?? false,
        crewMember: row.crewMember ?? false,
        offer: row.offer ?? null,
      }
    : undefined;
  return {
    ...row.run,
    host: row.host,
    photoIds: row.photoIds,
    viewer,
    crew: row.crew,
    coHosts: row.coHosts,
    guestCount: Number(row.guestCount),
    going: row.going ?? [],
    groupPaces: (row.groupPaces ?? []).map(Number),
    ...(row.score === undefined ? {} : { score: Number(row.score) }),
  };
}

/** How many of a keyword's soonest matches relevance ranks (ADR 020): a keyword search lists at most these. */
export const SEARCH_WINDOW = 200;

export async function listRuns(
  db: Db,
  query: {
    filter: RunFilter;
    sort: RunSort;
    cursor: Cursor | undefined;
    limit: number;
    viewerId: string | null;
    /** The scoring of sort `recommended` (nothing scores without it). */
    rank?: Rank;
  },
): Promise<RunCard[]> {
  const { filter, sort, cursor, limit, viewerId } = query;
  let conditions = [isNull(runs.cancelledAt), ...filterConditions(filter)];
  // Relevance needs a keyword to rank by; without one it is the start time order.
  const relevance = sort === 'relevance' && filter.keyword ? scoreOf(filter.keyword) : undefined;
  const score = sort === 'recommended' ? scoreSql(query.rank) : relevance;
  // Relevance ranks the soonest SEARCH_WINDOW matches: found in start order through the start-time index, so
  // a keyword that matches thousands of runs costs a few hundred rows, not every upcoming run. The subquery
  // reads the same table and conditions (its "runs" and "users" are its own).
  if (relevance)
    conditions = [
      sql`${runs.id} in (select ${runs.id} from ${runs}
    inner join ${users} on ${users.id} = ${runs.hostId} where ${and(...conditions)}
    order by ${runs.startsAt}, ${runs.id} limit ${SEARCH_WINDOW})`,
    ];
  if (cursor) conditions.push(after(sort, cursor, score));
  const rows = await db
    .select({
      run: cardColumns,
      host: hostColumns,
      photoIds,
      ...crewColumns,
      going,
      ...(score ? { score } : {}),
      ...(viewerId ? viewerColumns(viewerId) : {}),
    })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.hostId))
    .where(and(...conditions))
    .orderBy(...order(sort, score))
    .limit(limit);
  return rows.map((row) => toCard(row, viewerId !== null));
}

export async function findRunDetail(
  db: Db,
  id: string,
  viewerId: string | null,
): Promise<RunDetail | undefined> {
  const [row] = await db
    .select({
      run: cardColumns,
      route: runs.route,
      host: hostColumns,
      photoIds,
      participants,
      paceGroups,
      ...crewColumns,
      ...(viewerId
        ? {
            ...viewerColumns(viewerId),
            offer: seatOfferSql(viewerId),
            myPaceGroupId: sql<string | null>`(select m.pace_group_id from ${runParticipants} m
              where m.run_id = ${runs.id} and m.user_id = ${viewerId} and m.status in ('joined', 'waitlisted'))`,
          }
        : {}),
    })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.hostId))
    .where(eq(runs.id, id));
  if (!row) return undefined;
  return {
    ...toCard(row as CardSelection, viewerId !== null),
    going: row.participants.slice(0, GOING_SHOWN),
    route: row.route,
    participants: row.participants,
    paceGroups: row.paceGroups,
    ...(viewerId ? { myPaceGroupId: (row as { myPaceGroupId?: string | null }).myPaceGroupId ?? null } : {}),
  };
}

function filterConditions(f: RunFilter): SQL[] {
  const c: SQL[] = [];
  if (f.regions?.length) c.push(inArray(runs.region, f.regions));
  if (f.themes?.length) c.push(inArray(runs.theme, f.themes));
  if (f.timesOfDay?.length) c.push(inArray(runs.timeOfDay, f.timesOfDay));
  if (f.distanceRanges?.length) {
    const ranges = f.distanceRanges.map(([min, max]) =>
      and(gte(runs.distanceKm, min), lt(runs.distanceKm, max)),
    );
    c.push(or(...ranges) as SQL);
  }
  if (f.from) c.push(gte(runs.startsAt, f.from));
  if (f.to) c.push(lt(runs.startsAt, f.to));
  if (f.openAfter) {
    c.push(gt(runs.joinDeadline, f.openAfter));
    // Implied (a deadline is never after the start: CHECK runs_join_deadline_before_start), and it lets the
    // start-time indexes begin at now instead of wading through every past run.
    c.push(gt(runs.startsAt, f.openAfter));
  }
  if (f.hostId) c.push(eq(runs.hostId, f.hostId));
  if (f.crewId) c.push(eq(runs.crewId, f.crewId));
  if (f.womenOnly) c.push(eq(runs.womenOnly, true));
  if (f.pace) c.push(gte(runs.paceSecPerKm, f.pace[0]), lte(runs.paceSecPerKm, f.pace[1]));
  c.push(f.onlyIds ? sql`${runs.id} = any(${`{${f.onlyIds.join(',')}}`}::uuid[])` : visibleTo(f.reader));
  if (f.bookmarkedBy) {
    c.push(
      sql`exists (select 1 from ${runBookmarks} b where b.run_id = ${runs.id} and b.user_id = ${f.bookmarkedBy})`,
    );
  }
  if (f.keyword) c.push(...f.keyword.tokens.map(tokenCondition));
  if (f.near) c.push(...nearConditions(f.near));
  if (f.bbox) {
    // The (lat, lng) index answers the latitude range; the longitude is checked on the rows it finds.
    c.push(sql`${runs.placeLat} between ${f.bbox.south} and ${f.bbox.north}`);
    c.push(sql`${runs.placeLng} between ${f.bbox.west} and ${f.bbox.east}`);
  }
  return c;
}

/** How many keywords one statement tests (each is a column of the one row read). */
const KEYWORDS_PER_STATEMENT = 50;

/**
 * Which of the keywords find one run, by the very conditions the list filters `?q=` with (`tokenCondition`),
 * so a saved search's keyword finds exactly the runs the list shows for it (issue 18). Read in the caller's
 * transaction: the run may not be committed yet.
 */
export async function keywordsFinding(db: Db, runId: string, keywords: SearchQuery[]): Promise<boolean[]> {
  const found: boolean[] = [];
  for (let at = 0; at < keywords.length; at += KEYWORDS_PER_STATEMENT) {
    const chunk = keywords.slice(at, at + KEYWORDS_PER_STATEMENT);
    const columns = Object.fromEntries(
      chunk.map((k, i) => [`k${i}`, sql<boolean>`coalesce(${and(...k.tokens.map(tokenCondition))}, false)`]),
    );
    const [row] = await db
      .select(columns)
      .from(runs)
      .innerJoin(users, eq(users.id, runs.hostId))
      .where(eq(runs.id, runId));
    found.push(...chunk.map((_, i) => row?.[`k${i}`] === true));
  }
  return found;
}

/**
 * Whether a keyword's token is in the run: its search text (title, place and its 초성, description), its
 * host's nickname or its crew's name (both read live: a rename is found at once), or, for a distance word
 * ("5km"), the run's distance rounded.
 */
function tokenCondition(token: SearchToken): SQL {
  // A nickname's only whitespace is the space (NicknameSchema): its searchKey without a regular expression.
  const hostKey = sql`replace(lower(normalize(${users.nickname}, NFC)), ' ', '')`;
  const inCrew = sql`(${runs.crewId} is not null and exists (select 1 from ${crews} kc
    where kc.id = ${runs.crewId} and ${matches(sql`kc.name_key`, token)}))`;
  const nearKm = token.km === undefined ? sql`false` : sql`abs(${runs.distanceKm} - ${token.km}) < 0.5`;
  // coalesce(…): the planner cannot estimate substring matches and guesses them rare, then reads every upcoming
  // run to sort them; as an opaque expression (estimated 0.5) it walks the start-time index and stops early.
  return sql`coalesce(${matches(sql`${runs.searchText}`, token)} or ${matches(hostKey, token)} or ${inCrew} or ${nearKm}, false)`;
}

/** Any spelling of the token in the text (a distance: where no digit comes before it). */
function matches(text: SQL, token: SearchToken): SQL {
  if (token.distancePattern) return sql`(${text} ~ ${token.distancePattern})`;
  const any = token.spellings.map((s) => sql`${text} like ${containsPattern(s)}`);
  return sql`(${sql.join(any, sql` or `)})`;
}

const searchLine = (line: number) => sql`split_part(${runs.searchText}, chr(10), ${sql.raw(String(line))})`;

/**
 * How well a run matches (every token is in it, the filter made sure): each token counts 8 in the title, 4
 * in the place (or its 초성), 2 elsewhere (description, host, crew, distance); the whole query side by side in
 * the title ("한강 러닝" in "한강 러닝 모임") adds 4. An integer, computed from the row alone: stable across pages.
 */
function scoreOf(keyword: SearchQuery): SQL<number> {
  const { title, place, placeChoseong } = RUN_SEARCH_LINES;
  const perToken = keyword.tokens.map(
    (t) => sql`(case when ${matches(searchLine(title), t)} then 8
      when ${matches(searchLine(place), t)} or ${matches(searchLine(placeChoseong), t)} then 4 else 2 end)`,
  );
  const phrase = keyword.phrase.length
    ? sql` + (case when ${matches(searchLine(title), { spellings: keyword.phrase })} then 4 else 0 end)`
    : sql``;
  return sql<number>`(${sql.join(perToken, sql` + `)}${phrase})`;
}

function order(sort: RunSort, score: SQL<number> | undefined) {
  if (sort === 'newest') return [desc(runs.createdAt), desc(runs.id)];
  if (sort === 'popular') return [desc(runs.participantCount), desc(runs.id)];
  if (score) return [desc(score), asc(runs.startsAt), asc(runs.id)];
  return [asc(runs.startsAt), asc(runs.id)];
}

function after(sort: RunSort, [value, id]: Cursor, score: SQL<number> | undefined): SQL {
  if (Array.isArray(value)) {
    // Ranked (relevance, recommended): a lower score, or the same score and a later start.
    const [points, at] = value;
    if (!score) return sql`false`;
    return sql`(${score} < ${points} or (${score} = ${points}
      and (${runs.startsAt}, ${runs.id}) > (${new Date(at)}, ${id})))`;
  }
  if (sort === 'newest') return sql`(${runs.createdAt}, ${runs.id}) < (${new Date(value)}, ${id})`;
  if (sort === 'popular') return sql`(${runs.participantCount}, ${runs.id}) < (${Number(value)}, ${id})`;
  return sql`(${runs.startsAt}, ${runs.id}) > (${new Date(value)}, ${id})`;
}

/** The recommendation score of a run (Rank), as one integer expression. */
function scoreSql(rank: Rank | undefined): SQL<number> {
  const terms: SQL[] = [sql`0`];
  if (rank?.readerId) {
    terms.push(sql`(case when coalesce(${runs.crewId} in ${memberCrewsOf(rank.readerId)}, false)
      then ${sql.raw(String(RANK_WEIGHTS.myCrew))} else 0 end)`);
  }
  if (rank?.regions.length) {
    terms.push(
      sql`(case when ${inArray(runs.region, rank.regions)} then ${sql.raw(String(RANK_WEIGHTS.region))} else 0 end)`,
    );
  }
  if (rank?.distanceRange) {
    const [min, max] = rank.distanceRange;
    terms.push(sql`(case when ${runs.distanceKm} >= ${min} and ${runs.distanceKm} < ${max}
      then ${sql.raw(String(RANK_WEIGHTS.distance))} else 0 end)`);
  }
  if (rank?.near) {
    const km = distanceKmSql(rank.near.lat, rank.near.lng);
    terms.push(sql`(case when ${km} <= 3 then ${sql.raw(String(RANK_WEIGHTS.near3km))}
      when ${km} <= 10 then ${sql.raw(String(RANK_WEIGHTS.near10km))} else 0 end)`);
  }
  return sql<number>`(${sql.join(terms, sql` + `)})::int`;
}

/** Great-circle distance in km from a point to a run's meeting point. */
function distanceKmSql(lat: number, lng: number): SQL {
  return sql`(2 * 6371.0088 * asin(least(1, sqrt(
      power(sin(radians(${runs.placeLat} - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(${runs.placeLat})) * power(sin(radians(${runs.placeLng} - ${lng}) / 2), 2)
    ))))`;
}

/** A bounding box the (lat, lng) index can use, then the exact great-circle distance. */
function nearConditions({ lat, lng, radiusKm }: { lat: number; lng: number; radiusKm: number }): SQL[] {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  return [
    sql`${runs.placeLat} between ${lat - dLat} and ${lat + dLat}`,
    sql`${runs.placeLng} between ${lng - dLng} and ${lng + dLng}`,
    sql`${distanceKmSql(lat, lng)} <= ${radiusKm}`,
  ];
}

export interface MyRunsFilter {
  userId: string;
  role: 'host' | 'participant' | undefined;
  from: Date | undefined;
  to: Date | undefined;
  order: 'asc' | 'desc';
  cursor: [string, string] | undefined;
  limit: number;
}

export type MyRunCard = RunCard & {
  role: 'host' | 'participant';
  attended: boolean | null;
  reviewed: boolean;
};

/**
 * The runs a user hosts or joined (a seat: not waitlisted, not removed), cancelled ones included, in ONE
 * statement whatever the page size: role, attendance and review come from correlated subqueries like the
 * viewer's state does.
 */
export async function listMyRuns(db: Db, f: MyRunsFilter): Promise<MyRunCard[]> {
  const seated = sql`exists (select 1 from ${runParticipants} s
    where s.run_id = ${runs.id} and s.user_id = ${f.userId} and s.status = 'joined')`;
  const conditions: SQL[] = [];
  if (f.role === 'host') conditions.push(eq(runs.hostId, f.userId));
  else if (f.role === 'participant') conditions.push(sql`${runs.hostId} <> ${f.userId}`, seated);
  else conditions.push(or(eq(runs.hostId, f.userId), seated) as SQL);
  if (f.from) conditions.push(gte(runs.startsAt, f.from));
  if (f.to) conditions.push(lt(runs.startsAt, f.to));
  if (f.cursor) {
    const [at, id] = f.cursor;
    conditions.push(
      f.order === 'asc'
        ? sql`(${runs.startsAt}, ${runs.id}) > (${new Date(at)}, ${id})`
        : sql`(${runs.startsAt}, ${runs.id}) < (${new Date(at)}, ${id})`,
    );
  }
  const rows = await db
    .select({
      run: cardColumns,
      host: hostColumns,
      photoIds,
      ...crewColumns,
      going,
      ...viewerColumns(f.userId),
      attended: sql<boolean | null>`(select a.present from ${attendance} a
        where a.run_id = ${runs.id} and a.user_id = ${f.userId})`,
      reviewed: sql<boolean>`exists (select 1 from ${hostReviews} h
        where h.run_id = ${runs.id} and h.reviewer_id = ${f.userId})`,
    })
    .from(runs)
    .innerJoin(users, eq(users.id, runs.hostId))
    .where(and(...conditions))
    .orderBy(
      ...(f.order === 'asc' ? [asc(runs.startsAt), asc(runs.id)] : [desc(runs.startsAt), desc(runs.id)]),
    )
    .limit(f.limit);
  return rows.map((row) => ({
    ...toCard(row, true),
    role: row.run.hostId === f.userId ? 'host' : 'participant',
    attended: row.run.hostId === f.userId ? null : row.attended,
    reviewed: row.reviewed,
  }));
}
