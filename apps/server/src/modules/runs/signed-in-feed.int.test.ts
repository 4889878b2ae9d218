import type { Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crewRows } from '../../test/crew-fixtures.ts';
import { bearer, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { logQueries } from '../../test/query-log.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * A signed-in feed is the guest's shared page (ADR 006) with the reader's own state, and the runs only they
 * see (members-only runs of their crews, their hidden runs) merged in by the same order and cursor. The merge
 * must give exactly the page a whole read would: every run once, in order, across pages, for every sort.
 * The cache lives a minute here, so the shared pages really are reused between the pages a reader turns.
 */
let t: TestApp;
let owner: TestUser;
let member: TestUser;
let outsider: TestUser;
let crewId: string;
/** The owner's runs, by start time: even ones public, odd ones and the last five members-only. */
let created: Run[] = [];

const HOUR = 3_600_000;
function runAt(i: number): Run {
  const run = created[i];
  if (!run) throw new Error(`no run ${i}`);
  return run;
}
// The last five after every public run: a page where the guest's runs have run out and the reader's go on.
const membersOnly = (i: number) => i % 2 === 1 || i >= 8;
const get = (url: string, who?: TestUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who) : {} });

async function allPages(url: string, who?: TestUser): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response = await get(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who);
    expect(response.statusCode).toBe(200);
    const page = response.json<RunPage>();
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
    pages += 1;
    if (pages > 20) throw new Error('the cursor never ends');
  } while (cursor);
  return { ids, pages };
}

beforeAll(async () => {
  t = await createTestApp({ env: { RESPONSE_CACHE_MS: '60000' } });
  [owner, member, outsider] = await Promise.all([
    newUser(t.app, { nickname: '합침크루장' }),
    newUser(t.app, { nickname: '합침크루원' }),
    newUser(t.app, { nickname: '합침외부인' }),
  ]);
  crewId = (await crewRows(t, owner, { members: [member] })).id;
  const base = Date.now() + 30 * HOUR;
  created = [];
  for (let i = 0; i < 13; i += 1) {
    const start = new Date(base + i * HOUR);
    start.setUTCSeconds(0, 0);
    created.push(
      await newRun(t.app, owner, {
        ...runBody({ crewId, title: `합침 테스트 ${i}` }),
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + HOUR).toISOString(),
        ...(membersOnly(i) ? { visibility: 'crew' } : {}),
      }),
    );
  }
  // Seats make "popular" differ from the start order: the member joins one public and two members-only runs.
  for (const i of [2, 3, 5]) {
    const joined = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${runAt(i).id}/participants`,
      headers: bearer(member),
    });
    expect(joined.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

/** The order a whole read gives, from each run's own page (not from any list). */
async function expected(sort: 'soonest' | 'newest' | 'popular', runs: Run[]): Promise<string[]> {
  const fresh = await Promise.all(runs.map(async (r) => (await get(`/api/runs/${r.id}`, owner)).json<Run>()));
  const byId = (a: Run, b: Run) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...fresh].sort((a, b) => {
    if (sort === 'soonest') return Date.parse(a.startsAt) - Date.parse(b.startsAt) || byId(a, b);
    if (sort === 'newest') return Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b, a);
    return b.participantCount - a.participantCount || byId(b, a);
  });
  return sorted.map((r) => r.id);
}

describe('signed-in feed: the shared guest page merged with what only the reader sees', () => {
  for (const sort of ['soonest', 'newest', 'popular'] as const) {
    it(`pages through every run once, in order, sorted ${sort}`, async () => {
      const url = `/api/runs?hostId=${owner.user.id}&sort=${sort}&limit=3`;
      const all = await expected(sort, created);
      const publicOnly = await expected(
        sort,
        created.filter((_, i) => !membersOnly(i)),
      );
      // Twice each: the second time every guest page comes from the shared cache.
      for (let round = 0; round < 2; round += 1) {
        expect((await allPages(url, member)).ids).toEqual(all);
        expect((await allPages(url, owner)).ids).toEqual(all);
        expect((await allPages(url, outsider)).ids).toEqual(publicOnly);
        expect((await allPages(url)).ids).toEqual(publicOnly);
      }
    });
  }

  it('gives the reader their own state on shared and own runs alike', async () => {
    const page = (await get(`/api/runs?hostId=${owner.user.id}&limit=50`, member)).json<RunPage>();
    const status = new Map(page.items.map((r) => [r.id, r.myStatus]));
    expect([2, 3, 5].map((i) => status.get(runAt(i).id))).toEqual(['joined', 'joined', 'joined']);
    expect([0, 1, 4].map((i) => status.get(runAt(i).id))).toEqual([null, null, null]);
    const hosts = (await get(`/api/runs?hostId=${owner.user.id}&limit=50`, owner)).json<RunPage>();
    expect(hosts.items.every((r) => r.canManage)).toBe(true);
  });

  it('reads a member-of-nothing reader’s page from the shared one: only their state and their own runs', async () => {
    const url = `/api/runs?hostId=${owner.user.id}&limit=4`;
    await get(url, outsider);
    const log = logQueries(t.database);
    const response = await get(url, outsider).finally(log.stop);
    expect(response.json<RunPage>().items).toHaveLength(4);
    // No statement at all: the shared page is reused, and the reader's state and own runs are held (ADR 025).
    expect(log.queries).toHaveLength(0);
  });

  it('fills "내 조건" from the reader’s preferences and shares the page of that query', async () => {
    const prefs = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(member),
      payload: { preferredRegions: ['busan'] },
    });
    expect(prefs.statusCode).toBe(200);
    const busan = (await get(`/api/runs?hostId=${owner.user.id}&forMe=true`, member)).json<RunPage>();
    expect(busan.items).toEqual([]);
    // An explicit region wins over the preference.
    const seoul = (
      await get(`/api/runs?hostId=${owner.user.id}&forMe=true&region=seoul&limit=50`, member)
    ).json<RunPage>();
    expect(seoul.items).toHaveLength(created.length);
  });
});
