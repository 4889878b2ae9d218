import {
  distanceBucketOf,
  matchesSavedSearch,
  SAVED_SEARCH_LIMITS,
  type CreateSavedSearch,
  type SavedSearch,
  type SavedSearchFilters,
  type SavedSearchList,
} from '@erun/contracts';
import { ConflictError, NotFoundError } from '../../lib/errors.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Tx, UnitOfWork } from '../../ports/unit-of-work.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { SavedSearchesRepository, SavedSearchRow } from './saved-searches.repository.ts';

/** A run just posted, as the saved searches see it. */
export interface PostedRun {
  id: string;
  hostId: string;
  title: string;
  description: string;
  placeName: string;
  region: string;
  theme: string;
  timeOfDay: string;
  distanceKm: number;
  womenOnly: boolean;
  visibility: string;
  startsAt: Date;
}

/** Saved searches (issue 18): "이 조건으로 알림 받기", and the notice when a new run matches one. */
export class SavedSearchesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: SavedSearchesRepository,
    private readonly clock: Clock,
    private readonly notifications: Pick<NotificationsService, 'notify'>,
  ) {}

  async list(userId: string): Promise<SavedSearchList> {
    return { items: (await this.repo.list(userId)).map(toSavedSearch) };
  }

  /** Saves a filter set; 409 SAVED_SEARCHES_FULL at the cap (10 a user). */
  async create(
    userId: string,
    input: { filters: SavedSearchFilters } & CreateSavedSearch,
  ): Promise<SavedSearch> {
    const row = await this.uow.run(async (tx) => {
      await this.repo.lockUser(tx, userId);
      if ((await this.repo.count(tx, userId)) >= SAVED_SEARCH_LIMITS.perUser)
        throw new ConflictError(
          'SAVED_SEARCHES_FULL',
          `At most ${SAVED_SEARCH_LIMITS.perUser} saved searches per user`,
        );
      return this.repo.insert(tx, userId, input.filters, this.clock.now());
    });
    return toSavedSearch(row);
  }

  /** 404 for an id that is not the caller's (another user's saved search is not told to exist). */
  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.repo.remove(userId, id)))
      throw new NotFoundError('SAVED_SEARCH_NOT_FOUND', 'Saved search not found');
  }

  /**
   * In the run's own unit of work: each user with a saved search the new run matches is told once (however
   * many of their searches match), never its host; announced (in-app, push) once it has committed. A
   * members-only run is its crew's business and tells no one here.
   */
  async notifyMatches(tx: Tx, run: PostedRun): Promise<void> {
    if (run.visibility !== 'public') return;
    const candidates = await this.repo.candidates(tx, {
      hostId: run.hostId,
      region: run.region,
      theme: run.theme,
      timeOfDay: run.timeOfDay,
      distanceBucket: distanceBucketOf(run.distanceKm),
      womenOnly: run.womenOnly,
    });
    if (candidates.length === 0) return;
    const needsText = candidates.some((c) => c.filters.q.trim() !== '');
    const text = [run.title, run.description, run.placeName];
    if (needsText) text.push(await this.repo.nickname(tx, run.hostId));
    const searchable = {
      region: run.region,
      theme: run.theme,
      timeOfDay: run.timeOfDay,
      distanceBucket: distanceBucketOf(run.distanceKm),
      womenOnly: run.womenOnly,
      text,
    };
    const users = new Set(
      candidates.filter((c) => matchesSavedSearch(c.filters, searchable)).map((c) => c.userId),
    );
    await this.notifications.notify(
      tx,
      [...users].map((userId) => ({
        userId,
        category: 'saved_search_match' as const,
        runId: run.id,
        actorId: run.hostId,
        data: { title: run.title, startsAt: run.startsAt.toISOString() },
        link: `/runs/${run.id}`,
      })),
    );
  }
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return { id: row.id, filters: row.filters, createdAt: row.createdAt.toISOString() };
}
