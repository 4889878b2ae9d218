import { describe, expect, it } from 'vitest';
import type { Realtime } from '../../ports/realtime.ts';
import { FakeNotifications, FakeUnitOfWork, fakeOf } from '../../test/fake-unit-of-work.ts';
import type {
  ParticipantRow,
  ParticipationRepository,
  Place,
  SeatOfferRow,
} from './participation.repository.ts';
import { ParticipationService } from './participation.service.ts';
import type { RunRow } from './runs.repository.ts';

// DOMAIN.md's join / leave / waitlist rules, checked on the service with the repository and the unit of work
// faked in memory (no database). Concurrency (seats never oversold) is the integration tests' job.

const NOW = new Date('2026-12-06T09:00:00+09:00');
const HOUR = 3_600_000;
const HOST = 'host';

function runRow(overrides: Partial<RunRow> = {}): RunRow {
  const startsAt = new Date(NOW.getTime() + 5 * HOUR);
  return {
    id: 'run-1',
    hostId: HOST,
    title: '한강 10K',
    description: '',
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOUR),
    meetAt: null,
    joinDeadline: new Date(startsAt.getTime() - HOUR),
    placeName: '여의나루역',
    placeLat: 37.527,
    placeLng: 126.932,
    route: [],
    segmentStarts: [],
    distanceKm: 10,
    capacity: 3,
    theme: 'easy',
    region: 'seoul',
    timeOfDay: 'morning',
    paceSecPerKm: null,
    parking: null,
    baggage: null,
    participantCount: 1,
    waitlistCount: 0,
    commentCount: 0,
    searchText: '',
    cancelledAt: null,
    cancelReason: null,
    crewId: null,
    visibility: 'public',
    guestSeats: null,
    womenOnly: false,
    minAttendanceRate: null,
    hiddenAt: null,
    seriesId: null,
    occurrenceDate: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 0,
    ...overrides,
  };
}

/** The run and its participants in memory, with the same counters the database keeps. */
class FakeParticipants {
  run: RunRow | undefined;
  people: ParticipantRow[] = [];
  dropped: string[] = [];
  private tick = 0;

  constructor(run: RunRow) {
    this.run = run;
    this.people.push(this.row(HOST, 'joined'));
  }

  private row(userId: string, status: string): ParticipantRow {
    this.tick += 1;
    return {
      runId: 'run-1',
      userId,
      status,
      removedReason: null,
      paceGroupId: null,
      createdAt: new Date(NOW.getTime() + this.tick),
    };
  }

  statusOf(userId: string) {
    return this.people.find((p) => p.userId === userId)?.status;
  }

  async lock(_tx: unknown, _runId: string, userId: string) {
    if (!this.run) return undefined;
    const mine = this.people.find((p) => p.userId === userId);
    return { run: { ...this.run }, mine: mine && { ...mine } };
  }

  private get theRun(): RunRow {
    if (!this.run) throw new Error('no run');
    return this.run;
  }

  async add(_tx: unknown, _runId: string, userId: string, place: Place) {
    const run = this.theRun;
    if (this.people.some((p) => p.userId === userId)) throw new Error('duplicate key');
    this.people.push(this.row(userId, place));
    if (place === 'joined') run.participantCount += 1;
    else run.waitlistCount += 1;
    return run.waitlistCount;
  }

  async takeOut(_tx: unknown, _runId: string, userId: string, removal: { reason: string } | null) {
    const mine = this.people.find((p) => p.userId === userId);
    if (removal) Object.assign(mine ?? {}, { status: 'removed', removedReason: removal.reason });
    else this.people = this.people.filter((p) => p !== mine);
  }

  async moveCounts(_tx: unknown, _runId: string, by: { participants: number; waitlist: number }) {
    this.theRun.participantCount += by.participants;
    this.theRun.waitlistCount += by.waitlist;
  }

  async promoteWaitlisted(_tx: unknown, _run: unknown, seats: number) {
    const next = this.people
      .filter((p) => p.status === 'waitlisted')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, Math.max(seats, 0));
    for (const p of next) p.status = 'joined';
    return next.map((p) => p.userId);
  }

  async groupsOf() {
    return [];
  }

  async dropPacer() {}

  async crewOf() {
    return this.run && { crewId: this.run.crewId, visibility: this.run.visibility };
  }

  offers: SeatOfferRow[] = [];

  async seatsOf() {
    const run = this.theRun;
    const offered = this.offers.filter((o) => o.status === 'open').length;
    return { participants: run.participantCount, waitlist: run.waitlistCount, offered };
  }

  async nextUnoffered(_tx: unknown, _run: unknown, n: number) {
    const offered = new Set(this.offers.filter((o) => o.status === 'open').map((o) => o.userId));
    return this.people
      .filter((p) => p.status === 'waitlisted' && !offered.has(p.userId))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, Math.max(n, 0))
      .map((p) => p.userId);
  }

  async offerSeats(_tx: unknown, runId: string, userIds: string[], now: Date, expiresAt: Date) {
    for (const userId of userIds)
      this.offers.push({
        id: `offer-${this.offers.length + 1}`,
        runId,
        userId,
        status: 'open',
        offeredAt: now,
        expiresAt,
        resolvedAt: null,
      });
  }

  async latestOffer(_tx: unknown, _runId: string, userId: string) {
    return this.offers.filter((o) => o.userId === userId).at(-1);
  }

  async placeOf(_tx: unknown, _runId: string, userId: string) {
    return this.statusOf(userId);
  }

  async seat(_tx: unknown, _runId: string, userId: string) {
    const mine = this.people.find((p) => p.userId === userId && p.status === 'waitlisted');
    if (mine) mine.status = 'joined';
  }

  async resolveOffer(_tx: unknown, id: string, status: string, now: Date) {
    const offer = this.offers.find((o) => o.id === id && o.status === 'open');
    if (offer) Object.assign(offer, { status, resolvedAt: now });
    return offer !== undefined;
  }

  async isCoHost() {
    return false;
  }

  async dropCoHost() {}

  async audienceOf() {
    return this.people.filter((p) => p.userId !== HOST && p.status !== 'removed').map((p) => p.userId);
  }
}

function setup(run: RunRow = runRow()) {
  const uow = new FakeUnitOfWork();
  const repo = new FakeParticipants(run);
  const notifications = new FakeNotifications();
  const updates: string[] = [];
  const revoked: string[] = [];
  const realtime = fakeOf<Realtime>({
    toUsers: () => undefined,
    toEachUser: () => undefined,
    toRun: (runId) => void updates.push(runId),
    toRoom: () => undefined,
    leaveRoom: () => undefined,
    disconnectUser: () => undefined,
  });
  const service = new ParticipationService(
    uow,
    fakeOf<ParticipationRepository>(repo),
    { now: () => NOW },
    notifications,
    { dropAttendanceOf: async (_tx, _runId, userId) => void repo.dropped.push(userId) },
    realtime,
    (_runId, userIds) => void revoked.push(...userIds),
    // Runs of no crew: the crew is never asked; the host alone manages.
    {
      roleOf: async () => null,
      manageRole: async (_runId, userId) => (userId === HOST ? 'host' : null),
    },
  );
  return { service, repo, uow, notifications, updates, revoked };
}

const categories = (rows: { userId: string; category: string }[]) =>
  rows.map((r) => `${r.userId}:${r.category}`);

describe('joining', () => {
  it('takes a free seat, tells the host, and announces it only after commit', async () => {
    const { service, repo, uow, notifications, updates } = setup();
    await expect(service.join('run-1', 'ana')).resolves.toEqual({ status: 'joined' });
    expect(repo.statusOf('ana')).toBe('joined');
    expect(repo.run?.participantCount).toBe(2);
    expect(uow.commits).toBe(1);
    expect(categories(notifications.announced)).toEqual(['host:run_joined']);
    expect(notifications.announced[0]?.data).toEqual({ title: '한강 10K', status: 'joined' });
    expect(updates).toEqual(['run-1']);
  });

  it('queues at the end of the waitlist once the run is full, with the place in the queue', async () => {
    const { service, repo } = setup(runRow({ capacity: 2 }));
    await service.join('run-1', 'ana');
    await expect(service.join('run-1', 'bo')).resolves.toEqual({ status: 'waitlisted', position: 1 });
    await expect(service.join('run-1', 'cy')).resolves.toEqual({ status: 'waitlisted', position: 2 });
    expect(repo.run?.participantCount).toBe(2);
    expect(repo.run?.waitlistCount).toBe(2);
  });

  it.each([
    ['the host', HOST, runRow(), 'ALREADY_JOINED'],
    ['a cancelled run', 'ana', runRow({ cancelledAt: NOW }), 'RUN_NOT_FOUND'],
    ['after the join deadline', 'ana', runRow({ joinDeadline: NOW }), 'JOIN_CLOSED'],
  ])('refuses %s and rolls back without a word', async (_case, userId, run, code) => {
    const { service, uow, notifications, updates } = setup(run);
    await expect(service.join('run-1', userId)).rejects.toMatchObject({ code });
    expect([uow.commits, uow.rollbacks]).toEqual([0, 1]);
    expect(notifications.stored).toEqual([]);
    expect(updates).toEqual([]);
  });

  it('refuses a run that does not exist (404)', async () => {
    const { service, repo } = setup();
    repo.run = undefined;
    await expect(service.join('run-1', 'ana')).rejects.toMatchObject({
      statusCode: 404,
      code: 'RUN_NOT_FOUND',
    });
  });

  it('refuses someone already in or waiting, and someone the host removed', async () => {
    const { service } = setup(runRow({ capacity: 2 }));
    await service.join('run-1', 'ana');
    await service.join('run-1', 'bo');
    await expect(service.join('run-1', 'ana')).rejects.toMatchObject({ code: 'ALREADY_JOINED' });
    await expect(service.join('run-1', 'bo')).rejects.toMatchObject({ code: 'ALREADY_JOINED' });
    await service.remove('run-1', HOST, 'ana', '노쇼');
    await expect(service.join('run-1', 'ana')).rejects.toMatchObject({ code: 'REMOVED_BY_HOST' });
  });
});

/** A run two days ahead: a seat freed now is given to the next in line at once. */
async function fullRunWithQueue(startsIn = 48 * HOUR) {
  const startsAt = new Date(NOW.getTime() + startsIn);
  const ctx = setup(runRow({ capacity: 2, startsAt, joinDeadline: new Date(startsAt.getTime() - HOUR) }));
  await ctx.service.join('run-1', 'ana');
  await ctx.service.join('run-1', 'bo');
  await ctx.service.join('run-1', 'cy');
  ctx.notifications.announced = [];
  ctx.notifications.stored = [];
  return ctx;
}

describe('leaving and removal', () => {
  it('a freed seat goes to the first on the waitlist, who is told; counts stay exact', async () => {
    const { service, repo, notifications, revoked } = await fullRunWithQueue();
    await service.leave('run-1', 'ana');
    expect([repo.statusOf('ana'), repo.statusOf('bo'), repo.statusOf('cy')]).toEqual([
      undefined,
      'joined',
      'waitlisted',
    ]);
    expect([repo.run?.participantCount, repo.run?.waitlistCount]).toEqual([2, 1]);
    expect(categories(notifications.announced)).toEqual(['host:run_left', 'bo:waitlist_promoted']);
    expect(repo.dropped).toEqual(['ana']);
    expect(revoked).toEqual(['ana']);
  });

  it('leaving the waitlist promotes nobody and frees no seat', async () => {
    const { service, repo, notifications } = await fullRunWithQueue();
    await service.leave('run-1', 'cy');
    expect([repo.run?.participantCount, repo.run?.waitlistCount]).toEqual([2, 1]);
    expect(categories(notifications.announced)).toEqual(['host:run_left']);
  });

  it('a seat left with nobody waiting is given back', async () => {
    const { service, repo } = setup();
    await service.join('run-1', 'ana');
    await service.leave('run-1', 'ana');
    expect([repo.run?.participantCount, repo.run?.waitlistCount]).toEqual([1, 0]);
  });

  it.each([
    ['the host', HOST, runRow(), 'HOST_CANNOT_LEAVE'],
    ['someone not in the run', 'zed', runRow(), 'NOT_JOINED'],
    ['once the run has started', 'ana', runRow({ startsAt: NOW }), 'RUN_STARTED'],
  ])('refuses %s', async (_case, userId, run, code) => {
    const { service, repo, uow, revoked } = setup(run);
    repo.people.push({
      runId: 'run-1',
      userId: 'ana',
      status: 'joined',
      paceGroupId: null,
      removedReason: null,
      createdAt: NOW,
    });
    await expect(service.leave('run-1', userId)).rejects.toMatchObject({ code });
    expect(uow.rollbacks).toBe(1);
    expect(revoked).toEqual([]);
  });

  it('the host removes a runner with a reason: they stay marked removed, the next in line moves up', async () => {
    const { service, repo, notifications, revoked } = await fullRunWithQueue();
    await service.remove('run-1', HOST, 'ana', '연락 두절');
    expect(repo.people.find((p) => p.userId === 'ana')).toMatchObject({
      status: 'removed',
      removedReason: '연락 두절',
    });
    expect(repo.statusOf('bo')).toBe('joined');
    expect(categories(notifications.announced)).toEqual(['ana:run_removed', 'bo:waitlist_promoted']);
    expect(notifications.announced[0]).toMatchObject({ actorId: HOST, data: { reason: '연락 두절' } });
    expect(repo.dropped).toEqual(['ana']);
    expect(revoked).toEqual(['ana']);
  });

  it('only the host removes, never themself, and only someone still in', async () => {
    const { service } = await fullRunWithQueue();
    await expect(service.remove('run-1', 'bo', 'ana', 'x')).rejects.toMatchObject({ code: 'NOT_HOST' });
    await expect(service.remove('run-1', HOST, HOST, 'x')).rejects.toMatchObject({
      code: 'HOST_CANNOT_LEAVE',
    });
    await expect(service.remove('run-1', HOST, 'zed', 'x')).rejects.toMatchObject({ code: 'NOT_JOINED' });
    await service.remove('run-1', HOST, 'ana', 'x');
    await expect(service.remove('run-1', HOST, 'ana', 'x')).rejects.toMatchObject({ code: 'NOT_JOINED' });
  });
});

describe('seats freed within 24 h of the start (issue 17)', () => {
  it('are offered to the first in line for 30 minutes, who is told; the seat stays held', async () => {
    const { service, repo, notifications } = await fullRunWithQueue(5 * HOUR);
    await service.leave('run-1', 'ana');
    expect([repo.statusOf('bo'), repo.statusOf('cy')]).toEqual(['waitlisted', 'waitlisted']);
    expect([repo.run?.participantCount, repo.run?.waitlistCount]).toEqual([1, 2]);
    expect(repo.offers).toMatchObject([
      { userId: 'bo', status: 'open', expiresAt: new Date(NOW.getTime() + 30 * 60_000) },
    ]);
    expect(categories(notifications.announced)).toEqual(['bo:seat_offered', 'host:run_left']);
    // A newcomer does not jump the queue: the offered seat is not free.
    await expect(service.join('run-1', 'dee')).resolves.toEqual({ status: 'waitlisted', position: 3 });
  });

  it('the offer ends at the join deadline when that comes sooner', async () => {
    const { service, repo } = await fullRunWithQueue(HOUR + 10 * 60_000);
    await service.leave('run-1', 'ana');
    expect(repo.offers[0]?.expiresAt).toEqual(new Date(NOW.getTime() + 10 * 60_000));
  });

  it('claimed within the window: the runner is in, the host told; a second claim answers the same', async () => {
    const { service, repo, notifications } = await fullRunWithQueue(5 * HOUR);
    await service.leave('run-1', 'ana');
    notifications.announced = [];
    await expect(service.claimSeat('run-1', 'bo')).resolves.toEqual({ status: 'joined' });
    await expect(service.claimSeat('run-1', 'bo')).resolves.toEqual({ status: 'joined' });
    expect([repo.run?.participantCount, repo.run?.waitlistCount]).toEqual([2, 1]);
    expect(categories(notifications.announced)).toEqual(['host:run_joined']);
    await expect(service.claimSeat('run-1', 'cy')).rejects.toMatchObject({ code: 'SEAT_OFFER_NOT_FOUND' });
  });
});
