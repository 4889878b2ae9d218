import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  CrewInvite,
  CrewMember,
  CrewMemberPage,
  CrewMembersQueryParsed,
  CrewRole,
  JoinCrew,
  JoinCrewResult,
  MyCrewMembership,
  RemoveCrewMember,
  RunningLevel,
  UpdateCrewMember,
} from '@erun/contracts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Realtime } from '../../ports/realtime.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type {
  CrewFacts,
  CrewMembersRepository,
  MemberCursor,
  MemberListRow,
  MemberRow,
} from './crew-members.repository.ts';
import { isStaffRole } from './crews.types.ts';

const crewNotFound = () => new NotFoundError('CREW_NOT_FOUND', 'No such crew');
const memberNotFound = () => new NotFoundError('MEMBER_NOT_FOUND', 'No such member or request in this crew');
const notStaff = () => new ForbiddenError('NOT_CREW_STAFF', 'Only the crew staff can do this');
const notOwner = () => new ForbiddenError('NOT_CREW_OWNER', 'Only the crew owner can do this');
const mustHandOver = () =>
  new ConflictError('OWNER_MUST_HAND_OVER', 'The owner must hand the crew over to someone first');

/** An invite link's secret: 256 random bits; only its SHA-256 is stored (like auth's secret tokens). */
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A rule another module adds to joining a crew (issue 17: blocks, suspension, 여성 전용): checked in the join's
 * unit of work on the locked crew, after the crew's own rules; it refuses by throwing an AppError.
 */
export interface CrewJoinCheck {
  check(tx: Tx, crew: JoiningCrew, userId: string, now: Date): Promise<void>;
}

/** What a join check sees of the crew. */
export type JoiningCrew = Pick<CrewFacts, 'id' | 'name' | 'womenOnly'>;

interface CrewMembersDeps {
  clock: Clock;
  notifications: Pick<NotificationsService, 'notify'>;
  realtime: Pick<Realtime, 'toUsers'>;
  uploads: Pick<UploadsService, 'imageOf'>;
  publicUrl: string;
  /** Someone stopped being a member (left, removed, banned): their open sockets stop hearing the crew chat. */
  onLeft?: (crewId: string, userIds: string[]) => void;
  /** Other modules' rules for joining (see CrewJoinCheck), in order. */
  joinChecks?: readonly CrewJoinCheck[];
}

/**
 * Crew membership (DOMAIN.md "Crews"): joining by policy, requests and staff decisions, roles and handing
 * over, leaving, bans, the invite link, and guests who become members after N attended crew runs. Every
 * decision takes the crew's row lock first, so the member counter moves exactly with the rows it counts.
 */
export class CrewMembersService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: CrewMembersRepository,
    private readonly deps: CrewMembersDeps,
  ) {}

  async join(crewId: string, userId: string, input: JoinCrew): Promise<JoinCrewResult> {
    return this.uow.run(async (tx) => {
      const crew = await this.lockedCrew(tx, crewId);
      const row = await this.repo.rowOf(crewId, userId, tx);
      if (row?.status === 'member') throw new ConflictError('ALREADY_MEMBER', 'Already a member');
      if (row?.status === 'pending') throw new ConflictError('ALREADY_REQUESTED', 'Already asked to join');
      if (row?.status === 'banned') throw new ForbiddenError('CREW_BANNED', 'Banned from this crew');
      // Hidden by moderation: to anyone outside, the crew is not there (as its page says), nor joinable.
      if (crew.hiddenAt !== null) throw crewNotFound();
      const now = this.deps.clock.now();
      for (const rule of this.deps.joinChecks ?? []) await rule.check(tx, crew, userId, now);
      if (admitsAtOnce(crew, input.invite)) {
        await this.repo.insert(tx, { crewId, userId, status: 'member', answers: [], now });
        await this.repo.moveCount(tx, crewId, 1);
        return { status: 'member' as const };
      }
      checkAnswers(crew, input.answers ?? []);
      await this.repo.insert(tx, { crewId, userId, status: 'pending', answers: input.answers ?? [], now });
      const staff = await this.repo.staffIds(tx, crewId);
      await this.deps.notifications.notify(
        tx,
        staff.map((id) => ({
          userId: id,
          category: 'crew_join_request' as const,
          actorId: userId,
          link: `/crews/${crewId}/members?tab=pending`,
          data: { title: crew.name },
        })),
      );
      return { status: 'pending' as const };
    });
  }

  async list(crewId: string, viewerId: string, query: CrewMembersQueryParsed): Promise<CrewMemberPage> {
    const { status, limit } = query;
    // A bad cursor is the caller's mistake whoever they are: 400 before any access check.
    const cursor = decodeMemberCursor(query.cursor);
    const staff = isStaffRole(await this.viewerRole(crewId, viewerId));
    if (status !== 'member' && !staff) throw notStaff();
    const rows = await this.repo.list(crewId, status, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => this.toItem(r, staff)),
      nextCursor:
        rows.length > limit && last
          ? encodeMemberCursor({ rank: last.rank, at: last.createdAt.toISOString(), userId: last.user.id })
          : null,
    };
  }

  async me(crewId: string, userId: string): Promise<MyCrewMembership> {
    const crew = await this.repo.crew(crewId);
    if (!crew) throw crewNotFound();
    const [row, attendedRuns] = await Promise.all([
      this.repo.rowOf(crewId, userId),
      this.repo.attendedRuns(crewId, userId),
    ]);
    const isMember = row?.status === 'member';
    // A crew hidden by moderation is its members' alone until a moderator decides (as its page).
    if (crew.hiddenAt !== null && !isMember) throw crewNotFound();
    const staff = isMember && isStaffRole(row.role);
    const counts = crew.autoMemberAfter !== null && !isMember && row?.status !== 'banned';
    return {
      crew: {
        id: crew.id,
        name: crew.name,
        joinPolicy: crew.joinPolicy,
        questions: crew.questions,
        autoMemberAfter: crew.autoMemberAfter,
        memberCount: crew.memberCount,
      },
      status: row?.status ?? null,
      role: isMember ? row.role : null,
      attendedRuns,
      runsToMember: counts ? Math.max(0, (crew.autoMemberAfter ?? 0) - attendedRuns) : null,
      pendingCount: staff ? await this.repo.pendingCount(crewId) : null,
    };
  }

  /** Staff approve a request; the owner changes roles or hands the crew over. Answers the member's row. */
  async update(
    crewId: string,
    actorId: string,
    targetId: string,
    input: UpdateCrewMember,
  ): Promise<CrewMember> {
    const told = await this.uow.run(async (tx) => {
      const crew = await this.lockedCrew(tx, crewId);
      const actor = memberRole(await this.repo.rowOf(crewId, actorId, tx));
      const target = await this.repo.rowOf(crewId, targetId, tx);
      if ('status' in input) return this.approve(tx, crew, actor, targetId, target);
      if (actor !== 'owner') throw notOwner();
      if (target?.status !== 'member') throw memberNotFound();
      if (targetId === actorId || target.role === input.role) {
        if (input.role !== 'owner' && target.role === 'owner') throw mustHandOver();
        return [];
      }
      const now = this.deps.clock.now();
      if (input.role === 'owner') {
        // The old owner steps down first: the unique index keeps one owner at every moment.
        await this.repo.setRole(tx, crewId, actorId, 'staff', now);
      } else if (target.role === 'owner') throw mustHandOver();
      await this.repo.setRole(tx, crewId, targetId, input.role, now);
      await this.tell(tx, crew, actorId, [targetId], 'crew_role_changed');
      return input.role === 'owner' ? [targetId, actorId] : [targetId];
    });
    this.announce(crewId, told);
    const [row] = await this.repo.list(crewId, 'member', undefined, 1, targetId);
    if (!row) throw memberNotFound();
    return this.toItem(row, true);
  }

  /** Staff refuse a request, remove a member, ban (with `ban`) or lift a ban (deleting a banned row). */
  async remove(crewId: string, actorId: string, targetId: string, input: RemoveCrewMember): Promise<void> {
    await this.uow.run(async (tx) => {
      const crew = await this.lockedCrew(tx, crewId);
      const actor = memberRole(await this.repo.rowOf(crewId, actorId, tx));
      if (!isStaff(actor)) throw notStaff();
      const target = await this.repo.rowOf(crewId, targetId, tx);
      if (!target) throw memberNotFound();
      if (target.status === 'member' && isStaffRole(target.role))
        throw new ForbiddenError('FORBIDDEN', 'Staff and the owner cannot be removed or banned');
      const reason = input.reason?.trim() || null;
      const now = this.deps.clock.now();
      if (input.ban) await this.repo.ban(tx, crewId, targetId, reason, now);
      else await this.repo.delete(tx, crewId, targetId);
      if (target.status === 'member') {
        await this.repo.moveCount(tx, crewId, -1);
        tx.afterCommit(() => this.deps.onLeft?.(crewId, [targetId]));
      }
      if (target.status !== 'banned') {
        const category = target.status === 'pending' ? 'crew_refused' : 'crew_removed';
        await this.tell(tx, crew, actorId, [targetId], category, reason);
      }
    });
    this.announce(crewId, [targetId]);
  }

  /** Leaving (or withdrawing a request). The owner hands over first; a ban is not lifted by leaving. */
  async leave(crewId: string, userId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.lockedCrew(tx, crewId);
      const row = await this.repo.rowOf(crewId, userId, tx);
      if (!row || row.status === 'banned') throw memberNotFound();
      if (row.status === 'member' && row.role === 'owner') throw mustHandOver();
      await this.repo.delete(tx, crewId, userId);
      if (row.status === 'member') {
        await this.repo.moveCount(tx, crewId, -1);
        tx.afterCommit(() => this.deps.onLeft?.(crewId, [userId]));
      }
    });
  }

  /** A new invite link for the staff to share; the previous one stops working. */
  async createInvite(crewId: string, actorId: string): Promise<CrewInvite> {
    const [crew, row] = await Promise.all([this.repo.crew(crewId), this.repo.rowOf(crewId, actorId)]);
    if (!crew) throw crewNotFound();
    if (!isStaff(memberRole(row))) throw notStaff();
    const token = randomBytes(32).toString('base64url');
    await this.repo.setInviteHash(crewId, hashOf(token), this.deps.clock.now());
    return { url: `${this.deps.publicUrl}/crews/${crewId}/join?invite=${token}` };
  }

  /**
   * Guest to member, in the attendance's unit of work: when the run belongs to a crew that admits guests after
   * N attended runs, the present guests who have reached N become members and are told. Invite-only crews too:
   * N runs with the crew is the invitation. Banned users never are.
   */
  async admitRegulars(tx: Tx, runId: string, presentIds: string[]): Promise<void> {
    if (presentIds.length === 0) return;
    const crewId = await this.repo.crewOfRun(tx, runId);
    if (crewId === null) return;
    const crew = await this.repo.lockCrew(tx, crewId);
    // A crew hidden by moderation takes nobody in, regulars included, until a moderator decides.
    if (!crew || crew.autoMemberAfter === null || crew.hiddenAt !== null) return;
    const reaching = await this.repo.guestsReaching(tx, crewId, presentIds, crew.autoMemberAfter);
    // The join rules hold here too (a 여성 전용 크루 admits no one its join would refuse).
    const due = await this.admissible(tx, crew, reaching);
    const admitted = await this.repo.admit(tx, crewId, due, this.deps.clock.now());
    if (admitted.length === 0) return;
    await this.repo.moveCount(tx, crewId, admitted.length);
    await this.tell(tx, crew, null, admitted, 'crew_member_promoted');
    tx.afterCommit(() => this.announce(crewId, admitted));
  }

  /** Those of these users every join check lets in (a refusal is no error here: they stay guests). */
  private async admissible(tx: Tx, crew: JoiningCrew, userIds: string[]): Promise<string[]> {
    const checks = this.deps.joinChecks ?? [];
    if (checks.length === 0) return userIds;
    const now = this.deps.clock.now();
    const admissible: string[] = [];
    for (const userId of userIds) {
      try {
        for (const rule of checks) await rule.check(tx, crew, userId, now);
        admissible.push(userId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return admissible;
  }

  /**
   * A deleted account leaves every crew, in the deletion's unit of work. A crew it owned passes to its oldest
   * staff, else its oldest member (told as a role change); a crew with nobody else is deleted.
   */
  async forgetUser(tx: Tx, userId: string): Promise<void> {
    const now = this.deps.clock.now();
    for (const crewId of await this.repo.ownedCrewIds(tx, userId)) {
      const crew = await this.repo.lockCrew(tx, crewId);
      if (!crew) continue;
      const heir = await this.repo.successorOf(tx, crewId, userId);
      if (heir === undefined) {
        await this.repo.softDeleteCrew(tx, crewId, now);
        continue;
      }
      await this.repo.setRole(tx, crewId, userId, 'staff', now);
      await this.repo.setRole(tx, crewId, heir, 'owner', now);
      await this.tell(tx, crew, null, [heir], 'crew_role_changed');
      tx.afterCommit(() => this.announce(crewId, [heir]));
    }
    await this.repo.forgetUser(tx, userId);
  }

  private async approve(
    tx: Tx,
    crew: CrewFacts,
    actor: CrewRole | null,
    targetId: string,
    target: MemberRow | undefined,
  ): Promise<string[]> {
    if (!isStaff(actor)) throw notStaff();
    if (target?.status === 'member') throw new ConflictError('ALREADY_MEMBER', 'Already a member');
    if (target?.status !== 'pending') throw memberNotFound();
    await this.repo.approve(tx, crew.id, targetId, this.deps.clock.now());
    await this.repo.moveCount(tx, crew.id, 1);
    await this.tell(tx, crew, null, [targetId], 'crew_joined');
    return [targetId];
  }

  private async lockedCrew(tx: Tx, crewId: string): Promise<CrewFacts> {
    const crew = await this.repo.lockCrew(tx, crewId);
    if (!crew) throw crewNotFound();
    return crew;
  }

  /** The viewer's role; 404 for no such crew and 403 NOT_CREW_MEMBER for anyone not a member. */
  private async viewerRole(crewId: string, viewerId: string): Promise<CrewRole> {
    const [crew, row] = await Promise.all([this.repo.crew(crewId), this.repo.rowOf(crewId, viewerId)]);
    if (!crew) throw crewNotFound();
    const role = memberRole(row);
    if (role === null) throw new ForbiddenError('NOT_CREW_MEMBER', 'Only the crew’s members can see this');
    return role;
  }

  private async tell(
    tx: Tx,
    crew: CrewFacts,
    actorId: string | null,
    userIds: string[],
    category: 'crew_joined' | 'crew_refused' | 'crew_removed' | 'crew_role_changed' | 'crew_member_promoted',
    reason: string | null = null,
  ): Promise<void> {
    await this.deps.notifications.notify(
      tx,
      userIds.map((userId) => ({
        userId,
        category,
        actorId,
        link: `/crews/${crew.id}`,
        data: { title: crew.name, reason },
      })),
    );
  }

  /** Tells the users' open tabs that their place in the crew changed (after the change committed). */
  private announce(crewId: string, userIds: string[]): void {
    if (userIds.length > 0) this.deps.realtime.toUsers(userIds, 'crew:membership', { crewId });
  }

  private toItem(r: MemberListRow, staff: boolean): CrewMember {
    return {
      user: {
        id: r.user.id,
        nickname: r.user.nickname,
        bio: r.user.bio,
        runningLevel: r.user.runningLevel as RunningLevel | null,
        avatar: r.user.avatarId ? this.deps.uploads.imageOf(r.user.avatarId) : null,
        goodRunnerScore: r.user.goodRunnerScore,
      },
      role: r.role,
      status: r.status,
      answers: staff ? r.answers : null,
      reason: staff ? r.reason : null,
      joinedAt: r.createdAt.toISOString(),
    };
  }
}

const isStaff = (role: CrewRole | null) => role !== null && isStaffRole(role);

function memberRole(row: MemberRow | undefined): CrewRole | null {
  return row?.status === 'member' ? row.role : null;
}

/** Open crews admit at once; so does a valid invite link (any policy). A bad link is refused, not ignored. */
function admitsAtOnce(crew: CrewFacts, invite: string | undefined): boolean {
  if (invite !== undefined && crew.joinPolicy !== 'open') {
    if (!crew.inviteTokenHash || !sameHash(crew.inviteTokenHash, hashOf(invite)))
      throw new ForbiddenError('INVITE_INVALID', 'The invite link is not valid any more');
    return true;
  }
  if (crew.joinPolicy === 'invite')
    throw new ForbiddenError('INVITE_ONLY', 'This crew takes members through its invite link only');
  return crew.joinPolicy === 'open';
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** An approval crew's request answers each of its questions, no more, no fewer. */
function checkAnswers(crew: CrewFacts, answers: string[]): void {
  if (answers.length !== crew.questions.length) {
    throw new ValidationError('Answer each of the crew’s questions', [
      { path: ['body', 'answers'], code: 'custom', message: 'answers.count' },
    ]);
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Member lists sort by (role, time, id): the cursor holds all three of the last row shown. */
function encodeMemberCursor(c: MemberCursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.at, c.userId])).toString('base64url');
}

function decodeMemberCursor(cursor: string | undefined): MemberCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 3) {
    const [rank, at, userId] = parsed as unknown[];
    const valid =
      (rank === 0 || rank === 1 || rank === 2) &&
      typeof at === 'string' &&
      ISO_INSTANT.test(at) &&
      !Number.isNaN(Date.parse(at)) &&
      new Date(Date.parse(at)).toISOString() === at &&
      typeof userId === 'string' &&
      UUID.test(userId);
    if (valid) return { rank, at, userId };
  }
  throw new ValidationError('Invalid cursor', [
    { path: ['querystring', 'cursor'], code: 'custom', message: 'cursor.invalid' },
  ]);
}
