import type { Run } from '@erun/contracts';
import { describe, expect, it } from 'vitest';
import { FakeNotifications, FakeUnitOfWork, fakeOf } from '../../test/fake-unit-of-work.ts';
import type { AfterRunRepository, AttendanceState } from './after-run.repository.ts';
import { AfterRunService } from './after-run.service.ts';

// Attendance windows and host reviews (DOMAIN.md, ADR 012) on the service, with the repository, the unit of
// work and the notifications faked in memory. The score itself (50 ± marks ± reviews, clamped) is derived in
// SQL from these records: the after-run integration tests hold it.

const MIN = 60_000;
const HOUR = 60 * MIN;
const STARTS = new Date('2026-12-06T07:00:00+09:00');
const ENDS = new Date(STARTS.getTime() + HOUR);
const HOST = 'host';

const run = (overrides: Partial<Run> = {}) =>
  ({
    id: 'run-1',
    title: '새벽 러닝',
    startsAt: STARTS.toISOString(),
    endsAt: ENDS.toISOString(),
    joinState: 'closed',
    host: { id: HOST },
    participants: [HOST, 'ana', 'bo'].map((id) => ({ id, nickname: id, avatar: null })),
    paceGroups: [],
    ...overrides,
  }) as unknown as Run;

/** Marks and reviews in memory, as the locked run would show them. */
class FakeRecords {
  marks = new Map<string, boolean>();
  reviewers = new Set<string>();
  reviews: { reviewerId: string; positive: boolean }[] = [];

  async attendanceOf() {
    return new Map(this.marks);
  }
  async reviewersOf() {
    return new Set(this.reviewers);
  }
  async marksIn() {
    return new Map(this.marks);
  }
  async lockForAttendance(): Promise<AttendanceState> {
    return { members: new Set(['ana', 'bo']), reviewers: new Set(this.reviewers) };
  }
  async saveMarks(_tx: unknown, _runId: string, marks: { userId: string; present: boolean }[]) {
    for (const m of marks) this.marks.set(m.userId, m.present);
  }
  async insertReview(_tx: unknown, review: { reviewerId: string; positive: boolean }) {
    if (this.marks.get(review.reviewerId) !== true) return 'not_present' as const;
    if (this.reviewers.has(review.reviewerId)) return 'exists' as const;
    this.reviewers.add(review.reviewerId);
    this.reviews.push(review);
    return 'created' as const;
  }
}

function setup(at: Date, theRun: Run = run()) {
  const clock = { current: at, now: () => clock.current };
  const uow = new FakeUnitOfWork();
  const repo = new FakeRecords();
  const notifications = new FakeNotifications();
  const evaluated: string[][] = [];
  const rescored: string[][] = [];
  const users = { recomputeGoodRunnerScores: async (_tx: unknown, ids: string[]) => void rescored.push(ids) };
  const service = new AfterRunService(
    uow,
    fakeOf<AfterRunRepository>(repo),
    // As the runs module answers: the reader may manage the run when they host it.
    async (_runId: string, readerId: string | null) => ({
      ...theRun,
      canManage: readerId === theRun.host.id,
    }),
    clock,
    notifications,
    users,
    async (ids) => void evaluated.push(ids),
  );
  return { service, repo, uow, notifications, evaluated, rescored, clock };
}

describe('attendance windows', () => {
  it.each([
    ['31 minutes before the start', STARTS.getTime() - 31 * MIN, 'OUTSIDE_WINDOW'],
    ['after end + 48 h', ENDS.getTime() + 48 * HOUR + 1, 'OUTSIDE_WINDOW'],
  ])('refuses any mark %s', async (_case, at, code) => {
    const { service, repo } = setup(new Date(at));
    await expect(
      service.saveAttendance('run-1', HOST, { present: ['ana'], absent: [] }),
    ).rejects.toMatchObject({
      statusCode: 409,
      code,
    });
    expect(repo.marks.size).toBe(0);
  });

  it('takes "present" from start − 30 min, but "absent" only from the start', async () => {
    const { service, repo, clock } = setup(new Date(STARTS.getTime() - 30 * MIN));
    await expect(
      service.saveAttendance('run-1', HOST, { present: [], absent: ['bo'] }),
    ).rejects.toMatchObject({
      code: 'ABSENT_BEFORE_START',
    });
    const sheet = await service.saveAttendance('run-1', HOST, { present: ['ana'], absent: [] });
    expect(sheet).toMatchObject({ editable: true, absentEditable: false, present: ['ana'], absent: [] });
    clock.current = STARTS;
    await service.saveAttendance('run-1', HOST, { present: [], absent: ['bo'] });
    expect([...repo.marks]).toEqual([
      ['ana', true],
      ['bo', false],
    ]);
  });

  it("recomputes the marked runners' scores in the same unit of work, and none when nothing is saved", async () => {
    const { service, rescored, clock } = setup(STARTS);
    await service.saveAttendance('run-1', HOST, { present: ['ana'], absent: ['bo'] });
    expect(rescored).toEqual([['ana', 'bo']]);
    clock.current = new Date(STARTS.getTime() - 31 * MIN);
    await expect(
      service.saveAttendance('run-1', HOST, { present: ['ana'], absent: [] }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WINDOW' });
    expect(rescored).toEqual([['ana', 'bo']]);
  });

  it('stays editable until exactly end + 48 h', async () => {
    const { service } = setup(new Date(ENDS.getTime() + 48 * HOUR));
    const sheet = await service.saveAttendance('run-1', HOST, { present: ['ana'], absent: ['bo'] });
    expect(sheet).toMatchObject({ editable: true, absentEditable: true, present: ['ana'], absent: ['bo'] });
  });

  it('is the host’s alone', async () => {
    const { service } = setup(STARTS);
    await expect(
      service.saveAttendance('run-1', 'ana', { present: ['bo'], absent: [] }),
    ).rejects.toMatchObject({
      code: 'NOT_HOST',
    });
  });

  it('marks only participants, and a runner who reviewed the host stays present (rolled back)', async () => {
    const { service, repo, uow } = setup(ENDS);
    await expect(
      service.saveAttendance('run-1', HOST, { present: ['stranger'], absent: [] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    repo.reviewers.add('ana');
    await expect(
      service.saveAttendance('run-1', HOST, { present: ['bo'], absent: ['ana'] }),
    ).rejects.toMatchObject({ code: 'REVIEWER_STAYS_PRESENT' });
    expect(repo.marks.size).toBe(0);
    expect(uow.rollbacks).toBe(2);
  });

  it('evaluates badges for the host and everyone marked, once saved', async () => {
    const { service, evaluated } = setup(STARTS);
    await service.saveAttendance('run-1', HOST, { present: ['ana'], absent: ['bo'] });
    expect(evaluated).toEqual([[HOST, 'ana', 'bo']]);
  });
});

describe('host reviews', () => {
  const review = { positive: true, categories: ['led_well' as const], note: '' };

  it('a runner marked present reviews from the end until end + 7 days; the host is told after commit', async () => {
    const { service, repo, notifications, evaluated, clock } = setup(new Date(ENDS.getTime() - 1));
    repo.marks.set('ana', true);
    await expect(service.review('run-1', 'ana', review)).rejects.toMatchObject({ code: 'OUTSIDE_WINDOW' });
    clock.current = new Date(ENDS.getTime() + 7 * 24 * HOUR + 1);
    await expect(service.review('run-1', 'ana', review)).rejects.toMatchObject({ code: 'OUTSIDE_WINDOW' });
    clock.current = new Date(ENDS.getTime() + 7 * 24 * HOUR);
    await service.review('run-1', 'ana', review);
    expect(notifications.announced).toEqual([
      {
        userId: HOST,
        category: 'review_received',
        runId: 'run-1',
        link: '/me',
        data: { title: '새벽 러닝' },
      },
    ]);
    expect(evaluated).toEqual([[HOST]]);
  });

  it('refuses a runner not marked present, and a second review, without telling the host', async () => {
    const { service, repo, notifications, clock } = setup(ENDS);
    repo.marks.set('bo', false);
    await expect(service.review('run-1', 'bo', review)).rejects.toMatchObject({ code: 'NOT_PRESENT' });
    repo.marks.set('ana', true);
    await service.review('run-1', 'ana', review);
    clock.current = new Date(ENDS.getTime() + HOUR);
    await expect(service.review('run-1', 'ana', review)).rejects.toMatchObject({ code: 'REVIEW_EXISTS' });
    expect(notifications.stored).toHaveLength(1);
  });

  it('the mark flipped between the check and the lock: refused, nothing announced', async () => {
    const { service, repo, notifications, uow } = setup(ENDS);
    repo.marks.set('ana', true);
    const insert = repo.insertReview.bind(repo);
    repo.insertReview = async (tx, r) => {
      repo.marks.set('ana', false);
      return insert(tx, r);
    };
    await expect(service.review('run-1', 'ana', review)).rejects.toMatchObject({ code: 'NOT_PRESENT' });
    expect(notifications.announced).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });

  it('a cancelled run has no attendance or reviews (404)', async () => {
    const { service } = setup(ENDS, run({ joinState: 'cancelled' }));
    await expect(service.review('run-1', 'ana', review)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
    await expect(
      service.saveAttendance('run-1', HOST, { present: ['ana'], absent: [] }),
    ).rejects.toMatchObject({
      code: 'RUN_NOT_FOUND',
    });
  });
});
