import type { BlockPage, BlockState, ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCohosts } from '../../db/tables.ts';
import { crewRows } from '../../test/crew-fixtures.ts';
import { bearer, deleteAccount, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Who = { accessToken: string } | null;
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: Who, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: who ? bearer(who) : {},
    ...(payload === undefined ? {} : { payload }),
  });
const block = (who: TestUser, other: TestUser) => call('PUT', `/api/me/blocks/${other.user.id}`, who);
const unblock = (who: TestUser, other: TestUser) => call('DELETE', `/api/me/blocks/${other.user.id}`, who);
const blocksOf = async (who: TestUser, query = '') =>
  (await call('GET', `/api/me/blocks${query}`, who)).json<BlockPage>();
const codeOf = (r: { json: <T>() => T }) => r.json<ErrorBody>().code;
const joinRun = (who: TestUser, runId: string) => call('POST', `/api/runs/${runId}/participants`, who);
const joinCrew = (who: TestUser, crewId: string) => call('POST', `/api/crews/${crewId}/members`, who, {});

describe('PUT, DELETE and GET /api/me/blocks', () => {
  it('blocks (idempotently), lists most recent first with the user, tells the state, and unblocks', async () => {
    const me = await newUser(t.app, { nickname: '차단러' });
    const [a, b] = [await newUser(t.app, { nickname: '러너A' }), await newUser(t.app, { nickname: '러너B' })];
    expect((await block(me, a)).statusCode).toBe(204);
    expect((await block(me, b)).statusCode).toBe(204);
    const first = await blocksOf(me);
    expect((await block(me, a)).statusCode).toBe(204);
    const again = await blocksOf(me);
    // Blocking twice keeps the first block and its time.
    expect(again).toEqual(first);
    expect(again.items.map((i) => i.user)).toEqual([
      { id: b.user.id, nickname: '러너B', avatar: null },
      { id: a.user.id, nickname: '러너A', avatar: null },
    ]);
    expect(again.nextCursor).toBeNull();

    const page1 = await blocksOf(me, '?limit=1');
    expect(page1.items.map((i) => i.user.id)).toEqual([b.user.id]);
    const page2 = await blocksOf(me, `?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items.map((i) => i.user.id)).toEqual([a.user.id]);

    const state = (await call('GET', `/api/me/blocks/${a.user.id}`, me)).json<BlockState>();
    expect(state.blocked).toBe(true);
    expect(state.blockedAt).toBe(again.items[1]?.blockedAt);

    expect((await unblock(me, a)).statusCode).toBe(204);
    // Idempotent: unblocking someone not blocked is done already.
    expect((await unblock(me, a)).statusCode).toBe(204);
    expect((await blocksOf(me)).items.map((i) => i.user.id)).toEqual([b.user.id]);
    expect((await call('GET', `/api/me/blocks/${a.user.id}`, me)).json<BlockState>()).toEqual({
      blocked: false,
      blockedAt: null,
    });
    // The other side sees nothing of it: their own list is empty.
    expect((await blocksOf(b)).items).toEqual([]);
  });

  it('refuses blocking oneself (400 CANNOT_BLOCK_SELF) and an unknown or deleted user (404 USER_NOT_FOUND)', async () => {
    const me = await newUser(t.app);
    const self = await block(me, me);
    expect(self.statusCode).toBe(400);
    expect(codeOf(self)).toBe('CANNOT_BLOCK_SELF');
    const unknown = await call('PUT', `/api/me/blocks/${crypto.randomUUID()}`, me);
    expect(unknown.statusCode).toBe(404);
    expect(codeOf(unknown)).toBe('USER_NOT_FOUND');
    const gone = await newUser(t.app);
    expect((await deleteAccount(t.app, gone)).statusCode).toBe(204);
    expect(codeOf(await block(me, gone))).toBe('USER_NOT_FOUND');
    expect((await call('PUT', '/api/me/blocks/not-a-uuid', me)).statusCode).toBe(400);
  });

  it('is for the signed-in only (401)', async () => {
    const other = await newUser(t.app);
    expect((await call('GET', '/api/me/blocks', null)).statusCode).toBe(401);
    expect((await call('PUT', `/api/me/blocks/${other.user.id}`, null)).statusCode).toBe(401);
    expect((await call('DELETE', `/api/me/blocks/${other.user.id}`, null)).statusCode).toBe(401);
    expect((await call('GET', `/api/me/blocks/${other.user.id}`, null)).statusCode).toBe(401);
  });

  it('puts my blocks in my data export, and erases them both ways with an account', async () => {
    const me = await newUser(t.app);
    const [gone, other] = [await newUser(t.app, { nickname: '떠날러너' }), await newUser(t.app)];
    await block(me, gone);
    await block(gone, other);
    const exported = (await call('GET', '/api/me/export', me)).json<{
      blocks: { nickname: string; blockedAt: string }[];
    }>();
    expect(exported.blocks.map((b) => b.nickname)).toEqual(['떠날러너']);
    expect(Number.isNaN(Date.parse(exported.blocks[0]?.blockedAt ?? ''))).toBe(false);
    expect((await deleteAccount(t.app, gone)).statusCode).toBe(204);
    expect((await blocksOf(me)).items).toEqual([]);
    const left = await t.database.executeSql(
      'select count(*)::int as n from user_blocks where blocker_id = $1 or blocked_id = $1',
      [gone.user.id],
    );
    expect(left.rows).toEqual([{ n: 0 }]);
  });
});

describe('joining the blocker’s runs and crews', () => {
  it('refuses the blocked runner a run the blocker hosts, silently (403 JOIN_NOT_ALLOWED), until unblocked', async () => {
    const [host, runner] = [await newUser(t.app), await newUser(t.app)];
    const run = await newRun(t.app, host);
    await block(host, runner);
    const refused = await joinRun(runner, run.id);
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe('JOIN_NOT_ALLOWED');
    expect(refused.body.toLowerCase()).not.toContain('block');
    await unblock(host, runner);
    expect((await joinRun(runner, run.id)).statusCode).toBe(201);
  });

  it('refuses a run the blocker co-hosts', async () => {
    const [host, cohost, runner] = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
    const run = await newRun(t.app, host);
    await t.database.db.insert(runCohosts).values({ runId: run.id, userId: cohost.user.id });
    await block(cohost, runner);
    expect(codeOf(await joinRun(runner, run.id))).toBe('JOIN_NOT_ALLOWED');
    await unblock(cohost, runner);
    expect((await joinRun(runner, run.id)).statusCode).toBe(201);
  });

  it('is one-way: the blocker still joins the blocked user’s run, and others join the blocker’s', async () => {
    const [blocker, blocked, other] = [await newUser(t.app), await newUser(t.app), await newUser(t.app)];
    await block(blocker, blocked);
    const theirs = await newRun(t.app, blocked);
    expect((await joinRun(blocker, theirs.id)).statusCode).toBe(201);
    const mine = await newRun(t.app, blocker);
    expect((await joinRun(other, mine.id)).statusCode).toBe(201);
  });

  it('does not remove a runner already in the run when the host blocks them', async () => {
    const [host, runner] = [await newUser(t.app), await newUser(t.app)];
    const run = await newRun(t.app, host);
    expect((await joinRun(runner, run.id)).statusCode).toBe(201);
    await block(host, runner);
    const participants = await t.database.executeSql(
      'select status from run_participants where run_id = $1 and user_id = $2',
      [run.id, runner.user.id],
    );
    expect(participants.rows).toEqual([{ status: 'joined' }]);
  });

  it('refuses a crew whose owner or a staff member blocked the runner, until unblocked; a member’s block does not', async () => {
    const [owner, staff, member, runner] = [
      await newUser(t.app),
      await newUser(t.app),
      await newUser(t.app),
      await newUser(t.app),
    ];
    const crew = await crewRows(t, owner, { staff: [staff], members: [member] });
    await block(member, runner);
    await block(owner, runner);
    const refused = await joinCrew(runner, crew.id);
    expect(refused.statusCode).toBe(403);
    expect(codeOf(refused)).toBe('JOIN_NOT_ALLOWED');
    await unblock(owner, runner);
    await block(staff, runner);
    expect(codeOf(await joinCrew(runner, crew.id))).toBe('JOIN_NOT_ALLOWED');
    await unblock(staff, runner);
    // Only the member's block is left: members do not decide who joins.
    expect((await joinCrew(runner, crew.id)).statusCode).toBe(201);
  });

  it('refuses a request to an approval crew too (the request would reach the blocker)', async () => {
    const [owner, runner] = [await newUser(t.app), await newUser(t.app)];
    const crew = await crewRows(t, owner, { joinPolicy: 'approval' });
    await block(owner, runner);
    expect(codeOf(await joinCrew(runner, crew.id))).toBe('JOIN_NOT_ALLOWED');
  });

  it('is one-way for crews: the blocker joins the blocked user’s crew', async () => {
    const [blocker, blocked] = [await newUser(t.app), await newUser(t.app)];
    const crew = await crewRows(t, blocked);
    await block(blocker, blocked);
    expect((await joinCrew(blocker, crew.id)).statusCode).toBe(201);
  });
});
