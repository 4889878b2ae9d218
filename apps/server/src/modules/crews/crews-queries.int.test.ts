import type { Crew, CrewPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCrewRun, newCrew } from '../../test/crew-fixtures.ts';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { logQueries } from '../../test/query-log.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** The crew list and a crew page: one statement each, whatever the crew's size; guests' reads cached. */
let t: TestApp;
let owner: TestUser;
let member: TestUser;
beforeAll(async () => {
  // The response cache is off here: every request below must reach the database to be counted.
  t = await createTestApp({ env: { RESPONSE_CACHE_MS: '0' } });
  [owner, member] = await Promise.all([newUser(t.app, { nickname: '크루장' }), newUser(t.app)]);
});
afterAll(() => t.close());

/** SQL statements the request sent to the database driver, and its body. */
async function statementsOf(app: TestApp, url: string, who?: TestUser) {
  // Sign-up mails a verification link and joins notify: let those background sweeps finish first.
  await Promise.all([app.services.deliveries.idle(), app.services.mail.idle()]);
  const log = logQueries(app.database);
  try {
    const response = await app.app.inject({ method: 'GET', url, headers: who ? bearer(who) : {} });
    expect(response.statusCode, response.body).toBe(200);
    return { statements: log.queries.length, response };
  } finally {
    log.stop();
  }
}

describe('queries per request', () => {
  it('a crew page: one statement for a guest and a member, with 1 member or 8 (2 staff) and runs', async () => {
    const quiet = await newCrew(t.app, owner);
    const busy = await newCrew(t.app, owner);
    const others = await Promise.all(Array.from({ length: 7 }, () => newUser(t.app)));
    await t.services.crews.addMembersDirectly(busy.id, [
      { userId: member.user.id, role: 'member' },
      ...others.map((u, i) => ({
        userId: u.user.id,
        role: i < 2 ? ('staff' as const) : ('member' as const),
      })),
    ]);
    for (let i = 0; i < 3; i++) await makeCrewRun(t, (await newRun(t.app, owner)).id, busy.id);
    for (const who of [undefined, member]) {
      expect((await statementsOf(t, `/api/crews/${quiet.id}`, who)).statements).toBe(1);
      const { statements, response } = await statementsOf(t, `/api/crews/${busy.id}`, who);
      expect(statements).toBe(1);
      const page = response.json<Crew>();
      expect(page.memberCount).toBe(9);
      expect(page.staff).toHaveLength(2);
      expect(page.owner.nickname).toBe('크루장');
      expect(page.viewer).toEqual(who ? { status: 'member', role: 'member' } : { status: null, role: null });
    }
  });

  it.each([
    ['the first page', '/api/crews'],
    ['region and name search', `/api/crews?region=seoul&q=${encodeURIComponent('반포')}`],
  ])(
    'the crew list (%s): one statement for a guest and a member, whatever the page size',
    async (_w, url) => {
      for (let i = 0; i < 6; i++) await newCrew(t.app, owner);
      const sep = url.includes('?') ? '&' : '?';
      for (const who of [undefined, member]) {
        const small = await statementsOf(t, `${url}${sep}limit=5`, who);
        const large = await statementsOf(t, `${url}${sep}limit=50`, who);
        expect(small.statements).toBe(1);
        expect(large.statements).toBe(1);
        expect(large.response.json<CrewPage>().items.length).toBeGreaterThan(5);
      }
    },
  );
});

describe('with the guest response cache (ADR 006)', () => {
  let cached: TestApp;
  let host: TestUser;
  let runner: TestUser;
  beforeAll(async () => {
    cached = await createTestApp({ env: { RESPONSE_CACHE_MS: '60000' } });
    [host, runner] = await Promise.all([newUser(cached.app), newUser(cached.app)]);
  });
  afterAll(() => cached.close());

  it('answers guests from memory, and a join shows at once on the page and the list', async () => {
    const crew = await newCrew(cached.app, host, { joinPolicy: 'open' });
    for (const url of [`/api/crews/${crew.id}`, '/api/crews?limit=50']) {
      const first = await statementsOf(cached, url);
      const second = await statementsOf(cached, url);
      expect([first.statements, second.statements]).toEqual([1, 0]);
      expect(second.response.body).toBe(first.response.body);
      expect(second.response.headers['content-type']).toBe(first.response.headers['content-type']);
    }
    const joined = await cached.app.inject({
      method: 'POST',
      url: `/api/crews/${crew.id}/members`,
      headers: bearer(runner),
      payload: {},
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const page = await statementsOf(cached, `/api/crews/${crew.id}`);
    expect(page.statements).toBe(1);
    expect(page.response.json<Crew>().memberCount).toBe(2);
    const list = (await statementsOf(cached, '/api/crews?limit=50')).response.json<CrewPage>();
    expect(list.items.find((c) => c.id === crew.id)?.memberCount).toBe(2);
  });

  it("never answers a signed-in member from the guests' copy: their place in the crew is their own", async () => {
    const crew = await newCrew(cached.app, host);
    await statementsOf(cached, `/api/crews/${crew.id}`);
    const own = await statementsOf(cached, `/api/crews/${crew.id}`, host);
    expect(own.statements).toBe(1);
    expect(own.response.json<Crew>().viewer).toEqual({ status: 'member', role: 'owner' });
    const guest = await statementsOf(cached, `/api/crews/${crew.id}`);
    expect(guest.statements).toBe(0);
    expect(guest.response.json<Crew>().viewer).toEqual({ status: null, role: null });
  });
});
