import {
  type CreateCrewParsed,
  type Crew,
  type CrewPage,
  type CrewRole,
  type CrewSummary,
  crewNameKey,
  type CrewViewer,
  type Image,
  type JoinPolicy,
  type ListCrewsQuerySchema,
  type MyCrews,
  type PublicUser,
  type Region,
  type RunningLevel,
  TIMES_OF_DAY,
  type UpdateCrew,
  type Weekday,
} from '@erun/contracts';
import type { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import { crewSearchText } from '../../lib/search-text.ts';
import type { TargetOwner } from '../reports/reports.types.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type {
  CrewCard,
  CrewFilter,
  CrewRow,
  CrewsRepository,
  NewCrew,
  PersonRow,
} from './crews.repository.ts';

type ListQuery = z.output<typeof ListCrewsQuerySchema>;

export const crewNotFound = () => new NotFoundError('CREW_NOT_FOUND', 'Crew not found');
const nameTaken = () => new ConflictError('CREW_NAME_TAKEN', 'A crew already has this name');

/** Korea keeps no daylight saving: local time is always UTC+9. */
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/**
 * Crews themselves: making one (its maker becomes the owner), its page, finding crews, editing and deleting
 * (owner only). Joining and roles are the membership part's; runs of a crew are the runs module's.
 */
export class CrewsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: CrewsRepository,
    private readonly uploads: Pick<UploadsService, 'requireOwnMany' | 'imageOf'>,
    private readonly clock: Clock,
    /** Deleting a crew cancels its runs still ahead, their runners told (the runs module does it). */
    private readonly cancelCrewRuns: (tx: Tx, crewId: string, byUserId: string, now: Date) => Promise<number>,
    /** 여성 전용: these users' private profiles all say female, else 403 WOMEN_ONLY (the users module's). */
    private readonly requireWomen: (userIds: string[], tx?: Tx) => Promise<void> = async () => {},
  ) {}

  async create(ownerId: string, input: CreateCrewParsed): Promise<Crew> {
    await this.requireOwnImages(ownerId, input);
    // A 여성 전용 크루's owner is a woman too (403 WOMEN_ONLY).
    if (input.womenOnly) await this.requireWomen([ownerId]);
    const now = this.clock.now();
    const values: NewCrew = {
      ...fieldsOf(input),
      nameKey: crewNameKey(input.name),
      memberCount: 1,
      createdAt: now,
      updatedAt: now,
    };
    const crew = await this.uow.run((tx) => this.repo.create(tx, values, ownerId)).catch(nameConflict);
    return this.get(crew.id, ownerId);
  }

  async get(crewId: string, viewerId: string | null): Promise<Crew> {
    const now = this.clock.now();
    const row = await this.repo.findDetail(crewId, viewerId, seoulMonthStart(now), now);
    // Hidden by reports: its members' alone until a moderator decides.
    if (!row || (row.hiddenAt !== null && row.viewerStatus !== 'member')) throw crewNotFound();
    const imageOf = (id: string) => this.uploads.imageOf(id);
    return {
      ...toCrewSummary(row, imageOf),
      description: row.description,
      cover: row.coverId ? imageOf(row.coverId) : null,
      questions: row.questions,
      autoMemberAfter: row.autoMemberAfter,
      owner: toPerson(row.owner, imageOf),
      staff: row.staff.map((p) => toPerson(p, imageOf)),
      stats: {
        runsThisMonth: row.runsThisMonth,
        kmThisMonth: Math.round(row.kmThisMonth * 10) / 10,
      },
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** For reports (a ModerationTarget): its owner, when the reader may see the crew (else 404). */
  async reportTarget(crewId: string, readerId: string): Promise<TargetOwner> {
    const crew = await this.get(crewId, readerId);
    return { subjectId: crew.owner.id, crewId };
  }

  /**
   * Hidden (at) by reports or a moderator — out of lists and closed to non-members — or shown again (null), in
   * the reports' unit of work.
   */
  setHidden(tx: Tx, crewId: string, at: Date | null): Promise<void> {
    return this.repo.setHidden(tx, crewId, at);
  }

  async list(query: ListQuery, viewerId: string | null): Promise<CrewPage> {
    const cursor = decodeCursor(query.cursor, 'number');
    const rows = await this.repo.list(filterOf(query), cursor, query.limit + 1, viewerId);
    const page = rows.slice(0, query.limit);
    const imageOf = (id: string) => this.uploads.imageOf(id);
    const last = page.at(-1);
    return {
      items: page.map((r) => toCrewSummary(r, imageOf)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.rank, last.id) : null,
    };
  }

  async mine(userId: string, staffOnly: boolean): Promise<MyCrews> {
    const rows = await this.repo.mine(userId, staffOnly);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        logo: r.logoId ? this.uploads.imageOf(r.logoId) : null,
        role: r.role as CrewRole,
        memberCount: r.memberCount,
      })),
    };
  }

  async update(crewId: string, userId: string, input: UpdateCrew): Promise<Crew> {
    await this.requireOwnImages(userId, input);
    const now = this.clock.now();
    await this.uow
      .run(async (tx) => {
        const crew = await this.owned(tx, crewId, userId);
        if (input.womenOnly && !crew.womenOnly) await this.becomingWomenOnly(tx, crewId, userId);
        const merged = { ...stored(crew), ...definedOf(input) };
        const changes: Partial<NewCrew> = { ...fieldsOf(merged), updatedAt: now };
        if (input.name !== undefined) changes.nameKey = crewNameKey(input.name);
        await this.repo.update(tx, crewId, changes);
      })
      .catch(nameConflict);
    return this.get(crewId, userId);
  }

  /** Soft delete: the row stays (runs and posts point at it), its name is freed, its runs ahead cancelled. */
  async remove(crewId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.uow.run(async (tx) => {
      // Locks in the order attendance takes them (the run, then its crew: a guest admitted as a member), so
      // the two can never deadlock: the runs ahead first, then the crew — whose owner is checked again there.
      if ((await this.repo.ownerOf(tx, crewId)) !== userId) {
        await this.owned(tx, crewId, userId);
      }
      await this.cancelCrewRuns(tx, crewId, userId, now);
      await this.owned(tx, crewId, userId);
      await this.repo.update(tx, crewId, { deletedAt: now, nameKey: null, updatedAt: now });
    });
  }

  /** The `crews.activity` job: every crew's runs in the last 30 days; returns how many crews changed. */
  refreshActivity(): Promise<number> {
    return this.repo.refreshActivity(this.clock.now());
  }

  /** Seed data and tests: puts existing users in a crew with a role (joining is the membership part's). */
  async addMembersDirectly(crewId: string, members: { userId: string; role: 'staff' | 'member' }[]) {
    const now = this.clock.now();
    await this.uow.run((tx) => this.repo.addMembers(tx, crewId, members, now));
  }

  /** The live crew, locked, if the caller is its owner (staff may not edit or delete it). */
  private async owned(tx: Tx, crewId: string, userId: string): Promise<CrewRow> {
    const crew = await this.repo.lock(tx, crewId);
    if (!crew) throw crewNotFound();
    if ((await this.repo.ownerOf(tx, crewId)) !== userId)
      throw new ForbiddenError('NOT_CREW_OWNER', 'Only the crew owner can do this');
    return crew;
  }

  /**
   * A crew becomes 여성 전용 only while its owner (a woman: 403 WOMEN_ONLY) is alone in it — no other member,
   * no request waiting (409 CONFLICT): nobody already in is turned away, and no one's gender is revealed.
   */
  private async becomingWomenOnly(tx: Tx, crewId: string, ownerId: string): Promise<void> {
    await this.requireWomen([ownerId], tx);
    if ((await this.repo.othersIn(tx, crewId, ownerId)) > 0)
      throw new ConflictError(
        'CONFLICT',
        'A crew becomes women-only only while its owner is its only member, with no request waiting',
      );
  }

  private async requireOwnImages(userId: string, input: { logoId?: string | null; coverId?: string | null }) {
    const ids = [input.logoId, input.coverId].filter((id): id is string => typeof id === 'string');
    if (ids.length > 0) await this.uploads.requireOwnMany(userId, ids, 'photo');
  }
}

type CrewFields = Omit<CreateCrewParsed, never>;

/** The stored crew in the shape of its fields, so an edit can be merged onto it. */
function stored(crew: CrewRow): CrewFields {
  return {
    name: crew.name,
    description: crew.description,
    regions: crew.regions as Region[],
    homeSpot: { name: crew.homeSpotName, lat: crew.homeLat, lng: crew.homeLng },
    days: crew.days as Weekday[],
    time: crew.usualTime,
    paceRange:
      crew.paceMin !== null && crew.paceMax !== null ? { min: crew.paceMin, max: crew.paceMax } : null,
    level: crew.level,
    beginnerFriendly: crew.beginnerFriendly,
    joinPolicy: crew.joinPolicy as JoinPolicy,
    questions: crew.questions,
    logoId: crew.logoId,
    coverId: crew.coverId,
    autoMemberAfter: crew.autoMemberAfter,
    womenOnly: crew.womenOnly,
  };
}

function definedOf<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The columns a crew's fields are stored in, and the text the name search reads. */
function fieldsOf(f: CrewFields) {
  // Days are kept Monday first, whatever order they came in.
  const days = WEEK.filter((d) => f.days.includes(d));
  return {
    name: f.name,
    description: f.description,
    regions: f.regions,
    homeSpotName: f.homeSpot.name,
    homeLat: f.homeSpot.lat,
    homeLng: f.homeSpot.lng,
    days,
    usualTime: f.time,
    paceMin: f.paceRange?.min ?? null,
    paceMax: f.paceRange?.max ?? null,
    level: f.level,
    beginnerFriendly: f.beginnerFriendly,
    joinPolicy: f.joinPolicy,
    questions: f.joinPolicy === 'approval' ? f.questions : [],
    logoId: f.logoId,
    coverId: f.coverId,
    autoMemberAfter: f.autoMemberAfter,
    womenOnly: f.womenOnly,
    searchText: crewSearchText({ ...f, homeSpot: f.homeSpot.name }),
  };
}

const WEEK: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function filterOf(q: ListQuery): CrewFilter {
  return {
    regions: q.region?.length ? q.region : undefined,
    days: q.day?.length ? q.day : undefined,
    // A time of day is four hours of the clock (contracts: timeOfDayOfHour).
    hourRanges: q.timeOfDay?.length
      ? q.timeOfDay.map((t) => {
          const i = TIMES_OF_DAY.indexOf(t);
          return [i * 4, i * 4 + 4] as [number, number];
        })
      : undefined,
    pace: q.pace,
    beginner: q.beginner,
    keyword: q.q || undefined,
  };
}

/** The first instant of the current calendar month in Asia/Seoul. */
export function seoulMonthStart(now: Date): Date {
  const local = new Date(now.getTime() + SEOUL_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SEOUL_OFFSET_MS);
}

function viewerOf(row: Pick<CrewCard, 'viewerStatus' | 'viewerRole'>): CrewViewer {
  const status = row.viewerStatus as CrewViewer['status'];
  return { status, role: status === 'member' ? (row.viewerRole as CrewRole | null) : null };
}

function toCrewSummary(row: CrewCard, imageOf: (id: string) => Image): CrewSummary {
  return {
    id: row.id,
    name: row.name,
    regions: row.regions as Region[],
    homeSpot: { name: row.homeSpotName, lat: row.homeLat, lng: row.homeLng },
    days: row.days as Weekday[],
    time: row.usualTime,
    paceRange: row.paceMin !== null && row.paceMax !== null ? { min: row.paceMin, max: row.paceMax } : null,
    level: row.level,
    beginnerFriendly: row.beginnerFriendly,
    joinPolicy: row.joinPolicy as JoinPolicy,
    logo: row.logoId ? imageOf(row.logoId) : null,
    memberCount: row.memberCount,
    runsLast30Days: row.activityScore,
    viewer: viewerOf(row),
    womenOnly: row.womenOnly,
  };
}

function toPerson(p: PersonRow, imageOf: (id: string) => Image): PublicUser {
  return {
    id: p.id,
    nickname: p.nickname,
    bio: p.bio,
    runningLevel: p.runningLevel as RunningLevel | null,
    avatar: p.avatarId ? imageOf(p.avatarId) : null,
    goodRunnerScore: Number(p.goodRunnerScore),
  };
}

function nameConflict(error: unknown): never {
  if (isUniqueViolation(error, 'crews_name_key')) throw nameTaken();
  throw error;
}
