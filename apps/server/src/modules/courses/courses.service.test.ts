import { describe, expect, it } from 'vitest';
import type { UploadsService } from '../uploads/uploads.service.ts';
import { FakeUnitOfWork, fakeOf } from '../../test/fake-unit-of-work.ts';
import type { CourseRow, CoursesRepository } from './courses.repository.ts';
import { CoursesService } from './courses.service.ts';

// Ratings (DOMAIN.md: a course's average of 1–5 stars; one rating per user, changed by rating again; never
// one's own course), on the service with the repository faked in memory.

const AUTHOR = 'author';

/** One course's ratings and the sum/count the database keeps on its row. */
class FakeRatings {
  exists = true;
  stars = new Map<string, number>();
  locks = 0;

  async lock(): Promise<CourseRow | undefined> {
    this.locks += 1;
    return this.exists ? ({ id: 'course-1', authorId: AUTHOR } as CourseRow) : undefined;
  }

  async rate(_tx: unknown, _courseId: string, userId: string, stars: number) {
    this.stars.set(userId, stars);
    const all = [...this.stars.values()];
    return { sum: all.reduce((a, b) => a + b, 0), count: all.length };
  }
}

function setup() {
  const uow = new FakeUnitOfWork();
  const repo = new FakeRatings();
  const service = new CoursesService(uow, fakeOf<CoursesRepository>(repo), fakeOf<UploadsService>({}), {
    now: () => new Date('2026-12-06T00:00:00Z'),
  });
  return { service, repo, uow };
}

describe('rating a course', () => {
  it('averages to two decimals; rating again replaces the earlier rating', async () => {
    const { service, repo } = setup();
    await expect(service.rate('course-1', 'ana', 5)).resolves.toEqual({ average: 5, count: 1, mine: 5 });
    await expect(service.rate('course-1', 'bo', 4)).resolves.toEqual({ average: 4.5, count: 2, mine: 4 });
    await expect(service.rate('course-1', 'cy', 4)).resolves.toEqual({ average: 4.33, count: 3, mine: 4 });
    await expect(service.rate('course-1', 'ana', 1)).resolves.toEqual({ average: 3, count: 3, mine: 1 });
    expect(repo.locks).toBe(4);
  });

  it("refuses the author's own course, and rolls back", async () => {
    const { service, repo, uow } = setup();
    await expect(service.rate('course-1', AUTHOR, 5)).rejects.toMatchObject({
      statusCode: 403,
      code: 'OWN_COURSE',
    });
    expect(repo.stars.size).toBe(0);
    expect(uow.rollbacks).toBe(1);
  });

  it('a course that is not there is a 404', async () => {
    const { service, repo } = setup();
    repo.exists = false;
    await expect(service.rate('course-1', 'ana', 3)).rejects.toMatchObject({
      statusCode: 404,
      code: 'COURSE_NOT_FOUND',
    });
    expect(repo.stars.size).toBe(0);
  });
});
