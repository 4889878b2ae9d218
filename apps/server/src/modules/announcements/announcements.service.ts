import type {
  Announcement,
  AnnouncementPage,
  CreateAnnouncement,
  RunningLevel,
  UpdateAnnouncement,
} from '@erun/contracts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { TargetOwner } from '../reports/reports.types.ts';
import { type CrewAccessService, isStaffRole } from '../crews/index.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import type {
  AnnouncementCursor,
  AnnouncementsRepository,
  AnnouncementWithAuthor,
} from './announcements.repository.ts';

export const announcementNotFound = () =>
  new NotFoundError('ANNOUNCEMENT_NOT_FOUND', 'Announcement not found');
const crewNotFound = () => new NotFoundError('CREW_NOT_FOUND', 'Crew not found');
const notMember = () => new ForbiddenError('NOT_CREW_MEMBER', 'Only the crew’s members can see this');

/**
 * Crew announcements (공지): staff write them, members read them and are told of each new one. Every check
 * asks the crew access service afresh, so a removed member loses access on the next request.
 */
export class AnnouncementsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AnnouncementsRepository,
    private readonly crewAccess: CrewAccessService,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
    private readonly uploads: Pick<UploadsService, 'imageOf'>,
    private readonly clock: Clock,
  ) {}

  async create(crewId: string, userId: string, input: CreateAnnouncement): Promise<Announcement> {
    const { title, content, pinned } = input;
    const crewName = await this.requireCrew(crewId);
    await this.crewAccess.requireStaff(crewId, userId);
    const now = this.clock.now();
    const row = await this.uow.run(async (tx) => {
      const created = await this.repo.create(tx, {
        crewId,
        authorId: userId,
        title,
        content,
        pinned,
        createdAt: now,
        updatedAt: now,
      });
      // Staff announcements reach every member: no chat mute applies to them (issue 16).
      const memberIds = await this.repo.memberIds(tx, crewId, userId);
      await this.notifications.notify(
        tx,
        memberIds.map((memberId) => ({
          userId: memberId,
          actorId: userId,
          category: 'crew_announcement' as const,
          link: `/announcements/${created.id}`,
          data: { title: crewName, subject: title, crewId, announcementId: created.id },
        })),
      );
      return created;
    });
    return this.get(row.id, userId);
  }

  async list(
    crewId: string,
    userId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<AnnouncementPage> {
    const after = decodeAnnouncementCursor(cursor);
    await this.requireCrew(crewId);
    const role = await this.crewAccess.roleOf(crewId, userId);
    if (role === null) throw notMember();
    const staff = isStaffRole(role);
    const rows = await this.repo.list(crewId, after, limit + 1, { userId, staff });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((r) => this.toAnnouncement(r, staff || r.authorId === userId)),
      nextCursor: rows.length > limit && last ? encodeAnnouncementCursor(last) : null,
      canWrite: staff,
    };
  }

  async get(id: string, userId: string): Promise<Announcement> {
    const { row, staff } = await this.readable(id, userId);
    return this.toAnnouncement(row, staff || row.authorId === userId);
  }

  /** The author or any staff member; `{pinned}` alone pins or unpins. */
  async update(id: string, userId: string, changes: UpdateAnnouncement): Promise<Announcement> {
    await this.requireEditor(id, userId);
    await this.repo.update(id, changes, this.clock.now());
    return this.get(id, userId);
  }

  async delete(id: string, userId: string): Promise<void> {
    await this.requireEditor(id, userId);
    await this.repo.delete(id, this.clock.now());
  }

  /**
   * For the comments module: who is told of comments under the announcement (its author) and what to call it;
   * throws unless the user may read it (a crew member). `moderates`: the user may delete others' comments.
   */
  async ownerOf(
    id: string,
    userId: string | null,
  ): Promise<{ ownerId: string; title: string; moderates: boolean; crewId: string }> {
    if (userId === null) throw notMember();
    const { row, staff } = await this.readable(id, userId);
    return {
      ownerId: row.authorId,
      title: row.title,
      moderates: staff || row.authorId === userId,
      crewId: row.crewId,
    };
  }

  /** For reports (a ModerationTarget): its author and crew, when the reader may read it (else 404). */
  async reportTarget(id: string, readerId: string): Promise<TargetOwner> {
    const { row } = await this.readable(id, readerId).catch((error: unknown) => {
      throw error instanceof ForbiddenError ? announcementNotFound() : error;
    });
    return { subjectId: row.authorId, crewId: row.crewId };
  }

  /**
   * Hidden (at) by reports or a moderator — from the crew but its author and staff — or shown again (null), in
   * the reports' unit of work.
   */
  setHidden(tx: Tx, id: string, at: Date | null): Promise<void> {
    return this.repo.setHidden(tx, id, at);
  }

  /** A member's; one hidden by reports only its author's and the staff's until a moderator decides. */
  private async readable(id: string, userId: string) {
    const row = await this.repo.find(id);
    if (!row) throw announcementNotFound();
    const role = await this.crewAccess.roleOf(row.crewId, userId);
    if (role === null) throw notMember();
    const staff = isStaffRole(role);
    if (row.hiddenAt !== null && !staff && row.authorId !== userId) throw announcementNotFound();
    return { row, staff };
  }

  private async requireEditor(id: string, userId: string): Promise<void> {
    const { row, staff } = await this.readable(id, userId);
    if (!staff && row.authorId !== userId) {
      throw new ForbiddenError('NOT_CREW_STAFF', 'Only the author or the crew staff can change this');
    }
  }

  private async requireCrew(crewId: string): Promise<string> {
    const name = await this.repo.crewName(crewId);
    if (name === undefined) throw crewNotFound();
    return name;
  }

  private toAnnouncement(row: AnnouncementWithAuthor, canEdit: boolean): Announcement {
    const { author } = row;
    return {
      id: row.id,
      crewId: row.crewId,
      crewName: row.crewName,
      author: {
        id: author.id,
        nickname: author.nickname,
        bio: author.bio,
        runningLevel: author.runningLevel as RunningLevel | null,
        avatar: author.avatarId ? this.uploads.imageOf(author.avatarId) : null,
        goodRunnerScore: author.goodRunnerScore,
      },
      title: row.title,
      content: row.content,
      pinned: row.pinned,
      commentCount: row.commentCount,
      canEdit,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

/** `p`/`u` (pinned or not) before the shared time cursor: the list sorts pinned ones first. */
function encodeAnnouncementCursor(row: AnnouncementWithAuthor): string {
  return (row.pinned ? 'p' : 'u') + encodeCursor(row.createdAt.toISOString(), row.id);
}

function decodeAnnouncementCursor(cursor: string | undefined): AnnouncementCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const flag = cursor[0];
  const decoded = decodeCursor(flag === 'p' || flag === 'u' ? cursor.slice(1) : '-', 'time');
  if (!decoded) return undefined;
  return { pinned: flag === 'p', createdAt: new Date(decoded[0]), id: decoded[1] };
}
