import type { ErrorBody, JoinResult, Run } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

// DOMAIN.md "Pace groups": 2–6 groups of distinct paces, each with its own seats (the run's are their sum),
// waitlist and optional pacer; joining picks a group; the host (or the runner, into a free seat) moves runners.

let t: TestApp;
let host: TestUser;
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };

beforeAll(async () => {
  t = await createTestApp({ clock });
  host = await newUser(t.app, { nickname: '페이서장' });
});
afterAll(() => t.close());

const users = (n: number) => Promise.all(Array.from({ length: n }, () => newUser(t.app)));
const create = (payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/runs', headers: bearer(host), payload: runBody(payload) });
const join = (runId: string, who: { accessToken: string }, paceGroupId?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/runs/${runId}/participants`,
    headers: bearer(who),
    ...(paceGroupId ? { payload: { paceGroupId } } : {}),
  });
const leave = (runId: string, who: { accessToken: string }) =>
  t.app.inject({ method: 'DELETE', url: `/api/runs/${runId}/participants/me`, headers: bearer(who) });
const move = (runId: string, by: { accessToken: string }, userId: string, paceGroupId: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/runs/${runId}/participants/${userId}/pace-group`,
    headers: bearer(by),
    payload: { paceGroupId },
  });
const view = async (runId: string, who?: { accessToken: string }) =>
  (
    await t.app.inject({ method: 'GET', url: `/api/runs/${runId}`, headers: who ? bearer(who) : {} })
  ).json<Run>();

/** Three groups, 5'00" / 6'00" / 7'00", with these seats. */
const threeGroups = (seats: [number, number, number] = [4, 4, 4]) => ({
  capacity: seats[0] + seats[1] + seats[2],
  paceGroups: [
    { paceSecPerKm: 420, capacity: seats[2] },
    { paceSecPerKm: 300, capacity: seats[0] },
    { paceSecPerKm: 360, capacity: seats[1] },
  ],
});
const groupAt = (run: Run, pace: number) => {
  const g = run.paceGroups.find((p) => p.paceSecPerKm === pace);
  if (!g) throw new Error(`no ${pace} group`);
  return g;
};

describe('creating a run with pace groups', () => {
  it('keeps the groups fastest first, seats the host (participant #1) in the fastest, and sums the seats', async () => {
    const run = await newRun(t.app, host, threeGroups([3, 5, 4]));
    expect(run.capacity).toBe(12);
    expect(run.paceGroups.map((g) => [g.paceSecPerKm, g.capacity, g.participantCount])).toEqual([
      [300, 3, 1],
      [360, 5, 0],
      [420, 4, 0],
    ]);
    expect(run.myPaceGroupId).toBe(groupAt(run, 300).id);
    expect(run.participants).toEqual([
      expect.objectContaining({ id: host.user.id, paceGroupId: groupAt(run, 300).id }),
    ]);
  });

  it('lists the run with its groups’ paces, fastest first, for its card (a run without groups: none)', async () => {
    const run = await newRun(t.app, host, { title: '페이스 카드 러닝', ...threeGroups() });
    const plain = await newRun(t.app, host, { title: '페이스 카드 러닝' });
    const page = (
      await t.app.inject({ method: 'GET', url: `/api/runs?hostId=${host.user.id}&limit=50` })
    ).json<{ items: { id: string; groupPaces: number[] }[] }>();
    expect(page.items.find((r) => r.id === run.id)?.groupPaces).toEqual([300, 360, 420]);
    expect(page.items.find((r) => r.id === plain.id)?.groupPaces).toEqual([]);
    expect((await view(run.id)).groupPaces).toEqual([300, 360, 420]);
  });

  it('seats a host who paces a group in that group', async () => {
    const run = await newRun(t.app, host, {
      capacity: 8,
      paceGroups: [
        { paceSecPerKm: 300, capacity: 4 },
        { paceSecPerKm: 390, capacity: 4, pacerId: host.user.id },
      ],
    });
    const slow = groupAt(run, 390);
    expect(slow.pacer).toMatchObject({ id: host.user.id, nickname: '페이서장' });
    expect(slow.participantCount).toBe(1);
    expect(run.myPaceGroupId).toBe(slow.id);
  });

  it.each([
    ['one group', { capacity: 4, paceGroups: [{ paceSecPerKm: 300, capacity: 4 }] }, 'paceGroups.count'],
    [
      'seven groups',
      {
        capacity: 14,
        paceGroups: Array.from({ length: 7 }, (_, i) => ({ paceSecPerKm: 300 + i * 30, capacity: 2 })),
      },
      'paceGroups.count',
    ],
    [
      'two groups of one pace',
      {
        capacity: 8,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 4 },
          { paceSecPerKm: 300, capacity: 4 },
        ],
      },
      'paceGroups.pace.duplicate',
    ],
    [
      'a group of one seat',
      {
        capacity: 5,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 4 },
          { paceSecPerKm: 360, capacity: 1 },
        ],
      },
      'paceGroups.capacity.range',
    ],
    [
      'seats over 100 in all',
      {
        capacity: 100,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 60 },
          { paceSecPerKm: 360, capacity: 50 },
        ],
      },
      'paceGroups.capacity.sum',
    ],
    [
      'a capacity other than the sum',
      {
        capacity: 10,
        paceGroups: [
          { paceSecPerKm: 300, capacity: 4 },
          { paceSecPerKm: 360, capacity: 4 },
        ],
      },
      'capacity.paceGroupsSum',
    ],
  ])('refuses %s (400)', async (_case, payload, message) => {
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().issues?.map((i) => i.message)).toContain(message);
  });

  it('refuses a pacer who is not in the run (400), takes a co-host as pacer', async () => {
    const [stranger, cohost] = await users(2);
    if (!stranger || !cohost) throw new Error('users');
    const refused = await create({
      capacity: 8,
      paceGroups: [
        { paceSecPerKm: 300, capacity: 4, pacerId: stranger.user.id },
        { paceSecPerKm: 360, capacity: 4 },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().issues?.map((i) => i.message)).toContain('paceGroups.pacer.notInRun');

    const run = await newRun(t.app, host, {
      capacity: 8,
      coHostIds: [cohost.user.id],
      paceGroups: [
        { paceSecPerKm: 300, capacity: 4 },
        { paceSecPerKm: 360, capacity: 4, pacerId: cohost.user.id },
      ],
    });
    expect(groupAt(run, 360)).toMatchObject({ pacer: { id: cohost.user.id }, participantCount: 1 });
    expect(groupAt(run, 300).participantCount).toBe(1);
  });
});

describe('joining a pace group', () => {
  it('needs the group when the run has groups (400), refuses one when it has none (400) or another run’s (404)', async () => {
    const grouped = await newRun(t.app, host, threeGroups());
    const plain = await newRun(t.app, host);
    const [a] = await users(1);
    if (!a) throw new Error('users');
    const none = await join(grouped.id, a);
    expect(none.statusCode).toBe(400);
    expect(none.json<ErrorBody>().issues?.map((i) => i.message)).toEqual(['paceGroupId.required']);
    expect((await join(plain.id, a, groupAt(grouped, 300).id)).statusCode).toBe(400);
    const other = await newRun(t.app, host, threeGroups());
    const foreign = await join(grouped.id, a, groupAt(other, 300).id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<ErrorBody>().code).toBe('PACE_GROUP_NOT_FOUND');
    // A run without groups is joined as before, with no body.
    expect((await join(plain.id, a)).json<JoinResult>()).toEqual({ status: 'joined' });
  });

  it('waitlists in a full group (its own place), while other groups still seat; leaving promotes within the group', async () => {
    const run = await newRun(t.app, host, threeGroups([2, 2, 2]));
    const six = groupAt(run, 360).id;
    const seven = groupAt(run, 420).id;
    const [a, b, c, d, e] = await users(5);
    if (!a || !b || !c || !d || !e) throw new Error('users');
    expect((await join(run.id, a, six)).json<JoinResult>()).toEqual({ status: 'joined' });
    expect((await join(run.id, b, six)).json<JoinResult>()).toEqual({ status: 'joined' });
    const c1 = await join(run.id, c, six);
    expect(c1.statusCode).toBe(201);
    expect(c1.json<JoinResult>()).toEqual({ status: 'waitlisted', position: 1 });
    expect((await join(run.id, d, six)).json<JoinResult>()).toEqual({ status: 'waitlisted', position: 2 });
    // The 7'00" group has its own seats and its own (empty) waitlist.
    expect((await join(run.id, e, seven)).json<JoinResult>()).toEqual({ status: 'joined' });

    const seen = await view(run.id, d);
    expect(seen).toMatchObject({ myStatus: 'waitlisted', waitlistPosition: 2, myPaceGroupId: six });
    expect(groupAt(seen, 360)).toMatchObject({ participantCount: 2, waitlistCount: 2 });
    expect(seen).toMatchObject({ participantCount: 4, waitlistCount: 2 });

    // The 7'00" runner leaving frees a 7'00" seat: nobody of the 6'00" waitlist takes it.
    expect((await leave(run.id, e)).statusCode).toBe(204);
    expect(await view(run.id, c)).toMatchObject({ myStatus: 'waitlisted', waitlistPosition: 1 });
    // A 6'00" runner leaving seats the first of the 6'00" waitlist.
    expect((await leave(run.id, a)).statusCode).toBe(204);
    expect(await view(run.id, c)).toMatchObject({ myStatus: 'joined', myPaceGroupId: six });
    const after = await view(run.id, d);
    expect(after).toMatchObject({ myStatus: 'waitlisted', waitlistPosition: 1 });
    expect(groupAt(after, 360)).toMatchObject({ participantCount: 2, waitlistCount: 1 });
    expect(groupAt(after, 420)).toMatchObject({ participantCount: 0, waitlistCount: 0 });
  });

  it('never oversells a group when many join it at once', async () => {
    const run = await newRun(t.app, host, threeGroups([2, 3, 2]));
    const six = groupAt(run, 360).id;
    const runners = await users(8);
    const results = await Promise.all(runners.map((r) => join(run.id, r, six)));
    expect(results.map((r) => r.statusCode)).toEqual(runners.map(() => 201));
    const outcomes = results.map((r) => r.json<JoinResult>());
    expect(outcomes.filter((o) => o.status === 'joined')).toHaveLength(3);
    const positions = outcomes.flatMap((o) => (o.status === 'waitlisted' ? [o.position] : []));
    expect(positions.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
    const seen = await view(run.id);
    expect(groupAt(seen, 360)).toMatchObject({ participantCount: 3, waitlistCount: 5 });
    expect(seen).toMatchObject({ participantCount: 4, waitlistCount: 5 });
  });
});

describe('a seat freed within 24 h of the start', () => {
  it('is offered to the first of that group’s waitlist (issue 17’s offer, per group), who claims it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(host),
      payload: runBody(
        {
          capacity: 4,
          paceGroups: [
            { paceSecPerKm: 300, capacity: 2 },
            { paceSecPerKm: 360, capacity: 2 },
          ],
        },
        5,
      ),
    });
    const run = response.json<Run>();
    const five = groupAt(run, 300).id;
    const six = groupAt(run, 360).id;
    const [a, b, c, d, e] = await users(5);
    if (!a || !b || !c || !d || !e) throw new Error('users');
    await join(run.id, a, five); // 5'00" full: host + a
    await join(run.id, b, five); // 5'00" waitlist #1 (queued first)
    await join(run.id, c, six);
    await join(run.id, d, six); // 6'00" full
    await join(run.id, e, six); // 6'00" waitlist #1
    expect((await leave(run.id, c)).statusCode).toBe(204);
    expect((await view(run.id, b)).myOffer).toBeNull();
    const offered = await view(run.id, e);
    expect(offered.myOffer?.status).toBe('open');
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/seat-offer/claim`,
      headers: bearer(e),
    });
    expect(claim.json()).toEqual({ status: 'joined' });
    const after = await view(run.id, e);
    expect(after).toMatchObject({ myStatus: 'joined', myPaceGroupId: six });
    expect(after.paceGroups.map((g) => [g.participantCount, g.waitlistCount])).toEqual([
      [2, 1],
      [2, 0],
    ]);
  });
});

describe('moving between pace groups', () => {
  it('the host moves a runner; the freed seat goes to the old group’s waitlist; a full group refuses a seated runner (409)', async () => {
    const run = await newRun(t.app, host, threeGroups([2, 2, 2]));
    const five = groupAt(run, 300).id;
    const six = groupAt(run, 360).id;
    const seven = groupAt(run, 420).id;
    const [a, b, c, d] = await users(4);
    if (!a || !b || !c || !d) throw new Error('users');
    await join(run.id, a, six);
    await join(run.id, b, six);
    await join(run.id, c, six); // waitlisted
    await join(run.id, d, five); // the 5'00" group is full now (host + d)

    const moved = await move(run.id, host, a.user.id, seven);
    expect(moved.statusCode).toBe(200);
    expect(moved.json<JoinResult>()).toEqual({ status: 'joined' });
    expect(await view(run.id, a)).toMatchObject({ myStatus: 'joined', myPaceGroupId: seven });
    expect(await view(run.id, c)).toMatchObject({ myStatus: 'joined', myPaceGroupId: six });

    const full = await move(run.id, host, b.user.id, five);
    expect(full.statusCode).toBe(409);
    expect(full.json<ErrorBody>().code).toBe('PACE_GROUP_FULL');
    const seen = await view(run.id);
    expect(seen.paceGroups.map((g) => g.participantCount)).toEqual([2, 2, 1]);
    expect(seen).toMatchObject({ participantCount: 5, waitlistCount: 0 });
  });

  it('a runner moves themself into a free seat only; nobody else moves other runners (403)', async () => {
    const run = await newRun(t.app, host, threeGroups([2, 2, 2]));
    const five = groupAt(run, 300).id;
    const six = groupAt(run, 360).id;
    const seven = groupAt(run, 420).id;
    const [a, b, c] = await users(3);
    if (!a || !b || !c) throw new Error('users');
    await join(run.id, a, six);
    await join(run.id, b, five); // 5'00" full: host + b
    expect((await move(run.id, a, a.user.id, seven)).json<JoinResult>()).toEqual({ status: 'joined' });
    const full = await move(run.id, a, a.user.id, five);
    expect(full.statusCode).toBe(409);
    expect(full.json<ErrorBody>().code).toBe('PACE_GROUP_FULL');
    const other = await move(run.id, c, a.user.id, six);
    expect(other.statusCode).toBe(403);
    const notIn = await move(run.id, c, c.user.id, six);
    expect(notIn.statusCode).toBe(404);
    expect(notIn.json<ErrorBody>().code).toBe('NOT_JOINED');
  });

  it('the host moves a waitlisted runner to the end of a full group’s waitlist, or into a free seat', async () => {
    const run = await newRun(t.app, host, threeGroups([2, 2, 2]));
    const six = groupAt(run, 360).id;
    const seven = groupAt(run, 420).id;
    const [a, b, c, d, e] = await users(5);
    if (!a || !b || !c || !d || !e) throw new Error('users');
    await join(run.id, a, six);
    await join(run.id, b, six);
    await join(run.id, c, six); // 6'00" waitlist #1
    await join(run.id, d, seven);
    await join(run.id, e, seven);
    const [f] = await users(1);
    if (!f) throw new Error('users');
    await join(run.id, f, seven); // 7'00" waitlist #1
    expect((await move(run.id, host, c.user.id, seven)).json<JoinResult>()).toEqual({
      status: 'waitlisted',
      position: 2,
    });
    expect((await leave(run.id, a)).statusCode).toBe(204); // a 6'00" seat: nobody waits there now
    expect((await move(run.id, host, c.user.id, six)).json<JoinResult>()).toEqual({ status: 'joined' });
    const seen = await view(run.id);
    expect(groupAt(seen, 360)).toMatchObject({ participantCount: 2, waitlistCount: 0 });
    expect(groupAt(seen, 420)).toMatchObject({ participantCount: 2, waitlistCount: 1 });
    expect(seen).toMatchObject({ participantCount: 5, waitlistCount: 1 });
  });

  it('refuses moves once the run has started (409 RUN_STARTED)', async () => {
    const run = await newRun(t.app, host, threeGroups());
    const [a] = await users(1);
    if (!a) throw new Error('users');
    await join(run.id, a, groupAt(run, 360).id);
    clock.offsetMs = Date.parse(run.startsAt) - Date.now() + 1000;
    try {
      // Access tokens live 15 minutes: sign in again at the moment the clock jumped to.
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: host.email, password: host.password },
      });
      const late = await move(run.id, login.json<{ accessToken: string }>(), a.user.id, groupAt(run, 420).id);
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().code).toBe('RUN_STARTED');
    } finally {
      clock.offsetMs = 0;
    }
  });
});

describe('moving a waitlisted runner who holds a seat offer (issue 17 × pace groups)', () => {
  // The offer is for a seat of the old group: a move withdraws it and that seat is offered to the next in the
  // old group's line; a runner moved into a free seat of the new group holds that seat instead.
  const offersOf = async (runId: string) =>
    (
      await t.database.executeSql(
        'select user_id, status from seat_offers where run_id = $1 order by offered_at, user_id',
        [runId],
      )
    ).rows as { user_id: string; status: string }[];
  const soon = async () => {
    const response = await create({
      ...runBody(
        {
          capacity: 6,
          paceGroups: [
            { paceSecPerKm: 300, capacity: 2 },
            { paceSecPerKm: 360, capacity: 2 },
            { paceSecPerKm: 420, capacity: 2 },
          ],
        },
        5,
      ),
    });
    expect(response.statusCode).toBe(201);
    const run = response.json<Run>();
    const [a, b, c, d, e] = await users(5);
    if (!a || !b || !c || !d || !e) throw new Error('users');
    await join(run.id, a, groupAt(run, 300).id); // 5'00" full: host + a
    await join(run.id, b, groupAt(run, 300).id); // 5'00" waitlist #1
    await join(run.id, c, groupAt(run, 300).id); // 5'00" waitlist #2
    await join(run.id, d, groupAt(run, 360).id);
    await join(run.id, e, groupAt(run, 360).id); // 6'00" full
    expect((await leave(run.id, a)).statusCode).toBe(204);
    expect((await view(run.id, b)).myOffer?.status).toBe('open');
    return { run, b, c };
  };

  it('moved into a free seat: seated there, the old offer withdrawn and its seat offered to the next in the old group', async () => {
    const { run, b, c } = await soon();
    const moved = await move(run.id, b, b.user.id, groupAt(run, 420).id);
    expect(moved.json<JoinResult>()).toEqual({ status: 'joined' });
    expect(await view(run.id, b)).toMatchObject({ myStatus: 'joined', myPaceGroupId: groupAt(run, 420).id });
    expect((await view(run.id, c)).myOffer?.status).toBe('open');
    expect(await offersOf(run.id)).toEqual([
      { user_id: b.user.id, status: 'withdrawn' },
      { user_id: c.user.id, status: 'open' },
    ]);
    const seen = await view(run.id);
    expect(seen.paceGroups.map((g) => [g.participantCount, g.waitlistCount])).toEqual([
      [1, 1],
      [2, 0],
      [1, 0],
    ]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/runs/${run.id}/seat-offer/claim`,
          headers: bearer(c),
        })
      ).json(),
    ).toEqual({ status: 'joined' });
  });

  it('moved by the host into a full group: waits at its end, the offer passes to the next in the old group', async () => {
    const { run, b, c } = await soon();
    const moved = await move(run.id, host, b.user.id, groupAt(run, 360).id);
    expect(moved.json<JoinResult>()).toEqual({ status: 'waitlisted', position: 1 });
    const mine = await view(run.id, b);
    expect(mine).toMatchObject({ myStatus: 'waitlisted', myPaceGroupId: groupAt(run, 360).id });
    expect(mine.myOffer?.status).not.toBe('open');
    expect((await view(run.id, c)).myOffer?.status).toBe('open');
    expect(await offersOf(run.id)).toEqual([
      { user_id: b.user.id, status: 'withdrawn' },
      { user_id: c.user.id, status: 'open' },
    ]);
  });

  it('a runner may not move themself out of an offer into a full group (409): the offer stands', async () => {
    const { run, b, c } = await soon();
    const refused = await move(run.id, b, b.user.id, groupAt(run, 360).id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().code).toBe('PACE_GROUP_FULL');
    expect((await view(run.id, b)).myOffer?.status).toBe('open');
    expect((await view(run.id, c)).myOffer).toBeNull();
  });
});

describe('editing the pace groups', () => {
  const patch = (runId: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/runs/${runId}`, headers: bearer(host), payload });

  it('keeps groups by id, adds and removes empty ones, names a participant pacer and seats them in that group', async () => {
    const run = await newRun(t.app, host, threeGroups([3, 3, 3]));
    const [a] = await users(1);
    if (!a) throw new Error('users');
    await join(run.id, a, groupAt(run, 360).id);
    const five = groupAt(run, 300);
    const six = groupAt(run, 360);
    const response = await patch(run.id, {
      paceGroups: [
        { id: five.id, paceSecPerKm: 300, capacity: 3 },
        { id: six.id, paceSecPerKm: 360, capacity: 3 },
        { paceSecPerKm: 480, capacity: 4, pacerId: a.user.id },
      ],
    });
    expect(response.statusCode).toBe(200);
    const edited = response.json<Run>();
    expect(edited.capacity).toBe(10);
    expect(edited.paceGroups.map((g) => [g.paceSecPerKm, g.participantCount, g.pacer?.id ?? null])).toEqual([
      [300, 1, null],
      [360, 0, null],
      [480, 1, a.user.id],
    ]);

    // A group with runners in it stays (409), and a capacity alone must stay the groups' sum (400).
    const notEmpty = await patch(run.id, {
      paceGroups: [
        { id: five.id, paceSecPerKm: 300, capacity: 3 },
        { id: six.id, paceSecPerKm: 360, capacity: 3 },
      ],
    });
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json<ErrorBody>().code).toBe('PACE_GROUP_NOT_EMPTY');
    expect((await patch(run.id, { capacity: 20 })).statusCode).toBe(400);
  });

  it('takes the groups away (paceGroups: null): the run is one group again, its seats as they were', async () => {
    const run = await newRun(t.app, host, threeGroups([2, 2, 2]));
    const [a] = await users(1);
    if (!a) throw new Error('users');
    await join(run.id, a, groupAt(run, 420).id);
    const response = await patch(run.id, { paceGroups: null });
    expect(response.statusCode).toBe(200);
    expect(response.json<Run>()).toMatchObject({ paceGroups: [], capacity: 6, participantCount: 2 });
    expect(await view(run.id, a)).toMatchObject({ myStatus: 'joined', myPaceGroupId: null });
  });

  it('the pacer who leaves paces no more', async () => {
    const [a] = await users(1);
    if (!a) throw new Error('users');
    const run = await newRun(t.app, host, threeGroups());
    await join(run.id, a, groupAt(run, 420).id);
    const seven = groupAt(run, 420);
    await patch(run.id, {
      paceGroups: run.paceGroups.map((g) => ({
        id: g.id,
        paceSecPerKm: g.paceSecPerKm,
        capacity: g.capacity,
        pacerId: g.id === seven.id ? a.user.id : null,
      })),
    });
    expect(groupAt(await view(run.id), 420).pacer?.id).toBe(a.user.id);
    await leave(run.id, a);
    expect(groupAt(await view(run.id), 420).pacer).toBeNull();
  });
});
