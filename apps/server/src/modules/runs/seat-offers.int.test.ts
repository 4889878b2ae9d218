import type { ErrorBody, JoinResult, Run } from '@erun/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, movableClock, newUser, runBody, signInAt, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addMember, crewRows } from '../../test/crew-fixtures.ts';

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

describe('guest seats (a crew run open to guests, DOMAIN.md "Crews")', () => {
  let crewId: string;
  let staff: TestUser;
  beforeAll(async () => {
    const owner = await newUser(t.app, { nickname: '크루장' });
    staff = await newUser(t.app, { nickname: '운영진' });
    crewId = (await crewRows(t, owner, { staff: [staff] })).id;
  });

  /**
   * A crew run 5 h ahead, capacity 3 with one guest seat: the staff host and two members seated; two guests
   * (queued while the guest seat was free) and then a member on the waitlist.
   */
  async function crewRunWithGuestsWaiting() {
    const [m1, m2, g1, g2, m3] = (await users(5)) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    for (const m of [m1, m2, m3]) await addMember(t, crewId, m);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(staff),
      payload: runBody({ crewId, capacity: 3, guestSeats: 1 }, 5),
    });
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json<Run>();
    for (const m of [m1, m2]) expect((await join(run.id, m)).json<JoinResult>().status).toBe('joined');
    for (const w of [g1, g2, m3])
      expect((await join(run.id, w)).json<JoinResult>().status).toBe('waitlisted');
    return { run, m1, m2, g1, g2, m3 };
  }

  it('a seat freed while the guest seat is taken is offered to the first member waiting, past the guests', async () => {
    const { run, m1, m2, g1, g2, m3 } = await crewRunWithGuestsWaiting();
    expect((await leave(run.id, m1)).statusCode).toBe(204);
    expect(await offers(run.id)).toEqual([{ user_id: g1.user.id, status: 'open' }]);
    expect((await claim(run.id, g1)).json()).toEqual({ status: 'joined' });
    // The one guest seat is g1's now: the next seat skips g2 (who keeps their place) for m3.
    expect((await leave(run.id, m2)).statusCode).toBe(204);
    expect((await view(run.id, g2)).myOffer).toBeNull();
    expect((await view(run.id, m3)).myOffer?.status).toBe('open');
    expect(await categoriesOf(g2.user.id, run.id)).toEqual([]);
    expect((await claim(run.id, g2)).statusCode).toBe(404);
    expect((await claim(run.id, m3)).json()).toEqual({ status: 'joined' });
    expect(await view(run.id, g2)).toMatchObject({
      myStatus: 'waitlisted',
      waitlistPosition: 1,
      guestCount: 1,
      guestSeats: 1,
      participantCount: 3,
      waitlistCount: 1,
    });
  });

  it('an open offer to a guest holds the guest seat: the next guest waits until it lapses, then is offered it', async () => {
    const { run, m1, m2, g1, g2, m3 } = await crewRunWithGuestsWaiting();
    await leave(run.id, m1);
    await leave(run.id, m2);
    // Two seats, one guest seat: g1 (a guest) and m3 (a member) are offered one each, g2 is passed over.
    expect(await offers(run.id)).toEqual([
      { user_id: g1.user.id, status: 'open' },
      { user_id: m3.user.id, status: 'open' },
    ]);
    expect((await view(run.id, g2)).myOffer).toBeNull();
    // Nor does a guest joining now take the guest seat g1 holds.
    const [g3] = (await users(1)) as [TestUser];
    const refused = await join(run.id, g3);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().code).toBe('GUEST_SEATS_FULL');
    expect((await claim(run.id, m3)).json()).toEqual({ status: 'joined' });
    // g1 lets it lapse: the guest seat is free again and goes to g2.
    const [lateG2] = await signInAt(t.app, clock, Date.now() + 31 * MINUTE, g2);
    await lapse();
    expect(await offers(run.id)).toEqual([
      { user_id: g1.user.id, status: 'lapsed' },
      { user_id: m3.user.id, status: 'claimed' },
      { user_id: g2.user.id, status: 'open' },
    ]);
    expect((await claim(run.id, lateG2)).json()).toEqual({ status: 'joined' });
    expect(await view(run.id)).toMatchObject({ guestCount: 1, participantCount: 3, waitlistCount: 0 });
  });
  it('the guest cap lowered while guests hold offers: a claim past it is refused (409 GUEST_SEATS_FULL), the seat goes on', async () => {
    const [m1, m2, g1, g2, m3] = (await users(5)) as [TestUser, TestUser, TestUser, TestUser, TestUser];
    for (const m of [m1, m2, m3]) await addMember(t, crewId, m);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(staff),
      payload: runBody({ crewId, capacity: 3, guestSeats: 2 }, 5),
    });
    const run = created.json<Run>();
    for (const m of [m1, m2]) await join(run.id, m);
    for (const w of [g1, g2, m3]) await join(run.id, w);
    await leave(run.id, m1);
    await leave(run.id, m2);
    const open = await offers(run.id);
    expect(open).toHaveLength(2);
    expect(open).toEqual(
      expect.arrayContaining([g1, g2].map((w) => ({ user_id: w.user.id, status: 'open' }))),
    );
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(staff),
      payload: { guestSeats: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await claim(run.id, g1)).json()).toEqual({ status: 'joined' });
    const refused = await claim(run.id, g2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().code).toBe('GUEST_SEATS_FULL');
    // g2 keeps their place; the seat is offered to the member behind them.
    expect(await view(run.id, g2)).toMatchObject({ myStatus: 'waitlisted', myOffer: null, guestCount: 1 });
    expect((await view(run.id, m3)).myOffer?.status).toBe('open');
    expect((await claim(run.id, m3)).json()).toEqual({ status: 'joined' });
    expect(await view(run.id)).toMatchObject({ guestCount: 1, participantCount: 3, waitlistCount: 1 });
  });
});

describe('the host raises the capacity while a seat is offered', () => {
  const patch = (runId: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/runs/${runId}`, headers: bearer(host), payload: body });

  it('within 24 h: the offer stands and each new seat is offered to the next in line (nobody jumps it)', async () => {
    const [a, b, c, d, e] = await users(5);
    if (!a || !b || !c || !d || !e) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c, d, e]);
    await leave(run.id, a);
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'open' }]);
    const raised = await patch(run.id, { capacity: 4 });
    expect(raised.statusCode, raised.body).toBe(200);
    // Seated: the host; offered: b (as before), then c and d (at one moment: listed by id); e still waits.
    expect(await offers(run.id)).toEqual([
      { user_id: b.user.id, status: 'open' },
      ...[c, d]
        .map((w) => ({ user_id: w.user.id, status: 'open' }))
        .sort((x, y) => x.user_id.localeCompare(y.user_id)),
    ]);
    expect(await view(run.id, b)).toMatchObject({
      myStatus: 'waitlisted',
      myOffer: { status: 'open' },
      participantCount: 1,
      waitlistCount: 4,
      joinState: 'full',
    });
    expect(await categoriesOf(c.user.id, run.id)).toContain('seat_offered');
    expect(await categoriesOf(c.user.id, run.id)).not.toContain('waitlist_promoted');
    expect((await view(run.id, e)).myOffer).toBeNull();
    for (const w of [b, c, d]) expect((await claim(run.id, w)).json()).toEqual({ status: 'joined' });
    expect(await view(run.id)).toMatchObject({ participantCount: 4, waitlistCount: 1 });
  });

  it('lowering the capacity under the seats held (taken or offered): 409 CAPACITY_BELOW_PARTICIPANTS, the offer stands', async () => {
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    const run = await fullRun(5, 3, [a, b, c]);
    await leave(run.id, a);
    // Seated: the host and b; offered: c's seat.
    const lowered = await patch(run.id, { capacity: 2 });
    expect(lowered.statusCode, lowered.body).toBe(409);
    expect(lowered.json<ErrorBody>().code).toBe('CAPACITY_BELOW_PARTICIPANTS');
    expect((await claim(run.id, c)).json()).toEqual({ status: 'joined' });
    expect(await view(run.id)).toMatchObject({ capacity: 3, participantCount: 3, waitlistCount: 0 });
  });

  it('moved to more than 24 h ahead: promotion is automatic again, in order, the offered runner first', async () => {
    const [a, b, c, d] = await users(4);
    if (!a || !b || !c || !d) throw new Error('users');
    const run = await fullRun(5, 2, [a, b, c, d]);
    await leave(run.id, a);
    const later = runBody({}, 48);
    const moved = await patch(run.id, {
      startsAt: later.startsAt,
      endsAt: later.endsAt,
      capacity: 3,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Two seats, given at once: to b (whose offer is over, the seat theirs) and c; d still waits.
    expect(await view(run.id, b)).toMatchObject({ myStatus: 'joined', myOffer: null });
    expect(await view(run.id, c)).toMatchObject({ myStatus: 'joined', myOffer: null });
    expect(await view(run.id, d)).toMatchObject({
      myStatus: 'waitlisted',
      myOffer: null,
      participantCount: 3,
      waitlistCount: 1,
    });
    expect(await offers(run.id)).toEqual([{ user_id: b.user.id, status: 'withdrawn' }]);
    expect(await categoriesOf(b.user.id, run.id)).toContain('waitlist_promoted');
    expect(await lapse()).toBe(0);
  });
});
