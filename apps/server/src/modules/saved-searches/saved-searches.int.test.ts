import type { ErrorBody, NotificationPage, SavedSearch, SavedSearchList } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const save = (who: TestUser, filters: unknown) =>
  t.app.inject({
    method: 'POST',
    url: '/api/me/saved-searches',
    headers: bearer(who),
    payload: { filters } as object,
  });
const list = async (who: TestUser) =>
  (
    await t.app.inject({ method: 'GET', url: '/api/me/saved-searches', headers: bearer(who) })
  ).json<SavedSearchList>().items;
const remove = (who: TestUser, id: string) =>
  t.app.inject({ method: 'DELETE', url: `/api/me/saved-searches/${id}`, headers: bearer(who) });

async function matches(who: TestUser): Promise<NotificationPage['items']> {
  const page = await t.app.inject({
    method: 'GET',
    url: '/api/notifications?limit=50',
    headers: bearer(who),
  });
  return page.json<NotificationPage>().items.filter((n) => n.category === 'saved_search_match');
}

describe('saved searches: save, list, delete', () => {
  it('saves a filter set with its defaults, lists it, and deletes it', async () => {
    const me = await newUser(t.app);
    const saved = await save(me, { region: ['seoul', 'busan'], q: ' 한강 러닝 ' });
    expect(saved.statusCode, saved.body).toBe(201);
    const body = saved.json<SavedSearch>();
    expect(body.filters).toEqual({
      region: ['seoul', 'busan'],
      theme: [],
      timeOfDay: [],
      distance: [],
      q: '한강 러닝',
      womenOnly: false,
    });
    expect((await list(me)).map((s) => s.id)).toEqual([body.id]);
    expect((await remove(me, body.id)).statusCode).toBe(204);
    expect(await list(me)).toEqual([]);
    expect((await remove(me, body.id)).json<ErrorBody>().code).toBe('SAVED_SEARCH_NOT_FOUND');
  });

  it.each([
    ['no condition at all', {}],
    ['an unknown region', { region: ['mars'] }],
    ['a region twice', { region: ['seoul', 'seoul'] }],
    ['an unknown filter', { sort: 'newest', region: ['seoul'] }],
    ['a keyword over 50 characters', { q: '가'.repeat(51) }],
    ['a keyword of spaces only', { q: '   ' }],
  ])('refuses %s (400)', async (_name, filters) => {
    const me = await newUser(t.app);
    const response = await save(me, filters);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
  });

  it('keeps at most 10 a user (409 SAVED_SEARCHES_FULL), and deleting one makes room', async () => {
    const me = await newUser(t.app);
    for (let i = 0; i < 10; i++) expect((await save(me, { q: `검색 ${i}` })).statusCode).toBe(201);
    const full = await save(me, { q: '하나 더' });
    expect(full.statusCode).toBe(409);
    expect(full.json<ErrorBody>().code).toBe('SAVED_SEARCHES_FULL');
    const [first] = await list(me);
    expect((await remove(me, first?.id ?? '')).statusCode).toBe(204);
    expect((await save(me, { q: '하나 더' })).statusCode).toBe(201);
  });

  it("is the owner's alone: another user neither sees nor deletes it (404), a guest gets 401", async () => {
    const owner = await newUser(t.app);
    const other = await newUser(t.app);
    const { id } = (await save(owner, { region: ['jeju'] })).json<SavedSearch>();
    expect(await list(other)).toEqual([]);
    const theirs = await remove(other, id);
    expect(theirs.statusCode).toBe(404);
    expect((await list(owner)).map((s) => s.id)).toEqual([id]);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/saved-searches' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/saved-searches/${id}` })).statusCode).toBe(
      401,
    );
  });
});

describe('saved searches: a new matching run', () => {
  it('notifies each matching user once, however many of their searches match, never the host', async () => {
    const host = await newUser(t.app, { nickname: '반포달림이' });
    const fan = await newUser(t.app);
    const elsewhere = await newUser(t.app);
    const wordy = await newUser(t.app);
    const byHost = await newUser(t.app);
    // Several matching searches, one of them spacing-insensitive ("한강러닝" finds "한강 러닝").
    await save(fan, { region: ['seoul'] });
    await save(fan, { theme: ['riverside'], q: '한강러닝' });
    await save(fan, { q: '반포달림이' });
    await save(elsewhere, { region: ['busan'] });
    await save(wordy, { region: ['seoul'], q: '트레일 산악' });
    await save(host, { region: ['seoul'] });
    await save(byHost, { q: '한강' });

    const run = await newRun(t.app, host, { title: '여의도 한강 러닝', region: 'seoul', theme: 'riverside' });

    const [notice, ...more] = await matches(fan);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      category: 'saved_search_match',
      link: `/runs/${run.id}`,
      data: { title: '여의도 한강 러닝' },
      actor: { nickname: '반포달림이' },
    });
    expect(await matches(elsewhere)).toEqual([]);
    expect(await matches(wordy)).toEqual([]);
    expect(await matches(host)).toEqual([]);
    expect(await matches(byHost)).toHaveLength(1);

    // A second run notifies again: once per run.
    await newRun(t.app, host, { title: '반포 야간 러닝', region: 'seoul' });
    expect(await matches(fan)).toHaveLength(2);
  });

  it('tells no one who blocked the host or whom the host blocked, and no one of a deleted search', async () => {
    const host = await newUser(t.app);
    const blocker = await newUser(t.app);
    const blocked = await newUser(t.app);
    const gone = await newUser(t.app);
    for (const u of [blocker, blocked, gone]) await save(u, { region: ['daegu'] });
    const block = (who: TestUser, whom: TestUser) =>
      t.app.inject({ method: 'PUT', url: `/api/me/blocks/${whom.user.id}`, headers: bearer(who) });
    expect((await block(blocker, host)).statusCode).toBe(204);
    expect((await block(host, blocked)).statusCode).toBe(204);
    const [search] = await list(gone);
    expect((await remove(gone, search?.id ?? '')).statusCode).toBe(204);

    await newRun(t.app, host, { region: 'daegu' });
    for (const u of [blocker, blocked, gone]) expect(await matches(u)).toEqual([]);
  });
});

describe('saved searches: deleting the account', () => {
  it("exports them with the account's data and deletes them with the account", async () => {
    const me = await newUser(t.app);
    const kept = await newUser(t.app);
    await save(me, { region: ['jeju'], q: '한라산' });
    await save(kept, { region: ['jeju'] });
    const exported = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: bearer(me) });
    expect(exported.json<{ savedSearches: SavedSearch[] }>().savedSearches).toMatchObject([
      { filters: { region: ['jeju'], q: '한라산' } },
    ]);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: bearer(me),
      payload: { password: me.password },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const stored = async (who: TestUser) =>
      (await t.database.executeSql('select id from saved_searches where user_id = $1', [who.user.id])).rows;
    expect(await stored(me)).toEqual([]);
    expect(await stored(kept)).toHaveLength(1);
  });
});
