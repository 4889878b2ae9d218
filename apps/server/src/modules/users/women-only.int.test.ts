import type { Crew, ErrorBody, Me, Run, RunPage } from '@erun/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../db/raw.ts';
import { crewBody, newCrew } from '../../test/crew-fixtures.ts';
import { bearer, deleteAccount, newRun, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** 여성 전용 (DOMAIN.md "Safety and reliability"): the private gender, and the runs and crews it opens. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Who = { accessToken: string } | null;
function api(who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: who ? bearer(who) : {}, ...(payload ? { payload } : {}) });
}

async function runner(gender: 'female' | 'male' | 'other' | null): Promise<TestUser> {
  const user = await newUser(t.app);
  if (gender !== null) {
    const response = await api(user, 'PATCH', '/api/me', { gender });
    expect(response.statusCode).toBe(200);
  }
  return user;
}

const joinRun = (who: Who, runId: string) => api(who, 'POST', `/api/runs/${runId}/participants`);
const joinCrew = (who: Who, crewId: string) => api(who, 'POST', `/api/crews/${crewId}/members`, {});

describe('the private gender', () => {
  it('is set, changed and cleared on PATCH /api/me and shown only in GET /api/me', async () => {
    const user = await newUser(t.app);
    expect((await api(user, 'GET', '/api/me')).json<Me>().gender).toBeNull();
    for (const gender of ['female', 'other', null] as const) {
      const patched = await api(user, 'PATCH', '/api/me', { gender });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<Me>().gender).toBe(gender);
      expect((await api(user, 'GET', '/api/me')).json<Me>().gender).toBe(gender);
    }
    const bad = await api(user, 'PATCH', '/api/me', { gender: 'woman' });
    expect(bad.statusCode).toBe(400);
  });

  it('is in no public payload: profile, run page host and participants, crew page', async () => {
    const host = await runner('female');
    const other = await runner('female');
    const run = await newRun(t.app, host, { womenOnly: true });
    expect((await joinRun(other, run.id)).statusCode).toBe(201);
    const crew = await newCrew(t.app, host, { womenOnly: true });
    const bodies = [
      (await api(null, 'GET', `/api/users/${host.user.id}`)).body,
      (await api(other, 'GET', `/api/users/${host.user.id}`)).body,
      (await api(other, 'GET', `/api/runs/${run.id}`)).body,
      (await api(host, 'GET', `/api/runs/${run.id}`)).body,
      (await api(null, 'GET', `/api/runs?womenOnly=true`)).body,
      (await api(other, 'GET', `/api/crews/${crew.id}`)).body,
    ];
    for (const body of bodies) {
      expect(body).not.toContain('gender');
      expect(body).not.toContain('female');
    }
  });

  it('is erased with the account', async () => {
    const user = await runner('female');
    expect((await deleteAccount(t.app, user)).statusCode).toBe(204);
    const [row] = await rawRows<{ gender: string | null }>(
      t.database.db,
      sql`select gender from users where id = ${user.user.id}`,
    );
    expect(row).toEqual({ gender: null });
  });
});

describe('여성 전용 runs', () => {
  it('a woman joins; a man, "other" and an unset gender are refused with 403 WOMEN_ONLY', async () => {
    const host = await runner('female');
    const run = await newRun(t.app, host, { womenOnly: true });
    expect(run.womenOnly).toBe(true);
    for (const who of [await runner('male'), await runner('other'), await runner(null)]) {
      const refused = await joinRun(who, run.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().code).toBe('WOMEN_ONLY');
    }
    expect((await joinRun(await runner('female'), run.id)).statusCode).toBe(201);
    const page = (await api(null, 'GET', `/api/runs/${run.id}`)).json<Run>();
    expect(page).toMatchObject({ womenOnly: true, participantCount: 2 });
  });

  it('a run open to all stays open to all', async () => {
    const host = await runner('male');
    const run = await newRun(t.app, host);
    expect(run.womenOnly).toBe(false);
    expect((await joinRun(await runner(null), run.id)).statusCode).toBe(201);
  });

  it('only a woman hosts one, with women as co-hosts (403 WOMEN_ONLY)', async () => {
    for (const gender of ['male', null] as const) {
      const host = await runner(gender);
      const refused = await api(host, 'POST', '/api/runs', runBody({ womenOnly: true }));
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().code).toBe('WOMEN_ONLY');
    }
    const host = await runner('female');
    const man = await runner('male');
    const withMan = await api(
      host,
      'POST',
      '/api/runs',
      runBody({ womenOnly: true, coHostIds: [man.user.id] }),
    );
    expect(withMan.json<ErrorBody>().code).toBe('WOMEN_ONLY');
    const woman = await runner('female');
    const ok = await api(host, 'POST', '/api/runs', runBody({ womenOnly: true, coHostIds: [woman.user.id] }));
    expect(ok.statusCode).toBe(201);
    const run = ok.json<Run>();
    const addMan = await api(host, 'PATCH', `/api/runs/${run.id}`, {
      coHostIds: [woman.user.id, man.user.id],
    });
    expect(addMan.json<ErrorBody>().code).toBe('WOMEN_ONLY');
  });

  it('becomes women-only only before anyone but its host is in (409), and by a woman host', async () => {
    const host = await runner('female');
    const run = await newRun(t.app, host);
    const on = await api(host, 'PATCH', `/api/runs/${run.id}`, { womenOnly: true });
    expect(on.statusCode).toBe(200);
    expect(on.json<Run>().womenOnly).toBe(true);
    const off = await api(host, 'PATCH', `/api/runs/${run.id}`, { womenOnly: false });
    expect(off.json<Run>().womenOnly).toBe(false);
    expect((await joinRun(await runner('male'), run.id)).statusCode).toBe(201);
    const late = await api(host, 'PATCH', `/api/runs/${run.id}`, { womenOnly: true });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().code).toBe('CONFLICT');
    expect((await api(null, 'GET', `/api/runs/${run.id}`)).json<Run>().womenOnly).toBe(false);

    const manHost = await runner('male');
    const his = await newRun(t.app, manHost);
    const refused = await api(manHost, 'PATCH', `/api/runs/${his.id}`, { womenOnly: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('WOMEN_ONLY');
  });

  it('the list filters 여성 전용만', async () => {
    const host = await runner('female');
    const only = await newRun(t.app, host, { womenOnly: true, title: '여성 전용 필터 확인 러닝' });
    const open = await newRun(t.app, host, { title: '여성 전용 필터 확인 러닝' });
    const page = (
      await api(null, 'GET', `/api/runs?womenOnly=true&q=${encodeURIComponent('필터 확인')}`)
    ).json<RunPage>();
    const ids = page.items.map((r) => r.id);
    expect(ids).toContain(only.id);
    expect(ids).not.toContain(open.id);
    expect(page.items.every((r) => r.womenOnly)).toBe(true);
  });
});

describe('여성 전용 크루', () => {
  it('a woman joins; a man and an unset gender are refused with 403 WOMEN_ONLY', async () => {
    const owner = await runner('female');
    const crew = await newCrew(t.app, owner, { womenOnly: true });
    expect(crew.womenOnly).toBe(true);
    for (const who of [await runner('male'), await runner(null)]) {
      const refused = await joinCrew(who, crew.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().code).toBe('WOMEN_ONLY');
    }
    expect((await joinCrew(await runner('female'), crew.id)).statusCode).toBe(201);
    expect((await api(null, 'GET', `/api/crews/${crew.id}`)).json<Crew>()).toMatchObject({
      womenOnly: true,
      memberCount: 2,
    });
  });

  it('only a woman makes one (403), and it becomes one only while its owner is alone (409)', async () => {
    const man = await runner('male');
    const refused = await api(man, 'POST', '/api/crews', crewBody({ womenOnly: true }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().code).toBe('WOMEN_ONLY');

    const owner = await runner('female');
    const crew = await newCrew(t.app, owner);
    expect(crew.womenOnly).toBe(false);
    const on = await api(owner, 'PATCH', `/api/crews/${crew.id}`, { womenOnly: true });
    expect(on.statusCode).toBe(200);
    expect(on.json<Crew>().womenOnly).toBe(true);
    expect((await api(owner, 'PATCH', `/api/crews/${crew.id}`, { womenOnly: false })).statusCode).toBe(200);
    expect((await joinCrew(await runner('female'), crew.id)).statusCode).toBe(201);
    const late = await api(owner, 'PATCH', `/api/crews/${crew.id}`, { womenOnly: true });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().code).toBe('CONFLICT');
  });
});
