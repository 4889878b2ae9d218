import {
  type CreateRunParsed,
  crewRunIssues,
  DISTANCE_BUCKETS,
  TIMES_OF_DAY,
  type TimeOfDay,
  type DistanceBucket,
  type ErrorIssue,
  type ListRunsQuerySchema,
  type MeRunsQuery,
  type MyRunPage,
  routeDistanceKm,
  routeIssues,
  RUN_LIMITS,
  runTimeIssues,
  type Region,
  REGIONS,
  type Run,
  type RunSummary,
  type RunPage,
  type UpdateRun,
} from '@erun/contracts';
import type { z } from 'zod';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  isUniqueViolation,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Realtime } from '../../ports/realtime.ts';
import { noPersonalReads, type PersonalReads } from '../../ports/personal-reads.ts';
import { noSharedReads, type SharedReads } from '../../ports/shared-reads.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { CrewAccessService } from '../crews/index.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type { UsersService } from '../users/users.service.ts';
import type { SavedSearchesService } from '../saved-searches/saved-searches.service.ts';
import type { TargetOwner } from '../reports/reports.types.ts';
import type { ParticipationRepository } from './participation.repository.ts';
import { notice } from './run-notice.ts';
import { PaceGroups } from './pace-groups.ts';
import { SeatQueue } from './seat-queue.ts';

export { notice };
import { defaultJoinDeadline, seoulDayStart, timeOfDayOf } from './run-rules.ts';
import { type CursorKind, decodeCursor, encodeCursor, type RankKey } from '../../lib/cursor.ts';
import { parseSearch, runSearchText } from '../../lib/search-text.ts';
import { myOfferOf, toParticipant, toRunSummary, viewerFields } from './runs.presenter.ts';
import type { ViewerState } from './runs.queries.ts';
import type {
  NewRun,
  RunCard,
  RunDetail,
  RunFilter,
  RunRow,
  RunSort,
  RunsRepository,
  RunVisibility,
} from './runs.repository.ts';

type ListQuery = z.output<typeof ListRunsQuerySchema>;

/** Where and when a run is, for the forecast at its start (modules/weather). */
export interface RunPlaceTime {
  id: string;
  startsAt: Date;
  endsAt: Date;
  lat: number;
  lng: number;
  region: Region;
  cancelled: boolean;
}

/** Where and when a run (as the API shows it) is. */
export function placeTimeOf(run: RunSummary): RunPlaceTime {
  return {
    id: run.id,
    startsAt: new Date(run.startsAt),
    endsAt: new Date(run.endsAt),
    lat: run.meetingPlace.lat,
    lng: run.meetingPlace.lng,
    region: run.region,
    cancelled: run.joinState === 'cancelled',
  };
}

/** What runs ask of crews: who is a member or staff (crews/crew-access.service.ts). */
export type CrewAccess = Pick<
  CrewAccessService,
  'roleOf' | 'isMember' | 'isStaff' | 'requireStaff' | 'memberCrewIds'
>;

/** Who may manage a run: its host, a co-host, or (a crew run) the crew's staff; null: nobody of these. */
export type ManageRole = 'host' | 'cohost' | 'staff' | null;

/** One occurrence of a series to open (the series module decides its date, times and template). */
export interface NewOccurrence {
  seriesId: string;
  occurrenceDate: string;
  hostId: string;
  crewId: string | null;
  visibility: NewRun['visibility'];
  template: {
    title: string;
    description: string;
    meetingPlace: { name: string; lat: number; lng: number };
    route: [number, number][];
    segmentStarts: number[];
    capacity: number;
    theme: string;
    region: string;
    paceSecPerKm?: number | null;
    parking?: string | null;
    baggage?: string | null;
    /** A public crew series' cap on non-members' seats. */
    guestSeats?: number | null;
    /** 여성 전용 and the minimum attendance rate: each occurrence carries the template's. */
    womenOnly?: boolean;
    minAttendanceRate?: number | null;
    /** The series' pace groups (pace and seats; pacers are named per run): every occurrence gets them. */
    paceGroups?: { paceSecPerKm: number; capacity: number }[] | null;
  };
  startsAt: Date;
  endsAt: Date;
  meetAt: Date | null;
  joinDeadline: Date;
  now: Date;
}

const BUCKET_RANGES: Record<DistanceBucket, [number, number]> = {
  lt5: [0, 5],
  '5to10': [5, 10],
  '10to15': [10, 15],
  gte15: [15, 1_000_000],
};

export const runNotFound = () => new NotFoundError('RUN_NOT_FOUND', 'Run not found');

export class RunsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: RunsRepository,
    private readonly participants: ParticipationRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    private readonly live: { realtime: Realtime; notifications: Pick<NotificationsService, 'notify'> },
    /** The host's "runs hosted" counter belongs to the users module. */
    private readonly users: Pick<UsersService, 'moveRunsHosted' | 'requireWomen'>,
    private readonly crews: CrewAccess,
    private readonly shared: SharedReads = noSharedReads,
    /** Saved searches (issue 18): a new run (or 정기런 dates) tells who saved a matching search, in its unit of work. */
    private readonly savedSearches: Pick<SavedSearchesService, 'notifyMatches'> = {
      notifyMatches: async () => {},
    },
    /** The reader's own part of a page, kept between requests until any write (ADR 025). */
    private readonly personal: PersonalReads = noPersonalReads,
  ) {
    this.seats = new SeatQueue(participants, live.notifications);
    this.paceGroups = new PaceGroups(participants);
  }

  /** Free seats to the waitlist, in order: offered within 24 h of the start, else given at once. */
  private readonly seats: SeatQueue;
  private readonly paceGroups: PaceGroups;

  /** Saved searches test their keywords with the list's own `?q=` conditions. */
  private readonly keywordsFinding = (tx: Tx, runId: string, keywords: string[]) =>
    this.repo.keywordsFinding(tx, runId, keywords);

  /** Once an edit or cancellation has committed (its notices announced first), open run pages refresh. */
  private changed(tx: Tx, runId: string): void {
    tx.afterCommit(() => this.live.realtime.toRun(runId, 'run:updated', { runId }));
  }

  /**
   * The run, locked until the unit of work ends, if it may still change and the caller holds one of these
   * roles (decided before the unit of work: crew roles are read outside it).
   */
  private async editable(tx: Tx, runId: string, role: ManageRole, allowed: ManageRole[], now: Date) {
    const run = await this.repo.lock(tx, runId);
    if (!run || run.cancelledAt) throw runNotFound();
    if (!allowed.includes(role)) throw new ForbiddenError('NOT_HOST', 'Only the host can change this run');
    if (now >= run.startsAt) throw new ConflictError('RUN_STARTED', 'The run has already started');
    return run;
  }

  /** The caller's managing role in the run (host first). A run the caller may not see is a 404. */
  async manageRole(runId: string, userId: string): Promise<ManageRole> {
    const run = await this.repo.findWithHost(runId);
    if (!run) throw runNotFound();
    if (run.hostId === userId) return 'host';
    const coHosts = await this.repo.coHostIds(runId);
    if (coHosts.includes(userId)) return 'cohost';
    if (run.crewId && (await this.crews.isStaff(run.crewId, userId))) return 'staff';
    return null;
  }

  /**
   * May this user manage the run (edit, remove runners, take attendance, pin chat messages): its host, a
   * co-host, or staff of its crew. False for a missing run.
   */
  async canManage(runId: string, userId: string): Promise<boolean> {
    try {
      return (await this.manageRole(runId, userId)) !== null;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  /** Co-hosts must exist, not be the host, and (with the host) fit in the seats. */
  private async checkCoHosts(hostId: string, ids: string[]): Promise<void> {
    if (ids.includes(hostId))
      throw new ValidationError('The host is not a co-host', [issue('coHostIds', 'coHostIds.host')]);
    const found = await this.repo.existingUsers(ids);
    if (ids.some((id) => !found.has(id)))
      throw new ValidationError('No such user', [issue('coHostIds', 'coHostIds.unknown')]);
  }

  /**
   * Seats co-hosts who have none yet (on the locked run) and tells the new ones. Returns the seats taken and
   * the waitlist places freed.
   */
  private async seatCoHosts(
    tx: Tx,
    run: RunRow,
    ids: string[],
    previous: string[],
    capacity: number,
    participantCount: number,
    now: Date,
  ): Promise<{ seated: number; fromWaitlist: number }> {
    const places = await this.repo.placesOf(tx, run.id, ids);
    const needSeat = ids.filter((id) => places.get(id) !== 'joined');
    if (participantCount + needSeat.length > capacity)
      throw new ValidationError('The co-hosts need seats', [issue('coHostIds', 'coHostIds.overCapacity')]);
    await this.repo.seat(tx, run.id, needSeat, now);
    await this.repo.setCoHosts(tx, run.id, ids, now);
    const added = ids.filter((id) => !previous.includes(id));
    await this.live.notifications.notify(
      tx,
      added.map((id) => ({ ...notice(id, 'run_joined', run, { status: 'cohost' }), actorId: run.hostId })),
    );
    return {
      seated: needSeat.length,
      fromWaitlist: needSeat.filter((id) => places.get(id) === 'waitlisted').length,
    };
  }

  async create(hostId: string, input: CreateRunParsed): Promise<Run> {
    const now = this.clock.now();
    const startsAt = new Date(input.startsAt);
    this.requireLeadTime(startsAt, now);
    this.requireCrewRules({ ...input });
    if (input.crewId) await this.crews.requireStaff(input.crewId, hostId);
    await this.checkCoHosts(hostId, input.coHostIds);
    // 여성 전용: its host and co-hosts are women too (403 WOMEN_ONLY), like everyone who joins it.
    if (input.womenOnly) await this.users.requireWomen([hostId, ...input.coHostIds]);
    if (1 + input.coHostIds.length > input.capacity)
      throw new ValidationError('The co-hosts need seats', [issue('coHostIds', 'coHostIds.overCapacity')]);
    await this.uploads.requireOwnMany(hostId, input.photoIds, 'photo');
    const values: NewRun = {
      hostId,
      ...this.derived(input),
      startsAt,
      endsAt: new Date(input.endsAt),
      meetAt: input.meetAt ? new Date(input.meetAt) : null,
      joinDeadline: input.joinDeadline ? new Date(input.joinDeadline) : defaultJoinDeadline(startsAt),
      capacity: input.capacity,
      theme: input.theme,
      region: input.region,
      paceSecPerKm: input.paceSecPerKm ?? null,
      parking: input.parking || null,
      baggage: input.baggage || null,
      crewId: input.crewId,
      visibility: input.visibility,
      guestSeats: input.guestSeats,
      minAttendanceRate: input.minAttendanceRate,
      womenOnly: input.womenOnly,
      createdAt: now,
      updatedAt: now,
    };
    // The run, its host as participant #1, its co-hosts' seats, its photos and the host's counter: all or
    // nothing.
    const run = await this.uow
      .run(async (tx) => {
        const created = await this.repo.create(tx, values);
        if (input.coHostIds.length > 0) {
          const { seated } = await this.seatCoHosts(
            tx,
            created,
            input.coHostIds,
            [],
            created.capacity,
            1,
            now,
          );
          await this.repo.moveSeats(tx, created.id, seated, 0);
        }
        // Pace groups: the host (participant #1) and the co-hosts each go to the group they pace, else to the
        // fastest group with a free seat.
        if (input.paceGroups) await this.paceGroups.save(tx, created.id, input.paceGroups, now);
        await this.repo.replacePhotos(tx, created.id, input.photoIds);
        await this.users.moveRunsHosted(tx, hostId, 1);
        await this.savedSearches.notifyMatches(tx, [created], this.keywordsFinding);
        return created;
      })
      .catch(photoInUse);
    return this.readAs(run.id, hostId);
  }

  /**
   * A run's page. Signed in, with sharing on: the page every guest sees (shared for a moment, ADR 006) and
   * the caller's own state read fresh — a small statement instead of the whole page's. A members-only run
   * is never shared: the shared load leaves it out and it is read for the caller alone, who must be allowed
   * to see it (else 404, like a missing run: its existence is not told).
   */
  async get(runId: string, viewerId: string | null): Promise<Run> {
    if (viewerId === null || !this.shared.enabled) return this.readAs(runId, viewerId);
    const run = await this.shared.shared(`run:${runId}`, () => this.readPublic(runId));
    if (run === null) return this.readAs(runId, viewerId);
    const state = (await this.statesOf(viewerId, [run.id])).get(run.id);
    return {
      ...run,
      ...viewerFields(state),
      myOffer: myOfferOf(state, this.clock.now()),
      myPaceGroupId: state?.paceGroupId ?? null,
    };
  }

  /**
   * Where and when a run is (its weather), for whoever may see its page — by the page's own read and rules,
   * so a run the caller cannot see is a 404 here too.
   */
  /** The runs starting within `hours`, soonest first, at most `limit`: whose forecasts to keep warm. */
  async upcomingPlaceTimes(hours: number, limit: number): Promise<RunPlaceTime[]> {
    const now = this.clock.now();
    const rows = await this.repo.placeTimesStarting(now, new Date(now.getTime() + hours * 3_600_000), limit);
    return rows.map((row) => ({ ...row, region: row.region as Region, cancelled: false }));
  }

  async placeTime(runId: string, viewerId: string | null): Promise<RunPlaceTime> {
    return placeTimeOf(await this.get(runId, viewerId));
  }

  /** A run's page read fresh for this reader, who must be allowed to see it (404 otherwise). */
  async readAs(runId: string, viewerId: string | null): Promise<Run> {
    const run = await this.repo.findDetail(runId, viewerId);
    if (!run || !this.mayRead(run, viewerId)) throw runNotFound();
    return this.present(run);
  }

  /** The guest's page of a public run; null for a members-only or hidden one (kept out of anything shared). */
  private async readPublic(runId: string): Promise<Run | null> {
    const run = await this.repo.findDetail(runId, null);
    if (!run) throw runNotFound();
    return run.visibility === 'public' && run.hiddenAt === null ? this.present(run) : null;
  }

  /**
   * Members-only runs: the crew's members, and whoever hosts, co-hosts or is in it (DOMAIN.md "Crews"). A run
   * hidden by reports: those who manage it, until a moderator decides (ADR 019).
   */
  private mayRead(run: RunDetail, viewerId: string | null): boolean {
    if (run.hiddenAt !== null) return run.viewer?.manages === true;
    if (run.visibility === 'public') return true;
    if (viewerId === null || !run.viewer) return false;
    const status = run.viewer.status;
    return run.viewer.crewMember || run.viewer.manages || status === 'joined' || status === 'waitlisted';
  }

  private present(run: RunDetail): Run {
    const imageOf = (id: string) => this.uploads.imageOf(id);
    return {
      ...toRunSummary(run, run.photoIds, run.viewer, imageOf, this.clock.now()),
      route: run.route,
      segmentStarts: run.segmentStarts,
      participants: run.participants.map((p) => ({
        ...toParticipant(p, imageOf),
        paceGroupId: p.paceGroupId ?? null,
      })),
      paceGroups: run.paceGroups.map((g) => ({
        id: g.id,
        paceSecPerKm: g.paceSecPerKm,
        capacity: g.capacity,
        participantCount: Number(g.participantCount),
        waitlistCount: Number(g.waitlistCount),
        pacer: g.pacer ? toParticipant(g.pacer, imageOf) : null,
      })),
      myPaceGroupId: run.myPaceGroupId ?? null,
      seriesId: run.seriesId,
      cancelReason: run.cancelReason,
      // The caller's own seat offer (issue 17): never on a guest's page (shared or cached).
      ...(run.viewer ? { myOffer: myOfferOf(run.viewer, this.clock.now()) } : {}),
    };
  }

  async list(query: ListQuery, viewerId: string | null): Promise<RunPage> {
    if (query.bookmarked && !viewerId) throw new UnauthorizedError();
    // Signed in: the guest's page (shared, ADR 006) with the caller's own state and the few runs only they see
    // merged in — not for "my bookmarks" nor a ranking (a keyword's relevance, the recommendation): those pages
    // are theirs alone, read whole.
    if (
      viewerId !== null &&
      this.shared.enabled &&
      !query.bookmarked &&
      query.sort !== 'recommended' &&
      !(query.sort === 'soonest' && query.q)
    ) {
      return this.listOverShared(await this.withPreferences(query, viewerId), viewerId);
    }
    return this.readPage(query, viewerId, viewerId === null ? null : { userId: viewerId });
  }

  /**
   * "내 조건" made explicit: the caller's preferred regions, distance and times of day fill the dimensions the
   * query leaves open (an explicit one wins), so the page is the guest's page of that query. Preferences are
   * shared like pages (the same moment's lifetime, emptied by any write through this instance).
   */
  private async withPreferences(query: ListQuery, viewerId: string): Promise<ListQuery> {
    if (!query.forMe) return query;
    const prefs = await this.personal.one(viewerId, 'prefs', () => this.preferencesOf(viewerId));
    const { forMe: _forMe, ...rest } = query;
    return {
      ...rest,
      ...(!query.region?.length && prefs.regions.length ? { region: prefs.regions } : {}),
      ...(!query.distance?.length && prefs.distance ? { distance: [prefs.distance] } : {}),
      ...(!query.timeOfDay?.length && prefs.timesOfDay.length ? { timeOfDay: prefs.timesOfDay } : {}),
    };
  }

  /**
   * A signed-in page from the guest's shared page: the caller's state on its runs, and the runs only they see
   * (members-only runs of their crews, runs of theirs) — found by id in a small statement, then read as a
   * page by the same filter, order and cursor, shared too (the same for everyone who sees the same runs) —
   * merged in order. Both orders are total (the id breaks ties), so the merge is the page a whole read would
   * give, and its cursor the same. A reader who sees nothing beyond a guest costs two small statements.
   */
  private async listOverShared(query: ListQuery, viewerId: string): Promise<RunPage> {
    const guest = await this.shared.shared(`runs:${JSON.stringify(query)}`, () =>
      this.readPage(query, null, null),
    );
    const [beyond, states] = await Promise.all([
      this.beyondGuestIds(viewerId, query.includeClosed === true),
      this.statesOf(
        viewerId,
        guest.items.map((item) => item.id),
      ),
    ]);
    const withState = (item: RunSummary) => ({ ...item, ...viewerFields(states.get(item.id)) });
    if (beyond.length === 0) return { ...guest, items: guest.items.map(withState) };
    const own = await this.shared.shared(`runs:${JSON.stringify(query)}:${beyond.join(',')}`, () =>
      this.readPage(query, null, null, beyond),
    );
    const ownStates = await this.statesOf(
      viewerId,
      own.items.map((item) => item.id),
    );
    const ownIds = new Set(own.items.map((item) => item.id));
    const merged = [
      ...guest.items.filter((item) => !ownIds.has(item.id)).map(withState),
      ...own.items.map((item) => ({ ...item, ...viewerFields(ownStates.get(item.id)) })),
    ].sort(summaryOrder(query.sort));
    const items = merged.slice(0, query.limit);
    const more = merged.length > query.limit || guest.nextCursor !== null || own.nextCursor !== null;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor(summaryKey(last, query.sort), last.id) : null };
  }

  /** The reader's state on these runs (seat, queue place, bookmark, offer, what they manage), kept (ADR 025). */
  private statesOf(viewerId: string, runIds: string[]): Promise<Map<string, ViewerState>> {
    return this.personal.byId(viewerId, 'state', runIds, (missing) =>
      this.repo.viewerStates(viewerId, missing),
    );
  }

  /**
   * The runs the reader sees that a guest does not, by id (kept, ADR 025). Kept, the list of those ahead is cut
   * again at each read: a run that has started since it was read drops out, as a fresh read would leave it.
   */
  private async beyondGuestIds(viewerId: string, includeClosed: boolean): Promise<string[]> {
    const ahead = await this.personal.one(viewerId, includeClosed ? 'beyond' : 'beyond-ahead', () =>
      this.repo.beyondGuestRuns(viewerId, includeClosed ? undefined : this.clock.now()),
    );
    if (includeClosed) return ahead.map((run) => run.id);
    const now = this.clock.now().getTime();
    return ahead.filter((run) => run.startsAt.getTime() > now).map((run) => run.id);
  }

  /** A page read whole for this reader (null: a guest's). */
  private async readPage(
    query: ListQuery,
    viewerId: string | null,
    reader: RunFilter['reader'],
    /** Only these runs (already found visible to the caller), read without anyone's state. */
    onlyIds?: string[],
  ): Promise<RunPage> {
    // "내 조건" and the recommendation read the caller's preferences; a guest's are none (forMe is ignored).
    const personal = viewerId !== null && (query.forMe === true || query.sort === 'recommended');
    const prefs = personal ? await this.preferencesOf(viewerId) : NO_PREFERENCES;
    const filter = { ...this.filterOf(query, viewerId, reader), ...(onlyIds ? { onlyIds } : {}) };
    // With a keyword, the default order (soonest) is by relevance, then start time (issue 18).
    const sort: RunSort = query.sort === 'soonest' && filter.keyword ? 'relevance' : query.sort;
    const cursor = decodeCursor(query.cursor, CURSOR_KINDS[sort]);
    if (query.forMe && viewerId !== null) {
      // Preferences fill only what the query leaves open: an explicit region, distance or time of day wins.
      if (!query.region?.length && prefs.regions.length) filter.regions = prefs.regions;
      if (!query.distance?.length && prefs.distance) filter.distanceRanges = [BUCKET_RANGES[prefs.distance]];
      if (!query.timeOfDay?.length && prefs.timesOfDay.length) filter.timesOfDay = prefs.timesOfDay;
    }
    const recommended = sort === 'recommended';
    // Ranked by closeness, `near` no longer cuts at a radius.
    if (recommended) filter.near = undefined;
    const rows = await this.repo.list(
      filter,
      sort,
      cursor,
      query.limit + 1,
      viewerId,
      recommended
        ? {
            readerId: viewerId,
            regions: prefs.regions,
            distanceRange: prefs.distance ? BUCKET_RANGES[prefs.distance] : null,
            near: query.near ? { lat: query.near[0], lng: query.near[1] } : null,
          }
        : undefined,
    );
    const page = rows.slice(0, query.limit);
    const now = this.clock.now();
    const imageOf = (id: string) => this.uploads.imageOf(id);
    const items = page.map((r) => toRunSummary(r, r.photoIds, r.viewer, imageOf, now));
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeCursor(sortKey(last, sort), last.id) : null;
    return { items, nextCursor };
  }

  private async preferencesOf(userId: string): Promise<Preferences> {
    const row = await this.repo.preferencesOf(userId);
    const distance = DISTANCE_BUCKETS.find((b) => b === row?.distance) ?? null;
    const chosen = new Set<string>(row?.regions ?? []);
    const times = new Set<string>(row?.timesOfDay ?? []);
    return {
      regions: REGIONS.filter((r) => chosen.has(r)),
      distance,
      timesOfDay: TIMES_OF_DAY.filter((t) => times.has(t)),
    };
  }

  /** `GET /api/me/runs`: runs I host or hold a seat in, by start time, `from`/`to` as Seoul days. */
  async mine(userId: string, query: MeRunsQuery): Promise<MyRunPage> {
    const cursor = decodeCursor(query.cursor, 'time');
    const rows = await this.repo.listMine({
      userId,
      role: query.role,
      from: query.from ? seoulDayStart(query.from) : undefined,
      to: query.to ? seoulDayStart(query.to, 1) : undefined,
      order: query.order,
      cursor,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const now = this.clock.now();
    const imageOf = (id: string) => this.uploads.imageOf(id);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        ...toRunSummary(r, r.photoIds, r.viewer, imageOf, now),
        role: r.role,
        attended: r.attended,
        reviewed: r.reviewed,
      })),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor(last.startsAt.toISOString(), last.id) : null,
    };
  }

  /** Runs still ahead that a user hosts or is in (account deletion). */
  upcomingOf(userId: string): Promise<{ hosted: string[]; joined: string[] }> {
    return this.repo.upcomingOf(userId, this.clock.now());
  }

  /**
   * An edit by the host, a co-host or (a crew run) the crew's staff. The co-hosts themselves are the host's
   * (and the crew staff's) to change; moving the run to a crew takes being that crew's staff.
   */
  async update(runId: string, userId: string, input: UpdateRun): Promise<Run> {
    const role = await this.manageRole(runId, userId);
    if (input.coHostIds !== undefined && role !== 'host' && role !== 'staff')
      throw new ForbiddenError('NOT_HOST', 'Only the host or the crew staff choose co-hosts');
    if (input.crewId && role !== null) await this.crews.requireStaff(input.crewId, userId);
    // Read outside the unit of work (one connection may serve it alone): the co-hosts exist.
    if (input.coHostIds !== undefined && role !== null) {
      const run = await this.repo.findWithHost(runId);
      if (run) await this.checkCoHosts(run.hostId, input.coHostIds);
    }
    if (input.photoIds) await this.uploads.requireOwnMany(userId, input.photoIds, 'photo');
    const now = this.clock.now();
    await this.uow
      .run(async (tx) => {
        const run = await this.editable(tx, runId, role, ['host', 'cohost', 'staff'], now);
        await this.checkWomenOnly(tx, run, input);
        const grouped = (await this.participants.groupsOf(tx, runId)).length > 0;
        // Pace groups: the run's capacity is their sum (an edit of the groups sets it; one of the capacity
        // alone must leave it so).
        const edit = input.paceGroups
          ? {
              ...input,
              capacity: await this.paceGroups.checkEdit(tx, runId, input.paceGroups, input.capacity),
            }
          : input;
        if (grouped && input.paceGroups === undefined && input.capacity !== undefined)
          if (input.capacity !== run.capacity)
            throw new ValidationError('The capacity is the pace groups’ sum', [
              issue('capacity', 'capacity.paceGroupsSum'),
            ]);
        const changes = this.mergedChanges(run, edit, now);
        const capacity = changes.capacity ?? run.capacity;
        // A seat offered to a waitlisted runner (issue 17) is held like a taken one.
        const held = await this.participants.seatsOf(tx, runId);
        if (edit.capacity !== undefined && capacity < held.participants + held.offered)
          throw new ConflictError(
            'CAPACITY_BELOW_PARTICIPANTS',
            'More seats are taken or offered than this capacity',
          );
        let participantCount = run.participantCount;
        let waitlistCount = run.waitlistCount;
        if (input.coHostIds !== undefined) {
          const previous = await this.repo.coHostIds(runId, tx);
          const { seated, fromWaitlist } = await this.seatCoHosts(
            tx,
            run,
            input.coHostIds,
            previous,
            capacity,
            participantCount,
            now,
          );
          participantCount += seated;
          waitlistCount -= fromWaitlist;
        }
        const audience = await this.participants.audienceOf(tx, run);
        await this.repo.update(tx, runId, { ...changes, participantCount, waitlistCount });
        if (input.paceGroups !== undefined) await this.paceGroups.save(tx, runId, input.paceGroups, now);
        else await this.paceGroups.place(tx, runId);
        // Seats a raised capacity (or guest cap) frees go to the waitlist in order: offered within 24 h of the
        // start (after any offer already open), given at once earlier.
        const promoted = await this.seats.fill(tx, { ...run, ...changes }, now);
        if (input.photoIds) await this.repo.replacePhotos(tx, runId, input.photoIds);
        await this.live.notifications.notify(tx, [
          ...audience
            .filter((id) => !promoted.includes(id) && id !== userId)
            .map((id) => notice(id, 'run_updated', run)),
          ...promoted.map((id) => notice(id, 'waitlist_promoted', run)),
        ]);
        this.changed(tx, runId);
      })
      .catch(photoInUse);
    return this.readAs(runId, userId);
  }

  /**
   * Cancelling: the host, or (a crew run) the crew's staff; co-hosts may not. A reason ("비 예보") is kept on
   * the run and told to its runners (and to the host when the crew's staff cancelled it).
   */
  async cancel(runId: string, userId: string, reason?: string): Promise<void> {
    const role = await this.manageRole(runId, userId);
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      const run = await this.editable(tx, runId, role, ['host', 'staff'], now);
      await this.cancelLocked(tx, run, now, { reason, alsoTell: [run.hostId], by: userId });
    });
  }

  /**
   * A deleted crew's runs still ahead, cancelled in the crew's unit of work: each like its host would cancel
   * it (counter, notices, live refresh), and its host told too when someone else deleted the crew.
   */
  async cancelCrewRuns(tx: Tx, crewId: string, byUserId: string, now: Date): Promise<number> {
    const upcoming = await this.repo.lockUpcomingOfCrew(tx, crewId, now);
    for (const run of upcoming)
      await this.cancelLocked(tx, run, now, {
        reason: '크루가 없어져 취소됐어요',
        alsoTell: [run.hostId],
        by: byUserId,
      });
    return upcoming.length;
  }

  /** Cancels a locked run: counter, the reason, everyone in or waiting told (never the one who cancelled). */
  private async cancelLocked(
    tx: Tx,
    run: RunRow,
    now: Date,
    options: { reason?: string | undefined; alsoTell?: string[]; by?: string } = {},
  ): Promise<void> {
    const cancelReason = options.reason?.trim() || null;
    await this.repo.update(tx, run.id, { cancelledAt: now, cancelReason, updatedAt: now });
    await this.users.moveRunsHosted(tx, run.hostId, -1);
    // Seats offered to waitlisted runners (issue 17) are offered no more.
    await this.participants.withdrawOffers(tx, run.id, now);
    const audience = await this.participants.audienceOf(tx, run);
    const told = [...new Set([...(options.alsoTell ?? []), ...audience])].filter((id) => id !== options.by);
    const extra: Record<string, string> = cancelReason ? { reason: cancelReason } : {};
    await this.live.notifications.notify(
      tx,
      told.map((id) => notice(id, 'run_cancelled', run, extra)),
    );
    this.changed(tx, run.id);
  }

  /**
   * Series (정기런): opens occurrences in the caller's unit of work. (series, date) is unique, so of any number of
   * workers opening the same date one inserts it; the runs this call inserted are returned (the others' are not).
   */
  async openOccurrences(tx: Tx, occurrences: NewOccurrence[]): Promise<RunRow[]> {
    const opened: RunRow[] = [];
    for (const o of occurrences) {
      const values: NewRun = {
        hostId: o.hostId,
        ...this.derived({ ...o.template, startsAt: o.startsAt.toISOString() }),
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        meetAt: o.meetAt,
        joinDeadline: o.joinDeadline,
        capacity: o.template.capacity,
        theme: o.template.theme,
        region: o.template.region,
        paceSecPerKm: o.template.paceSecPerKm ?? null,
        parking: o.template.parking || null,
        baggage: o.template.baggage || null,
        crewId: o.crewId,
        visibility: o.visibility,
        guestSeats: o.visibility === 'public' && o.crewId ? (o.template.guestSeats ?? null) : null,
        minAttendanceRate: o.template.minAttendanceRate ?? null,
        womenOnly: o.template.womenOnly ?? false,
        seriesId: o.seriesId,
        occurrenceDate: o.occurrenceDate,
        createdAt: o.now,
        updatedAt: o.now,
      };
      const run = await this.repo.createOccurrence(tx, values);
      if (!run) continue;
      // The host (participant #1) goes to the fastest group, as on a run's create.
      if (o.template.paceGroups?.length) await this.paceGroups.save(tx, run.id, o.template.paceGroups, o.now);
      await this.users.moveRunsHosted(tx, o.hostId, 1);
      opened.push(run);
    }
    // The dates opened together are one opening for saved searches: one notice a user, not one a date.
    await this.savedSearches.notifyMatches(tx, opened, this.keywordsFinding);
    return opened;
  }

  /**
   * Series "this and following": an occurrence takes the template's new values (a run only its host is in is
   * simply rebuilt; one with runners is updated and they are told, run_updated). Capacity never drops below
   * the runners already in, and 여성 전용 comes on only where the host is alone. Skipped (false) when cancelled or starting within the hour.
   */
  async updateOccurrence(
    tx: Tx,
    runId: string,
    input: UpdateRun & { visibility?: NewRun['visibility'] },
    now: Date,
  ): Promise<boolean> {
    const run = await this.repo.lock(tx, runId);
    if (!run || run.cancelledAt) return false;
    const lead = now.getTime() + RUN_LIMITS.minLeadMs;
    if (run.startsAt.getTime() < lead) return false;
    if (input.startsAt && Date.parse(input.startsAt) < lead) return false;
    // Never under the seats taken or offered (issue 17).
    const held = await this.participants.seatsOf(tx, runId);
    const { paceGroups, ...fields } = input;
    const groups = await this.paceGroups.forOccurrence(
      tx,
      runId,
      paceGroups,
      held.participants + held.offered,
    );
    const capacity =
      fields.capacity === undefined || groups.keepCapacity
        ? undefined
        : Math.max(fields.capacity, held.participants + held.offered);
    // 여성 전용 comes on only where its host is alone (as on a run's edit: nobody already in is turned away).
    const womenOnly =
      fields.womenOnly && !run.womenOnly && run.participantCount + run.waitlistCount > 1
        ? undefined
        : fields.womenOnly;
    const changes = this.mergedChanges(run, { ...fields, capacity, womenOnly }, now);
    const audience = await this.participants.audienceOf(tx, run);
    await this.repo.update(tx, runId, {
      ...changes,
      ...(input.visibility ? { visibility: input.visibility } : {}),
    });
    if (groups.groups !== undefined) await this.paceGroups.save(tx, runId, groups.groups, now);
    const promoted = await this.seats.fill(tx, { ...run, ...changes }, now);
    await this.live.notifications.notify(tx, [
      ...audience.filter((id) => !promoted.includes(id)).map((id) => notice(id, 'run_updated', run)),
      ...promoted.map((id) => notice(id, 'waitlist_promoted', run)),
    ]);
    this.changed(tx, runId);
    return true;
  }

  /** Ending a series: an occurrence still ahead is cancelled (its runners told). False when it already was. */
  async cancelOccurrence(tx: Tx, runId: string, now: Date, reason?: string): Promise<boolean> {
    const run = await this.repo.lock(tx, runId);
    if (!run || run.cancelledAt || run.startsAt <= now) return false;
    await this.cancelLocked(tx, run, now, { reason });
    return true;
  }

  /** A run's stored row (a series made from a run: "run again"). */
  async rowOf(runId: string): Promise<RunRow> {
    const run = await this.repo.findWithHost(runId);
    if (!run) throw runNotFound();
    return run;
  }

  async bookmark(runId: string, userId: string, on: boolean): Promise<void> {
    const run = await this.repo.findWithHost(runId);
    if (!run || (on && run.cancelledAt)) throw runNotFound();
    if (on && !(await this.visibleTo(run, userId))) throw runNotFound();
    await this.repo.setBookmark(userId, runId, on);
    // Outside a unit of work: its commit does not tell the readers' caches, so this does.
    this.personal.wrote();
  }

  /**
   * Whether the reader may see this run (members-only: members, host, co-hosts and runners; hidden by reports:
   * its host).
   */
  private async visibleTo(run: RunVisibility, viewerId: string | null): Promise<boolean> {
    if (run.hiddenAt !== null) return run.hostId === viewerId;
    if (run.visibility === 'public') return true;
    if (viewerId === null) return false;
    if (run.hostId === viewerId) return true;
    if (run.crewId !== null && (await this.crews.isMember(run.crewId, viewerId))) return true;
    return this.repo.isPartOf(run.id, viewerId);
  }

  /** For reports (a ModerationTarget): its host and crew, when the reader may see the run (else 404). */
  async reportTarget(runId: string, readerId: string): Promise<TargetOwner> {
    const run = await this.repo.findWithHost(runId);
    if (!run || !(await this.visibleTo(run, readerId))) throw runNotFound();
    return { subjectId: run.hostId, crewId: run.crewId };
  }

  /**
   * Hidden (at) by reports or a moderator, or shown again (null), in the reports' unit of work; open pages
   * refresh after it commits.
   */
  async setHidden(tx: Tx, runId: string, at: Date | null): Promise<void> {
    await this.repo.setHidden(tx, runId, at);
    this.changed(tx, runId);
  }

  /**
   * For a socket's `run:watch`: whether the run exists for this reader (a cancelled one still has a page; a
   * members-only one the reader may not see is not there, as its page is a 404).
   */
  async exists(runId: string, viewerId: string): Promise<boolean> {
    const run = await this.repo.findWithHost(runId);
    return run !== undefined && (await this.visibleTo(run, viewerId));
  }

  /**
   * For comments: who hosts the run, and its title for notifications. A cancelled run takes no comments;
   * a members-only run is a 404 for whoever may not see it (`readerId` null: a guest).
   */
  async ownerOf(
    runId: string,
    readerId: string | null,
  ): Promise<{ ownerId: string; title: string; crewId: string | null }> {
    const run = await this.repo.findWithHost(runId);
    if (!run || run.cancelledAt || !(await this.visibleTo(run, readerId))) throw runNotFound();
    return { ownerId: run.hostId, title: run.title, crewId: run.crewId };
  }

  private requireCrewRules(run: Parameters<typeof crewRunIssues>[0]): void {
    const problems = crewRunIssues(run);
    if (problems.length > 0)
      throw new ValidationError(
        'The crew settings do not fit together',
        problems.map((p) => issue(p.path, p.message)),
      );
  }

  /**
   * 여성 전용 on an edit (DOMAIN.md "Safety and reliability"): a run becomes women-only only while nobody but its
   * host and co-hosts is in or waiting (409 CONFLICT: nobody already in is turned away), and a women-only
   * run's host and co-hosts, new ones included, are women (403 WOMEN_ONLY). Turning it off is always allowed.
   */
  private async checkWomenOnly(tx: Tx, run: RunRow, input: UpdateRun): Promise<void> {
    const womenOnly = input.womenOnly ?? run.womenOnly;
    if (!womenOnly || (run.womenOnly && input.coHostIds === undefined)) return;
    const current = await this.repo.coHostIds(run.id, tx);
    if (!run.womenOnly && run.participantCount + run.waitlistCount > 1 + current.length)
      throw new ConflictError(
        'CONFLICT',
        'Runners have already joined: a run becomes women-only only before anyone but its hosts is in',
      );
    await this.users.requireWomen([run.hostId, ...(input.coHostIds ?? current)], tx);
  }

  private requireLeadTime(startsAt: Date, now: Date): void {
    if (startsAt.getTime() < now.getTime() + RUN_LIMITS.minLeadMs) {
      throw new ValidationError('A run starts at least one hour from now', [
        issue('startsAt', 'startsAt.tooSoon'),
      ]);
    }
  }

  /** The edit merged onto the stored run, checked by the same rules as a new one. */
  private mergedChanges(run: RunRow, input: UpdateRun, now: Date): Partial<NewRun> {
    const startsAt = input.startsAt ? new Date(input.startsAt) : run.startsAt;
    if (input.startsAt && startsAt.getTime() !== run.startsAt.getTime()) this.requireLeadTime(startsAt, now);
    const joinDeadline = input.joinDeadline
      ? new Date(input.joinDeadline)
      : input.startsAt
        ? defaultJoinDeadline(startsAt)
        : run.joinDeadline;
    const endsAt = input.endsAt ? new Date(input.endsAt) : run.endsAt;
    const meetAt = input.meetAt === undefined ? run.meetAt : input.meetAt ? new Date(input.meetAt) : null;
    const problems = runTimeIssues({
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      meetAt: meetAt?.toISOString() ?? null,
      joinDeadline: joinDeadline.toISOString(),
    });
    if (problems.length > 0)
      throw new ValidationError(
        'Times are out of order',
        problems.map((p) => issue(p.path, p.message)),
      );
    this.requireCrewRules({
      crewId: input.crewId === undefined ? run.crewId : input.crewId,
      visibility:
        input.visibility ?? (input.crewId === null ? 'public' : (run.visibility as 'public' | 'crew')),
      guestSeats: input.guestSeats === undefined ? run.guestSeats : input.guestSeats,
      capacity: input.capacity ?? run.capacity,
    });
    if (input.capacity !== undefined && input.capacity < run.participantCount) {
      throw new ConflictError('CAPACITY_BELOW_PARTICIPANTS', 'More runners have joined than this capacity');
    }
    const text = {
      title: input.title ?? run.title,
      description: input.description ?? run.description,
      meetingPlace: input.meetingPlace ?? { name: run.placeName, lat: run.placeLat, lng: run.placeLng },
      route: input.route ?? run.route,
      segmentStarts: input.route ? (input.segmentStarts ?? []) : (input.segmentStarts ?? run.segmentStarts),
    };
    // A new route was checked with its pieces by the contract; new pieces alone are checked here.
    if (!input.route && input.segmentStarts) {
      const routeProblems = routeIssues(run.route, input.segmentStarts);
      if (routeProblems.length > 0)
        throw new ValidationError(
          'The route cannot be a group run',
          routeProblems.map((p) => issue(p.path, p.message)),
        );
    }
    return {
      ...this.derived({ ...text, startsAt: startsAt.toISOString() }),
      startsAt,
      endsAt,
      meetAt,
      joinDeadline,
      ...pick(input, [
        'capacity',
        'theme',
        'region',
        'paceSecPerKm',
        'parking',
        'baggage',
        'crewId',
        'visibility',
        'guestSeats',
        'minAttendanceRate',
        'womenOnly',
      ]),
      // Leaving its crew makes a run public and drops its guest cap.
      ...(input.crewId === null ? { visibility: 'public', guestSeats: null } : {}),
      updatedAt: now,
    };
  }

  /** Values the server computes: distance from the route, time of day, search text. */
  private derived(input: {
    title: string;
    description: string;
    startsAt: string;
    meetingPlace: { name: string; lat: number; lng: number };
    route: [number, number][];
    segmentStarts: number[];
  }) {
    const placeName = input.meetingPlace.name;
    return {
      title: input.title,
      description: input.description,
      placeName,
      placeLat: input.meetingPlace.lat,
      placeLng: input.meetingPlace.lng,
      route: input.route,
      segmentStarts: input.segmentStarts,
      distanceKm: routeDistanceKm(input.route, input.segmentStarts),
      timeOfDay: timeOfDayOf(new Date(input.startsAt)),
      searchText: runSearchText({ title: input.title, description: input.description, placeName }),
    };
  }

  private filterOf(q: ListQuery, viewerId: string | null, reader: RunFilter['reader']): RunFilter {
    const buckets = q.distance && q.distance.length < DISTANCE_BUCKETS.length ? q.distance : undefined;
    return {
      regions: q.region,
      themes: q.theme,
      timesOfDay: q.timeOfDay,
      distanceRanges: buckets?.map((b) => BUCKET_RANGES[b]),
      from: q.from ? seoulDayStart(q.from) : undefined,
      to: q.to ? seoulDayStart(q.to, 1) : undefined,
      keyword: q.q ? parseSearch(q.q) : undefined,
      near: q.near ? { lat: q.near[0], lng: q.near[1], radiusKm: q.radiusKm } : undefined,
      bbox: q.bbox,
      openAfter: q.includeClosed ? undefined : this.clock.now(),
      hostId: q.hostId,
      crewId: q.crewId,
      womenOnly: q.womenOnly || undefined,
      pace: q.pace,
      bookmarkedBy: q.bookmarked ? (viewerId ?? undefined) : undefined,
      reader,
    };
  }
}

interface Preferences {
  regions: Region[];
  distance: DistanceBucket | null;
  timesOfDay: TimeOfDay[];
}
const NO_PREFERENCES: Preferences = { regions: [], distance: null, timesOfDay: [] };

const CURSOR_KINDS = {
  soonest: 'time',
  newest: 'time',
  popular: 'int',
  relevance: 'rank',
  recommended: 'rank',
} as const satisfies Record<RunSort, CursorKind>;

function sortKey(run: RunCard, sort: RunSort): string | number | RankKey {
  if (sort === 'relevance' || sort === 'recommended') return [run.score ?? 0, run.startsAt.toISOString()];
  if (sort === 'newest') return run.createdAt.toISOString();
  if (sort === 'popular') return run.participantCount;
  return run.startsAt.toISOString();
}

/** A presented run's place in a sort that ranks no score (the SQL `order` of runs.queries.ts, id breaking ties). */
function summaryKey(run: RunSummary, sort: RunSort): string | number {
  if (sort === 'newest') return run.createdAt;
  if (sort === 'popular') return run.participantCount;
  return run.startsAt;
}

function summaryOrder(sort: RunSort): (a: RunSummary, b: RunSummary) => number {
  // Ascending for the soonest; newest and most popular first, the later id first on a tie.
  const direction = sort === 'newest' || sort === 'popular' ? -1 : 1;
  const value = (run: RunSummary) => {
    const key = summaryKey(run, sort);
    return typeof key === 'number' ? key : Date.parse(key);
  };
  return (a, b) => direction * (value(a) - value(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function issue(field: string, message: string): ErrorIssue {
  return { path: ['body', field], code: 'custom', message };
}

function pick<T extends object, K extends keyof T>(input: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}

function photoInUse(error: unknown): never {
  if (isUniqueViolation(error, 'run_photos_upload_key')) {
    throw new AppError(409, 'PHOTO_IN_USE', 'A photo already belongs to another run');
  }
  throw error;
}
