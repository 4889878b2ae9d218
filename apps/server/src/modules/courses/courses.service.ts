import {
  bestScore,
  type Course,
  type CoursePage,
  type CourseSummary,
  type CreateCourseSchema,
  estimatedMinutes,
  type ListCoursesQuerySchema,
  type RatingResult,
  type Region,
  routeDistanceKm,
  routeIssues,
  type RunningLevel,
  type Theme,
  type UpdateCourse,
} from '@erun/contracts';
import type { z } from 'zod';
import {
  AppError,
  ForbiddenError,
  isUniqueViolation,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { TargetOwner } from '../reports/reports.types.ts';
import { noSharedReads, type SharedReads } from '../../ports/shared-reads.ts';
import type { UploadsService } from '../uploads/uploads.service.ts';
import { type CursorKind, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type {
  CourseCard,
  CourseRow,
  CoursesRepository,
  CourseWithAuthor,
  NewCourse,
} from './courses.repository.ts';

type ListQuery = z.output<typeof ListCoursesQuerySchema>;
type CreateInput = z.output<typeof CreateCourseSchema>;

export const courseNotFound = () => new NotFoundError('COURSE_NOT_FOUND', 'Course not found');

/** Views remembered per instance and day; past this many the memory starts over (the database still decides). */
const SEEN_VIEWS_MAX = 100_000;
/** The key each sort pages by: the best score is a float, views an int4 counter. */
const CURSOR_KINDS: Record<ListQuery['sort'], Exclude<CursorKind, 'rank'>> = {
  best: 'number',
  views: 'int',
  newest: 'time',
};

export class CoursesService {
  private viewsDay = '';
  private readonly seenViews = new Set<string>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: CoursesRepository,
    private readonly uploads: UploadsService,
    private readonly clock: Clock,
    private readonly shared: SharedReads = noSharedReads,
  ) {}

  async create(authorId: string, input: CreateInput): Promise<Course> {
    const photoIds = input.photoIds;
    await this.uploads.requireOwnMany(authorId, photoIds, 'photo');
    const now = this.clock.now();
    const values: NewCourse = {
      authorId,
      ...this.fields(input),
      bestScore: bestScore(0, 0, 0, 0),
      createdAt: now,
      updatedAt: now,
    };
    const row = await this.uow
      .run(async (tx) => {
        const created = await this.repo.create(tx, values);
        await this.repo.replacePhotos(tx, created.id, photoIds);
        return created;
      })
      .catch(photoInUse);
    return this.get(row.id, authorId, null);
  }

  /**
   * The course page, in one statement. `viewerKey` (user id or a hash of the address) counts the view once a
   * day; the author's own visits (their page, its edit form) never count.
   */
  async get(courseId: string, viewerId: string | null, viewerKey: string | null): Promise<Course> {
    const row = await this.repo.findPage(courseId, viewerId);
    // Hidden by reports: its author's alone until a moderator decides.
    if (!row || (row.hiddenAt !== null && row.authorId !== viewerId)) throw courseNotFound();
    if (viewerKey !== null && viewerId !== row.authorId && (await this.countView(courseId, viewerKey)))
      row.views += 1;
    return {
      ...this.toSummary(row),
      route: row.route,
      segmentStarts: row.segmentStarts,
      histogram: row.histogram,
    };
  }

  /**
   * A guest's view, counted before the (cacheable) page is read. Guests are never authors; an unknown course
   * counts nothing.
   */
  async countGuestView(courseId: string, viewerKey: string): Promise<void> {
    await this.countView(courseId, viewerKey);
  }

  /**
   * The database decides, atomically (the primary key of course_views). This instance remembers the views
   * of the day it has already seen counted, so a viewer's repeated visits cost no write at all.
   */
  private async countView(courseId: string, viewerKey: string): Promise<boolean> {
    const day = this.seoulDay();
    if (day !== this.viewsDay) {
      this.viewsDay = day;
      this.seenViews.clear();
    }
    const key = `${courseId} ${viewerKey}`;
    if (this.seenViews.has(key)) return false;
    const counted = await this.repo.countView(courseId, viewerKey, day);
    if (this.seenViews.size >= SEEN_VIEWS_MAX) this.seenViews.clear();
    this.seenViews.add(key);
    return counted;
  }

  async list(query: ListQuery, viewerId: string | null): Promise<CoursePage> {
    const cursor = decodeCursor(query.cursor, CURSOR_KINDS[query.sort]);
    if (query.bookmarked && !viewerId) throw new UnauthorizedError();
    // The page a guest sees (shared for a moment, ADR 006) and the caller's own rating and bookmark, fresh.
    if (viewerId !== null && this.shared.enabled && !query.bookmarked) {
      const page = await this.shared.shared(`courses:${JSON.stringify(query)}`, () => this.list(query, null));
      const mine = await this.repo.viewerStates(
        viewerId,
        page.items.map((item) => item.id),
      );
      return {
        ...page,
        items: page.items.map((item) => ({
          ...item,
          bookmarked: mine.get(item.id)?.bookmarked ?? false,
          myRating: mine.get(item.id)?.rating ?? null,
        })),
      };
    }
    const filter = {
      regions: query.region,
      themes: query.theme,
      authorId: query.authorId,
      bookmarkedBy: query.bookmarked ? (viewerId ?? undefined) : undefined,
    };
    const rows = await this.repo.list(filter, query.sort, cursor, query.limit + 1, viewerId);
    const page = rows.slice(0, query.limit);
    const items = page.map((r) => this.toSummary(r));
    const last = page.at(-1);
    const key = (r: CourseCard) =>
      query.sort === 'best' ? r.bestScore : query.sort === 'views' ? r.views : r.createdAt.toISOString();
    const nextCursor = rows.length > query.limit && last ? encodeCursor(key(last), last.id) : null;
    return { items, nextCursor };
  }

  async update(courseId: string, userId: string, input: UpdateCourse): Promise<Course> {
    const row = await this.requireAuthor(courseId, userId);
    if (input.photoIds) await this.uploads.requireOwnMany(userId, input.photoIds, 'photo');
    const merged = { ...this.inputOf(row), ...input } as CreateInput;
    // A new route comes with its own pieces (none when it sends none); new pieces alone fit the stored route.
    if (input.route && !input.segmentStarts) merged.segmentStarts = [];
    if (!input.route && input.segmentStarts) {
      const problems = routeIssues(row.route, input.segmentStarts);
      if (problems.length > 0)
        throw new ValidationError(
          'The route cannot be a group run',
          problems.map((p) => ({ path: ['body', p.path], code: 'custom', message: p.message })),
        );
    }
    const photoIds = input.photoIds;
    await this.uow
      .run(async (tx) => {
        await this.repo.update(tx, courseId, { ...this.fields(merged), updatedAt: this.clock.now() });
        if (photoIds) await this.repo.replacePhotos(tx, courseId, photoIds);
      })
      .catch(photoInUse);
    return this.get(courseId, userId, null);
  }

  async delete(courseId: string, userId: string): Promise<void> {
    await this.requireAuthor(courseId, userId);
    const photoIds = await this.uow.run((tx) => this.repo.delete(tx, courseId));
    await this.uploads.deleteMany(photoIds);
  }

  async rate(courseId: string, userId: string, stars: number): Promise<RatingResult> {
    const result = await this.uow.run(async (tx) => {
      const course = await this.repo.lock(tx, courseId);
      if (!course) throw courseNotFound();
      if (course.authorId === userId)
        throw new ForbiddenError('OWN_COURSE', 'You cannot rate your own course');
      return this.repo.rate(tx, courseId, userId, stars);
    });
    return { average: average(result.sum, result.count), count: result.count, mine: stars };
  }

  async bookmark(courseId: string, userId: string, on: boolean): Promise<void> {
    if (!(await this.repo.findWithAuthor(courseId))) throw courseNotFound();
    await this.uow.run((tx) => this.repo.setBookmark(tx, userId, courseId, on));
  }

  /** For the comments module: who to tell about a new comment. */
  async ownerOf(courseId: string): Promise<{ ownerId: string; title: string }> {
    const row = await this.repo.findWithAuthor(courseId);
    if (!row) throw courseNotFound();
    return { ownerId: row.authorId, title: row.title };
  }

  /** For reports (a ModerationTarget): its author, when the reader may see the course (else 404). */
  async reportTarget(courseId: string, readerId: string): Promise<TargetOwner> {
    const row = await this.repo.findWithAuthor(courseId);
    if (!row || (row.hiddenAt !== null && row.authorId !== readerId)) throw courseNotFound();
    return { subjectId: row.authorId, crewId: null };
  }

  /** Hidden (at) by reports or a moderator, or shown again (null), in the reports' unit of work. */
  setHidden(tx: Tx, courseId: string, at: Date | null): Promise<void> {
    return this.repo.setHidden(tx, courseId, at);
  }

  private seoulDay(): string {
    return new Date(this.clock.now().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  }

  private async requireAuthor(courseId: string, userId: string): Promise<CourseWithAuthor> {
    const row = await this.repo.findWithAuthor(courseId);
    if (!row) throw courseNotFound();
    if (row.authorId !== userId)
      throw new ForbiddenError('NOT_AUTHOR', 'Only the author can change this course');
    return row;
  }

  private fields(input: CreateInput) {
    return {
      title: input.title,
      description: input.description ?? '',
      route: input.route,
      segmentStarts: input.segmentStarts,
      distanceKm: routeDistanceKm(input.route, input.segmentStarts),
      region: input.region,
      theme: input.theme,
      startName: input.startPoint?.name ?? null,
      startLat: input.startPoint?.lat ?? null,
      startLng: input.startPoint?.lng ?? null,
      paceSecPerKm: input.paceSecPerKm ?? null,
      parking: input.parking || null,
      baggage: input.baggage || null,
      toilets: input.toilets || null,
      water: input.water || null,
    };
  }

  private inputOf(row: CourseRow): Omit<CreateInput, 'photoIds'> {
    const startPoint =
      row.startName !== null && row.startLat !== null && row.startLng !== null
        ? { name: row.startName, lat: row.startLat, lng: row.startLng }
        : null;
    return {
      title: row.title,
      description: row.description,
      route: row.route,
      segmentStarts: row.segmentStarts,
      region: row.region as Region,
      theme: row.theme as Theme,
      startPoint,
      paceSecPerKm: row.paceSecPerKm,
      parking: row.parking,
      baggage: row.baggage,
      toilets: row.toilets,
      water: row.water,
    };
  }

  private toSummary(row: CourseCard): CourseSummary {
    const { photoIds, viewer } = row;
    const imageOf = (id: string) => this.uploads.imageOf(id);
    const fields = this.inputOf({ ...row, route: [] });
    return {
      id: row.id,
      title: fields.title,
      description: fields.description ?? '',
      region: fields.region,
      theme: fields.theme,
      startPoint: fields.startPoint ?? null,
      paceSecPerKm: row.paceSecPerKm,
      parking: row.parking,
      baggage: row.baggage,
      toilets: row.toilets,
      water: row.water,
      distanceKm: row.distanceKm,
      estimatedMinutes: estimatedMinutes(row.distanceKm, row.paceSecPerKm),
      rating: { average: average(row.ratingSum, row.ratingCount), count: row.ratingCount },
      views: row.views,
      bookmarkCount: row.bookmarkCount,
      commentCount: row.commentCount,
      author: {
        id: row.author.id,
        nickname: row.author.nickname,
        bio: row.author.bio,
        runningLevel: row.author.runningLevel as RunningLevel | null,
        avatar: row.author.avatarId ? imageOf(row.author.avatarId) : null,
        goodRunnerScore: row.author.goodRunnerScore,
      },
      photos: photoIds.map(imageOf),
      bookmarked: viewer?.bookmarked ?? false,
      myRating: viewer?.rating ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

/** Average to two decimals; 0 when nobody has rated yet (the count says so). */
function average(sum: number, count: number): number {
  return count === 0 ? 0 : Math.round((sum / count) * 100) / 100;
}

function photoInUse(error: unknown): never {
  if (isUniqueViolation(error, 'course_photos_upload_key')) {
    throw new AppError(409, 'PHOTO_IN_USE', 'A photo already belongs to another course');
  }
  throw error;
}
