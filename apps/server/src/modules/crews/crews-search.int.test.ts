import type { CrewPage } from '@erun/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crews } from '../../db/tables.ts';
import { newCrew } from '../../test/crew-fixtures.ts';
import { bearer, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The crew name search as the runs page and /crews use it (`GET /api/crews?q=`): a part of a Korean word,
 * the name typed with or without its spaces, words from different fields; deleted crews never.
 */
let t: TestApp;
let owner: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  owner = await newUser(t.app);
});
afterAll(() => t.close());

/** The ids a search finds (guests, or a signed-in runner), over every crew in this file's database. */
async function found(q: string, who?: TestUser, extra = ''): Promise<string[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/crews?limit=50&q=${encodeURIComponent(q)}${extra}`,
    headers: who ? bearer(who) : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CrewPage>().items.map((c) => c.id);
}

describe('GET /api/crews?q=', () => {
  it('lists the crew whose whole name was typed first, ahead of busier neighbours its words also find, and pages through the rest once', async () => {
    const tag = Date.now().toString(36);
    const spot = { name: '반포한강공원', lat: 37.5104, lng: 126.9961 };
    const named = await newCrew(t.app, owner, { name: `반포 별빛${tag}러너스`, homeSpot: spot });
    // Same home spot and word: "반포" + "별빛…러너스" finds them too, and their rank (members) is higher.
    const neighbours = [];
    for (const [i, place] of ['잠원', '서래', '동작'].entries()) {
      const crew = await newCrew(t.app, owner, { name: `${place} 별빛${tag}러너스`, homeSpot: spot });
      await t.database.db
        .update(crews)
        .set({ memberCount: 50 + i })
        .where(eq(crews.id, crew.id));
      neighbours.push(crew.id);
    }
    const page = async (q: string, limit: number, cursor?: string | null) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/crews?limit=${limit}&q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<CrewPage>();
    };
    const typed = `반포별빛${tag}러너스`;
    const first = await page(typed, 3);
    expect(first.items.map((c) => c.id)).toEqual([named.id, ...neighbours.slice().reverse().slice(0, 2)]);
    // One at a time, every crew comes once: the named one, then the rest by rank.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const next: CrewPage = await page(typed, 1, cursor);
      seen.push(...next.items.map((c) => c.id));
      cursor = next.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([named.id, ...neighbours.slice().reverse()]);
    // A word of the name only is no whole name: rank order.
    expect((await page(`별빛${tag}`, 4)).items.map((c) => c.id)).toEqual([
      ...neighbours.slice().reverse(),
      named.id,
    ]);
  });

  it('finds a crew by a part of a Korean word of its name, spaced as typed or not', async () => {
    const tag = Date.now().toString(36);
    const crew = await newCrew(t.app, owner, {
      name: `반포 달빛러너스 ${tag}`,
      homeSpot: { name: '반포한강공원', lat: 37.5104, lng: 126.9961 },
      description: '한강에서 저녁마다 함께 달려요.',
      level: '초보 환영',
    });
    const other = await newCrew(t.app, owner, {
      name: `잠실 새벽질주 ${tag}`,
      homeSpot: { name: '잠실한강공원', lat: 37.5175, lng: 127.0862 },
      description: '새벽 다섯 시 반에 모여요.',
      level: '서브4 목표',
    });
    for (const q of ['달빛', '반포', '달빛러너스', '러너스', `반포 달빛러너스 ${tag}`]) {
      const ids = await found(q);
      expect(ids, q).toContain(crew.id);
      expect(ids, q).not.toContain(other.id);
    }
    // The name without its spaces, or spaced differently: names are unique ignoring spaces (DOMAIN.md).
    for (const q of ['반포달빛', `반포달빛러너스${tag}`, '달빛 러너스', '반포달빛 러너스']) {
      expect(await found(q), q).toContain(crew.id);
    }
    // Words from different fields (the name and the level line), in any order.
    expect(await found('반포 초보')).toContain(crew.id);
    expect(await found('초보 달빛')).toContain(crew.id);
    expect(await found('반포 서브4')).not.toContain(crew.id);
    expect(await found('달빛', owner)).toContain(crew.id);
    expect(await found('달빛', undefined, '&region=busan')).not.toContain(crew.id);
    expect(await found('달빛', undefined, '&region=busan,seoul')).toContain(crew.id);
  });

  it('matches Hangul typed decomposed (NFD, as some keyboards and pasted text send it) and any letter case', async () => {
    const tag = Date.now().toString(36);
    const crew = await newCrew(t.app, owner, { name: `Moonlight 망원 ${tag}` });
    expect(await found('망원'.normalize('NFD'))).toContain(crew.id);
    expect(await found(`MOONLIGHT망원${tag.toUpperCase()}`)).toContain(crew.id);
  });

  it('takes % and _ literally', async () => {
    const tag = Date.now().toString(36);
    const crew = await newCrew(t.app, owner, { name: `백퍼센트 크루 ${tag}` });
    expect(await found('%')).not.toContain(crew.id);
    expect(await found('_')).not.toContain(crew.id);
    expect(await found(`백퍼센트%${tag}`)).not.toContain(crew.id);
  });

  it('never finds a deleted crew, even by its whole name', async () => {
    const tag = Date.now().toString(36);
    const crew = await newCrew(t.app, owner, { name: `사라진 달빛크루 ${tag}` });
    expect(await found(`사라진 달빛크루 ${tag}`)).toContain(crew.id);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/crews/${crew.id}`,
      headers: bearer(owner),
    });
    expect(removed.statusCode, removed.body).toBe(204);
    for (const q of [`사라진 달빛크루 ${tag}`, `사라진달빛크루${tag}`, '달빛크루', '사라진']) {
      expect(await found(q), q).not.toContain(crew.id);
      expect(await found(q, owner), q).not.toContain(crew.id);
    }
  });
});
