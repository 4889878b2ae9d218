import type { Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { logQueries } from '../../test/query-log.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let host: TestUser;
let runner: TestUser;
beforeAll(async () => {
  // The response cache is off here: every request below must reach the database to be counted.
  t = await createTestApp({ env: { RESPONSE_CACHE_MS: '0' } });
  [host, runner] = await Promise.all([newUser(t.app, { nickname: '크루장' }), newUser(t.app)]);
});
afterAll(() => t.close());

const get = (url: string, who?: TestUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who) : {} });

/** SQL statements the request sent to the database driver. */
async function statementsOf(url: string, who?: TestUser): Promise<number> {
  // Joins notify the host, which starts a push/SMS delivery sweep in the background: let it finish first.
  // Sign-up mails a verification link from the outbox in the background: let that sweep finish too.
  await Promise.all([t.services.deliveries.idle(), t.services.mail.idle()]);
  const log = logQueries(t.database);
  try {
    const response = await get(url, who);
    expect(response.statusCode, response.body).toBe(200);
  } finally {
    log.stop();
  }
  return log.queries.length;
}

const startingIn = (hours: number, extra: Record<string, unknown> = {}) => {
  const { startsAt, endsAt } = runBody({}, hours);
  return { startsAt, endsAt, ...extra };
};

describe('queries per request', () => {
  beforeAll(async () => {
    for (let i = 0; i < 8; i++) {
      const run = await newRun(t.app, host, startingIn(30 + i, { capacity: 2 }));
      // Joined, waitlisted and bookmarked rows, so the caller's state has something to find.
      await t.app.inject({
        method: 'POST',
        url: `/api/runs/${run.id}/participants`,
        headers: bearer(runner),
      });
      if (i % 2 === 0)
        await t.app.inject({ method: 'PUT', url: `/api/runs/${run.id}/bookmark`, headers: bearer(runner) });
    }
  });

  it.each([
    ['the feed', '/api/runs'],
    [
      'three filters',
      '/api/runs?region=seoul&theme=riverside&timeOfDay=night,evening,dawn,morning,afternoon,late_night',
    ],
    ['a keyword', `/api/runs?q=${encodeURIComponent('한강')}`],
    ['near me', '/api/runs?near=37.52,126.93&radiusKm=5'],
    ['newest first', '/api/runs?sort=newest'],
    ['most popular', '/api/runs?sort=popular'],
  ])('%s: one statement for a guest and for a runner, whatever the page size', async (_what, url) => {
    const sep = url.includes('?') ? '&' : '?';
    for (const who of [undefined, runner]) {
      const small = await statementsOf(`${url}${sep}limit=5`, who);
      const large = await statementsOf(`${url}${sep}limit=50`, who);
      expect(small).toBe(1);
      expect(large).toBe(small);
    }
    const page = (await get(`${url}${sep}limit=50`, runner)).json<RunPage>();
    expect(page.items.length).toBeGreaterThanOrEqual(8);
    expect(page.items.some((r) => r.myStatus === 'joined' && r.bookmarked)).toBe(true);
  });

  it('a run page: the same statements with 1 participant or 8, photos or not', async () => {
    const quiet = await newRun(t.app, host, startingIn(40));
    const busy = await newRun(t.app, host, startingIn(41, { capacity: 20 }));
    const others = await Promise.all(Array.from({ length: 7 }, () => newUser(t.app)));
    for (const who of others) {
      await t.app.inject({ method: 'POST', url: `/api/runs/${busy.id}/participants`, headers: bearer(who) });
    }
    for (const who of [undefined, runner]) {
      expect(await statementsOf(`/api/runs/${quiet.id}`, who)).toBe(1);
      expect(await statementsOf(`/api/runs/${busy.id}`, who)).toBe(1);
    }
    const page = (await get(`/api/runs/${busy.id}`)).json<Run>();
    expect(page.participants).toHaveLength(8);
    expect(page.participants[0]?.nickname).toBe('크루장');
  });
});

describe('cursor pagination under concurrent posting', () => {
  it.each(['soonest', 'newest', 'popular'] as const)(
    'sort=%s neither skips nor repeats a run when runs are posted between pages',
    async (sort) => {
      const poster = await newUser(t.app);
      const url = `/api/runs?hostId=${poster.user.id}&sort=${sort}&limit=3`;
      // Several runs share a start time: the id breaks the tie.
      const before: string[] = [];
      for (const hours of [50, 50, 50, 60, 70, 70, 80, 90, 100, 110]) {
        before.push((await newRun(t.app, poster, startingIn(hours))).id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: RunPage = (await get(cursor ? `${url}&cursor=${cursor}` : url)).json<RunPage>();
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        // New runs everywhere in the order: before the cursor, at it, after it.
        if (pages++ < 3)
          for (const hours of [49, 50, 75, 120]) await newRun(t.app, poster, startingIn(hours));
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
    },
  );
});
