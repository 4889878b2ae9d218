import type { ErrorBody, JoinResult, Run } from '@erun/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, movableClock, newUser, runBody, signInAt, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// Issue 17, DOMAIN.md "Seat offer": a seat freed within 24 h of the start is offered to the first waitlisted
// runner for 30 minutes (or until the join deadline, if sooner), then to the next; earlier, promotion is
// automatic. Every rule on the real database (PGlite, or PostgreSQL with TEST_DB=postgres), races included.

let t: TestApp;
let host: TestUser;
const clock = movableClock();
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestApp({ clock });
  host = await newUser(t.app, { nickname: '호스트' });
});
afterAll(() => t.close());
afterEach(() => {
  clock.offsetMs = 0;
});

type Who = { accessToken: string };
const join = (runId: string, who: Who) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${runId}/participants`, headers: bearer(who) });
const leave = (runId: string, who: Who) =>
  t.app.inject({ method: 'DELETE', url: `/api/runs/${runId}/participants/me`, headers: bearer(who) });
const claim = (runId: string, who: Who) =>
  t.app.inject({ method: 'POST', url: `/api/runs/${runId}/seat-offer/claim`, headers: bearer(who) });
const decline = (runId: string, who: Who) =>
  t.app.inject({ method: 'DELETE', url: `/api/runs/${runId}/seat-offer`, headers: bearer(who) });
const view = async (runId: string, who?: Who) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/runs/${runId}`, headers: who ? bearer(who) : {} })
  ).json<Run>();
const lapse = () => t.services.participation.lapseSeatOffers();

async function users(n: number): Promise<TestUser[]> {
  return Promise.all(Array.from({ length: n }, () => newUser(t.app)));
}

/** A run starting `hoursAhead` from now (deadline: an hour before), full with `seated`, the rest waiting. */
async function fullRun(hoursAhead: number, capacity: number, runners: TestUser[]): Promise<Run> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: bearer(host),
    payload: runBody({ capacity }, hoursAhead),
  });
  expect(created.statusCode).toBe(201);
  const run = created.json<Run>();
  for (const r of runners) expect((await join(run.id, r)).statusCode).toBe(201);
  return run;
}

async function offers(runId: string): Promise<{ user_id: string; status: string }[]> {
  const result = await t.database.executeSql(
    'select user_id, status from seat_offers where run_id = $1 order by offered_at, user_id',
    [runId],
  );
  return result.rows as { user_id: string; status: string }[];
}

async function categoriesOf(userId: string, runId?: string): Promise<string[]> {
  const result = await t.database.executeSql(
    `select category from notifications where user_id = $1 ${runId ? 'and run_id = $2' : ''}
      order by created_at, id`,
    runId ? [userId, runId] : [userId],
  );
  return (result.rows as { category: string }[]).map((r) => r.category);
}

describe('earlier than 24 h before the start', () => {
  it('a freed seat still goes to the first in line at once, and no offer is made', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(48, 2, [a, b, c]);
    expect((await leave(run.id, a)).statusCode).toBe(204);
    expect(await view(run.id, b)).toMatchObject({ myStatus: 'joined', myOffer: null });
    expect(await categoriesOf(b.user.id)).toEqual(['waitlist_promoted']);
    expect(await offers(run.id)).toEqual([]);
  });
});

describe('within 24 h of the start', () => {
  it('offers the seat to the first in line (told), holds it against newcomers, and shows it to them alone', async () => {
    const [a, b, c, d] = await users(4);
    if (!a || !b || !c || !d) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    const before = Date.now();
    expect((await leave(run.id, a)).statusCode).toBe(204);
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'open' }]);
    expect(await categoriesOf(b.user.id)).toEqual(['seat_offered']);
    const mine = await view(run.id, b);
    // The held seat is not free: the run reads full.
    expect(mine).toMatchObject({
      myStatus: 'waitlisted',
      participantCount: 1,
      waitlistCount: 2,
      joinState: 'full',
    });
    expect(mine.myOffer?.status).toBe('open');
    const expires = Date.parse(mine.myOffer?.expiresAt ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 30 * MINUTE - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * MINUTE);
    // Not on the guest's (cached) page, nor on anyone else's.
    expect('myOffer' in (await view(run.id))).toBe(false);
    expect((await view(run.id, c)).myOffer).toBeNull();
    // A newcomer joins the waitlist's end: the offered seat is not free.
    expect((await join(run.id, d)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 3 });
  });

  it('claimed within the window: joined, counts moved, host told; again: the same answer', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    const claimed = await claim(run.id, b);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toEqual({ status: 'joined' });
    expect((await claim(run.id, b)).json()).toEqual({ status: 'joined' });
    expect(await view(run.id, b)).toMatchObject({
      myStatus: 'joined',
      myOffer: null,
      participantCount: 2,
      waitlistCount: 1,
    });
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'claimed' }]);
    expect(await categoriesOf(host.user.id, run.id)).toEqual([
      'run_joined',
      'run_joined',
      'run_joined',
      'run_left',
      'run_joined',
    ]);
    // Nobody else holds an offer: 404.
    const none = await claim(run.id, c);
    expect(none.statusCode).toBe(404);
    expect(none.json<ErrorBody>().code).toBe('SEAT_OFFER_NOT_FOUND');
  });

  it('after the window: 409 SEAT_OFFER_EXPIRED, and the job lapses it and offers the seat to the next', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    const [lateB, lateC] = await signInAt(t.app, clock, Date.now() + 31 * MINUTE, b, c);
    const late = await claim(run.id, lateB);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().code).toBe('SEAT_OFFER_EXPIRED');
    expect((await view(run.id, lateB)).myOffer?.status).toBe('lapsed');

    await lapse();
    expect(await offers(run.id)).toEqual([
      { user_id: b.user.id, status: 'lapsed' },
      { user_id: c.user.id, status: 'open' },
    ]);
    // The one who let it lapse is off the waitlist, and is told so on the run's page.
    expect(await view(run.id, lateB)).toMatchObject({ myStatus: null, myOffer: { status: 'lapsed' } });
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 1 });
    expect(await categoriesOf(c.user.id, run.id)).toEqual(['seat_offered']);
    expect((await claim(run.id, lateC)).json()).toEqual({ status: 'joined' });
    expect((await claim(run.id, lateB)).json<ErrorBody>().code).toBe('SEAT_OFFER_EXPIRED');
  });

  it('with nobody left in line, a lapsed seat is free for anyone', async () => {
    const [a, b, d] = await users(3);
    if (!a || !b || !d) throw new Error('users');
    const run = await fullRun(5, 2, [a, b]);
    await leave(run.id, a);
    const [lateD] = await signInAt(t.app, clock, Date.now() + 31 * MINUTE, d);
    await lapse();
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 0, joinState: 'open' });
    expect((await join(run.id, lateD)).json<JoinResult>()).toEqual({ status: 'joined' });
  });

  it('several seats freed: one offer each, to the next runners in line', async () => {
    const [a, b, c, d, e] = await users(5);
    if (!a || !b || !c || !d || !e) throw new Error('users');
    const run = await fullRun(5, 3, [a, b, c, d, e]);
    await leave(run.id, a);
    await leave(run.id, b);
    // Seated: the host, a, b; waiting: c, d, e.
    expect(await offers(run.id)).toEqual([
      { user_id: c.user.id, status: 'open' },
      { user_id: d.user.id, status: 'open' },
    ]);
    expect((await view(run.id, e)).myOffer).toBeNull();
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 3 });
  });

  it('an offer ends at the join deadline when that comes first; then the seat is offered no more', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    // 10 minutes before the deadline (an hour before the start).
    const [lateA] = await signInAt(t.app, clock, Date.parse(run.joinDeadline) - 10 * MINUTE, a);
    await leave(run.id, lateA);
    const [mine] = await signInAt(t.app, clock, Date.parse(run.joinDeadline) - 9 * MINUTE, b);
    expect((await view(run.id, mine)).myOffer?.expiresAt).toBe(run.joinDeadline);
    await signInAt(t.app, clock, Date.parse(run.joinDeadline) + MINUTE);
    await lapse();
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'lapsed' }]);
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 1 });
  });

  it('declining (양보) passes the seat to the next at once; the decliner leaves the waitlist', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    expect((await decline(run.id, b)).statusCode).toBe(204);
    expect(await offers(run.id)).toEqual([
      { user_id: b.user.id, status: 'withdrawn' },
      { user_id: c.user.id, status: 'open' },
    ]);
    expect(await view(run.id, b)).toMatchObject({ myStatus: null, myOffer: null });
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 1 });
    const again = await decline(run.id, b);
    expect(again.statusCode).toBe(404);
    expect(again.json<ErrorBody>().code).toBe('SEAT_OFFER_NOT_FOUND');
  });

  it('a waitlisted runner with an offer who leaves passes it on', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    await leave(run.id, b);
    expect(await offers(run.id)).toEqual([
      { user_id: b.user.id, status: 'withdrawn' },
      { user_id: c.user.id, status: 'open' },
    ]);
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 1 });
  });

  it('cancelling the run withdraws its open offers', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { reason: '비 예보' },
    });
    expect(cancelled.statusCode).toBe(204);
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'withdrawn' }]);
    expect((await claim(run.id, b)).statusCode).toBe(404);
  });
});

describe('races', () => {
  it('the same runner claiming twice at once: both answer joined, one seat taken', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    const results = await Promise.all([claim(run.id, b), claim(run.id, b), claim(run.id, b)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await view(run.id)).toMatchObject({ participantCount: 2, waitlistCount: 1 });
  });

  it('one seat, two runners claiming and a newcomer joining at once: only the offered runner gets it', async () => {
    const [a, b, c, d] = await users(4);
    if (!a || !b || !c || !d) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    const [byB, byC, byD] = await Promise.all([claim(run.id, b), claim(run.id, c), join(run.id, d)]);
    expect(byB.statusCode).toBe(200);
    expect(byC.json<ErrorBody>().code).toBe('SEAT_OFFER_NOT_FOUND');
    expect(byD.json<JoinResult>().status).toBe('waitlisted');
    expect(await view(run.id)).toMatchObject({ participantCount: 2, waitlistCount: 2 });
  });

  it('two lapse jobs at once: each offer lapses once and the seat is offered once', async () => {
    const [a, b, c, d] = await users(4);
    if (!a || !b || !c || !d) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c, d]);
    await leave(run.id, a);
    await signInAt(t.app, clock, Date.now() + 31 * MINUTE);
    await Promise.all([lapse(), lapse(), lapse()]);
    expect(await offers(run.id)).toEqual([
      { user_id: b.user.id, status: 'lapsed' },
      { user_id: c.user.id, status: 'open' },
    ]);
    expect(await view(run.id)).toMatchObject({ participantCount: 1, waitlistCount: 2 });
    expect(await lapse()).toBe(0);
  });

  it('a claim and the lapse job at the same moment: exactly one outcome', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c]);
    await leave(run.id, a);
    // Just inside the window: the claim wins, the job finds nothing due.
    const [inTime] = await signInAt(t.app, clock, Date.now() + 29 * MINUTE, b);
    const [claimed] = await Promise.all([claim(run.id, inTime), lapse()]);
    expect(claimed.statusCode).toBe(200);
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'claimed' }]);

    const [x, y, z] = await users(3);
    if (!x || !y || !z) throw new Error('users');
    clock.offsetMs = 0;
    const other = await fullRun(5, 2, [x, y, z]);
    await leave(other.id, x);
    // Just past it: the claim is refused whichever runs first, the job lapses it once.
    const [tooLate] = await signInAt(t.app, clock, Date.now() + 31 * MINUTE, y);
    const [refused] = await Promise.all([claim(other.id, tooLate), lapse()]);
    expect(refused.json<ErrorBody>().code).toBe('SEAT_OFFER_EXPIRED');
    expect(await offers(other.id)).toEqual([
      { user_id: y.user.id, status: 'lapsed' },
      { user_id: z.user.id, status: 'open' },
    ]);
    expect(await view(other.id)).toMatchObject({ participantCount: 1, waitlistCount: 1 });
  });
});
