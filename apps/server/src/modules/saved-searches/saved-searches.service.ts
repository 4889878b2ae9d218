import {
  distanceBucketOf,
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

/**
 * Which of the keywords (as saved) the list's `?q=` finds the run by: the runs module's search conditions,
 * read in the unit of work that created the run.
 */
export type KeywordsFinding = (tx: Tx, runId: string, keywords: string[]) => Promise<Set<string>>;

/** A run just opened (posted, or a 정기런 date), as the saved searches see it. */
export interface PostedRun {
  id: string;
  hostId: string;
  title: string;
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

  /** An account being deleted: its saved searches go with it, in the deletion's unit of work. */
  forget(tx: Tx, userId: string): Promise<void> {
    return this.repo.forget(tx, userId);
  }

  /**
   * In the runs' own unit of work: each user with a saved search one of the new runs matches is told once
   * (however many of their searches match), never the host; announced (in-app, push) once it has committed.
   * Members-only runs are their crew's business and tell no one here.
   *
   * `runs` is one opening: a posted run, or the dates a 정기런 opens at once (its creation opens up to 28
   * days, the hourly job the dates the window reaches). An opening tells a user once, of its soonest run
   * they match — not once per date: four weekly dates of one series are one notice, not four. The keyword
   * (`q`) is tested by `keywordsFinding`, the runs module's own `?q=` conditions, so a saved search finds
   * exactly the runs the list shows for its keyword.
   */
  async notifyMatches(tx: Tx, runs: PostedRun[], keywordsFinding: KeywordsFinding): Promise<void> {
    const told = new Set<string>();
    const notices: Parameters<NotificationsService['notify']>[1] = [];
    for (const run of [...runs].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
      if (run.visibility !== 'public') continue;
      const users = await this.matchingUsers(tx, run, keywordsFinding);
      for (const userId of users) {
        if (told.has(userId)) continue;
        told.add(userId);
        notices.push({
          userId,
          category: 'saved_search_match' as const,
          runId: run.id,
          actorId: run.hostId,
          data: { title: run.title, startsAt: run.startsAt.toISOString() },
          link: `/runs/${run.id}`,
        });
      }
    }
    if (notices.length > 0) await this.notifications.notify(tx, notices);
  }

  /** The owners of saved searches the run matches: facets in SQL, then the keyword as the list reads it. */
  private async matchingUsers(
    tx: Tx,
    run: PostedRun,
    keywordsFinding: KeywordsFinding,
  ): Promise<Set<string>> {
    const candidates = await this.repo.candidates(tx, {
      hostId: run.hostId,
      region: run.region,
      theme: run.theme,
      timeOfDay: run.timeOfDay,
      distanceBucket: distanceBucketOf(run.distanceKm),
      womenOnly: run.womenOnly,
    });
    const keywords = candidates.map((c) => c.filters.q.trim()).filter((q) => q !== '');
    const found = keywords.length > 0 ? await keywordsFinding(tx, run.id, keywords) : new Set<string>();
    return new Set(
      candidates
        .filter((c) => c.filters.q.trim() === '' || found.has(c.filters.q.trim()))
        .map((c) => c.userId),
    );
  }
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return { id: row.id, filters: row.filters, createdAt: row.createdAt.toISOString() };
}
