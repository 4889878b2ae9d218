import { rm } from 'node:fs/promises';
import type { CreatedSeries, ErrorBody, RealtimeAck, RunPage, SeriesPage } from '@erun/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, crewRows, deleteCrew, removeMember } from '../../test/crew-fixtures.ts';
import {
  bearer,
  movableClock,
  newRun,
  newUser,
  runBody,
  signInAt,
  type TestUser,
} from '../../test/factories.ts';
import { fakeWebDist } from '../../test/web-dist.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * Members-only crew runs (DOMAIN.md "Crews": invisible and unjoinable for others, checked on the server in
 * every list, search, page and join), endpoint by endpoint, for every kind of reader who is not a member:
 * signed out, signed in and never in the crew, a pending applicant, a banned user, a former member (left or
 * removed), and a member of a crew that was deleted. Members (and the owner) see the run everywhere.
 *
 * The app runs with its guest response cache on (the default) and with the web app's pages (link previews),
 * so every guest read goes through the shared caches, before and after a member's read of the same URL.
 * crew-runs.int.test.ts holds the guest/outsider cases of the run's own sub-resources and the runner who
 * leaves the crew; this file holds the rest of the audit.
 */
const clock = movableClock();
const DAY = 86_400_000;
/** The date in Asia/Seoul (UTC+9, no daylight saving), YYYY-MM-DD. */
const seoulToday = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
let t: TestApp;
let dist: string;
let owner: TestUser;
let member: TestUser;
let pending: TestUser;
let banned: TestUser;
let former: TestUser;
let outsider: TestUser;
let crewId: string;
let secretId: string;
let openId: string;
let commentId: string;
const marker = `숨김${Math.random().toString(36).slice(2, 8)}`;
const onlyInSecret = encodeURIComponent('크루원 전용');

type Who = TestUser | undefined;
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  who: Who,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    headers: who ? bearer(who) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
const get = (url: string, who: Who) => call('GET', url, who);
const codeOf = (r: { json: <T>() => T }) => r.json<ErrorBody>().code;
const ids = (page: RunPage) => page.items.map((r) => r.id);
const sockets: Socket[] = [];

async function connect(url: string, who: TestUser): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    auth: { token: who.accessToken },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
const ask = (socket: Socket, event: string, payload: unknown) =>
  socket.timeout(5000).emitWithAck(event, payload) as Promise<RealtimeAck>;

/** Every kind of reader who is no member of the crew, named for the failure messages. */
const nonMembers = (): [string, Who][] => [
  ['signed out', undefined],
  ['never in the crew', outsider],
  ['pending', pending],
  ['banned', banned],
  ['former member', former],
];
const members = (): [string, Who][] => [
  ['member', member],
  ['owner', owner],
];

beforeAll(async () => {
  dist = await fakeWebDist('<html><head><title>이RUN 저RUN</title></head><body>app</body></html>');
  t = await createTestApp({ clock, env: { WEB_DIST_DIR: dist, PUBLIC_URL: 'https://erun.example' } });
  [owner, member, pending, banned, former, outsider] = await Promise.all([
    newUser(t.app, { nickname: '크루장' }),
    newUser(t.app, { nickname: '크루원' }),
    newUser(t.app, { nickname: '가입대기' }),
    newUser(t.app, { nickname: '강퇴됨' }),
    newUser(t.app, { nickname: '탈퇴함' }),
    newUser(t.app, { nickname: '외부인' }),
  ]);
  crewId = (await crewRows(t, owner, { members: [member, former] })).id;
  await addMember(t, crewId, pending, 'member', 'pending');
  await addMember(t, crewId, banned, 'member', 'banned');
  const secret = await newRun(t.app, owner, {
    crewId,
    visibility: 'crew',
    title: `${marker} 크루원 전용 목요런`,
  });
  secretId = secret.id;
  openId = (await newRun(t.app, owner, { crewId, title: `${marker} 공개 화요런` })).id;
  // While still a member, `former` saved the run and asked a question under it; then left the crew.
  expect((await call('PUT', `/api/runs/${secretId}/bookmark`, former)).statusCode).toBe(204);
  const comment = await call('POST', `/api/runs/${secretId}/comments`, former, {
    content: '몇 시에 모여요?',
  });
  expect(comment.statusCode).toBe(201);
  commentId = comment.json<{ id: string }>().id;
  await removeMember(t, crewId, former);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

/** Every way the run feed is asked (filters, search, near me, sorts, a crew's and a host's runs). */
const feedUrls = () => {
  const today = seoulToday(clock.now());
  const inAWeek = seoulToday(new Date(clock.now().getTime() + 7 * DAY));
  return [
    '/api/runs',
    `/api/runs?q=${encodeURIComponent(marker)}`,
    `/api/runs?q=${onlyInSecret}`,
    '/api/runs?near=37.5271,126.9326&radiusKm=3',
    `/api/runs?crewId=${crewId}`,
    `/api/runs?hostId=${owner.user.id}`,
    '/api/runs?region=seoul',
    '/api/runs?theme=riverside',
    '/api/runs?timeOfDay=late_night,dawn,morning,afternoon,evening,night',
    '/api/runs?distance=lt5,5to10,10to15,gte15',
    `/api/runs?from=${today}&to=${inAWeek}`,
    '/api/runs?includeClosed=true',
    '/api/runs?sort=newest',
    '/api/runs?sort=popular',
    `/api/runs?region=seoul&theme=riverside&q=${encodeURIComponent(marker)}&sort=newest&crewId=${crewId}`,
  ].map((url) => `${url}${url.includes('?') ? '&' : '?'}limit=50`);
};

describe('the run feed and search (GET /api/runs)', () => {
  it('leaves the members-only run out of every filter, search and sort for every non-member, before and after a member read it', async () => {
    for (const url of feedUrls()) {
      // Guests first (fills the guest cache), then members, then everyone else again (cache hits).
      for (const [name, who] of [...nonMembers(), ...members(), ...nonMembers()]) {
        const r = await get(url, who);
        expect(r.statusCode, `${url} ${name}`).toBe(200);
        const seen = ids(r.json<RunPage>());
        if (who === member || who === owner) expect(seen, `${url} ${name}`).toContain(secretId);
        else expect(seen, `${url} ${name}`).not.toContain(secretId);
        // The public crew run answers every ask but the search for words only the hidden one has.
        if (!url.includes(onlyInSecret)) expect(seen, `${url} ${name}`).toContain(openId);
        if (!(who === member || who === owner))
          expect(r.body, `${url} ${name}`).not.toContain(marker + ' 크루원');
      }
    }
  });

  it('never hands it out page by page either (cursor walk, one run a page)', async () => {
    for (const [name, who] of [...nonMembers(), ...members()]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/runs?crewId=${crewId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page: RunPage = (await get(url, who)).json<RunPage>();
        seen.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.includes(secretId), name).toBe(who === member || who === owner);
    }
  });

  it("drops it from a former member's saved runs (GET /api/runs?bookmarked=true), and keeps it in a member's", async () => {
    const saved = (await get('/api/runs?bookmarked=true', former)).json<RunPage>();
    expect(ids(saved)).not.toContain(secretId);
    expect((await call('PUT', `/api/runs/${secretId}/bookmark`, member)).statusCode).toBe(204);
    expect(ids((await get('/api/runs?bookmarked=true', member)).json<RunPage>())).toContain(secretId);
    expect((await get('/api/runs?bookmarked=true', undefined)).statusCode).toBe(401);
  });
});

describe("the run's page and everything under it", () => {
  const pages = () => [
    `/api/runs/${secretId}`,
    `/api/runs/${secretId}/comments`,
    `/api/comments/${commentId}/replies`,
    `/api/runs/${secretId}/ics`,
    `/api/runs/${secretId}/gpx`,
  ];

  it('is a 404 for every non-member (like a missing run), a 200 for members, whatever was read before', async () => {
    for (const url of pages()) {
      for (const [name, who] of [...nonMembers(), ...members(), ...nonMembers()]) {
        const r = await get(url, who);
        if (who === member || who === owner) expect(r.statusCode, `${url} ${name}`).toBe(200);
        else {
          expect(r.statusCode, `${url} ${name}`).toBe(404);
          expect(r.body, `${url} ${name}`).not.toContain(marker);
        }
      }
    }
  });

  it('has no link preview (the web page /runs/:id answers 404 without the run in its tags)', async () => {
    const open = await get(`/runs/${openId}`, undefined);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain(marker);
    const r = await get(`/runs/${secretId}`, undefined);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain(marker);
  });

  it('refuses every non-member: join 403 CREW_MEMBERS_ONLY (401 signed out), comment, reply, bookmark and chat 404', async () => {
    for (const [name, who] of nonMembers()) {
      const join = await call('POST', `/api/runs/${secretId}/participants`, who);
      if (who === undefined) {
        expect(join.statusCode, name).toBe(401);
        continue;
      }
      expect([join.statusCode, codeOf(join)], name).toEqual([403, 'CREW_MEMBERS_ONLY']);
      const comment = await call('POST', `/api/runs/${secretId}/comments`, who, {
        content: '저도 가도 돼요?',
      });
      expect(comment.statusCode, name).toBe(404);
      const reply = await call('POST', `/api/comments/${commentId}/replies`, who, { content: '저도요' });
      expect(reply.statusCode, name).toBe(404);
      if (who !== former)
        expect((await call('PUT', `/api/runs/${secretId}/bookmark`, who)).statusCode, name).toBe(404);
      expect((await get(`/api/runs/${secretId}/messages`, who)).statusCode, name).toBe(404);
    }
    const joined = await call('POST', `/api/runs/${secretId}/participants`, member);
    expect(joined.statusCode).toBe(201);
  });
});

describe('notifications about it', () => {
  it("a reply to a former member's comment under it tells them nothing (no title, no link); a member's is told", async () => {
    const replies = async (who: TestUser) =>
      (
        await t.database.executeSql(
          `select count(*)::int as n from notifications where user_id = $1 and run_id = $2 and category = 'reply'`,
          [who.user.id, secretId],
        )
      ).rows as { n: number }[];
    const before = await replies(former);
    const r = await call('POST', `/api/comments/${commentId}/replies`, owner, { content: '7시예요' });
    expect(r.statusCode).toBe(201);
    expect(await replies(former)).toEqual(before);
    const asked = await call('POST', `/api/runs/${secretId}/comments`, member, { content: '주차 돼요?' });
    const answered = await call('POST', `/api/comments/${asked.json<{ id: string }>().id}/replies`, owner, {
      content: '네',
    });
    expect(answered.statusCode).toBe(201);
    expect(await replies(member)).toEqual([{ n: 1 }]);
  });
});

describe('live updates (socket run:watch)', () => {
  it("a non-member's socket may not watch the run (RUN_NOT_FOUND, as for a missing run) nor hear its comments; a member's may", async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    for (const [name, who] of nonMembers()) {
      if (!who) continue; // a socket takes a token
      const socket = await connect(url, who);
      const answer = await ask(socket, 'run:watch', secretId);
      expect(answer, name).toMatchObject({ error: { code: 'RUN_NOT_FOUND' } });
      expect(await ask(socket, 'run:watch', openId), name).toEqual({ ok: true });
    }
    const watcher = await connect(url, member);
    expect(await ask(watcher, 'run:watch', secretId)).toEqual({ ok: true });
    const heard = new Promise<{ runId: string }>((resolve) => watcher.once('run:comment', resolve));
    const wrote = await call('POST', `/api/runs/${secretId}/comments`, owner, {
      content: '7시 정각 출발해요',
    });
    expect(wrote.statusCode).toBe(201);
    expect(await heard).toMatchObject({ runId: secretId });
  });
});

describe('other pages that show runs or talk about them', () => {
  it('no profile, crew page, crew search, chat list, notification list or own-runs page of a non-member mentions it', async () => {
    const urls = [
      `/api/users/${owner.user.id}`,
      `/api/crews/${crewId}`,
      `/api/crews?q=${encodeURIComponent('테스트크루')}`,
      '/api/crews',
      '/api/me/chats',
      '/api/notifications',
      '/api/me/runs',
      '/api/me/crews',
    ];
    for (const url of urls) {
      for (const [name, who] of nonMembers()) {
        const r = await get(url, who);
        expect([200, 401], `${url} ${name}`).toContain(r.statusCode);
        expect(r.body, `${url} ${name}`).not.toContain(secretId);
        expect(r.body, `${url} ${name}`).not.toContain(`${marker} 크루원`);
      }
    }
  });

  it("the crew's calendar feed: its address is for members alone (pending, banned and former members 403)", async () => {
    for (const [name, who] of nonMembers()) {
      const r = await get(`/api/crews/${crewId}/calendar`, who);
      expect(r.statusCode, name).toBe(who === undefined ? 401 : 403);
    }
    const url = (await get(`/api/crews/${crewId}/calendar`, member)).json<{ url: string }>().url;
    const feed = await get(new URL(url).pathname, undefined);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(`${secretId}@erun-jrun`);
  });
});

describe('series (정기런) of members-only runs', () => {
  const schedule = () => ({
    freq: 'weekly',
    interval: 1,
    byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
    time: '19:30',
    from: seoulToday(clock.now()),
  });
  const template = (overrides: Record<string, unknown> = {}) => {
    const { startsAt: _s, endsAt: _e, ...fields } = runBody();
    return { ...fields, title: `${marker} 정기런`, durationMinutes: 90, ...overrides };
  };

  it('a members-only series page (GET /api/series/:id) is a 404 for every non-member; a public series lists no members-only occurrence', async () => {
    const made = await call('POST', '/api/series', owner, {
      template: template({ crewId, visibility: 'crew' }),
      schedule: schedule(),
    });
    expect(made.statusCode, made.body).toBe(201);
    const hidden = made.json<CreatedSeries>();
    for (const [name, who] of nonMembers()) {
      expect((await get(`/api/series/${hidden.series.id}`, who)).statusCode, name).toBe(404);
    }
    for (const [name, who] of members()) {
      const page = (await get(`/api/series/${hidden.series.id}`, who)).json<SeriesPage>();
      expect(page.upcoming.length, name).toBeGreaterThan(0);
    }
    // A public crew series with one occurrence made members-only ("this run only").
    const pub = (
      await call('POST', '/api/series', owner, { template: template({ crewId }), schedule: schedule() })
    ).json<CreatedSeries>();
    const [first] = pub.occurrences;
    if (!first) throw new Error('an occurrence expected');
    expect((await call('PATCH', `/api/runs/${first.id}`, owner, { visibility: 'crew' })).statusCode).toBe(
      200,
    );
    for (const [name, who] of [...nonMembers(), ...members(), ...nonMembers()]) {
      const page = (await get(`/api/series/${pub.series.id}`, who)).json<SeriesPage>();
      const upcoming = page.upcoming.map((o) => o.id);
      expect(upcoming.includes(first.id), name).toBe(who === member || who === owner);
      expect(upcoming.length, name).toBeGreaterThan(1);
    }
  });
});

describe('a deleted crew', () => {
  it('its members-only runs are gone for its former members, and its series neither open runs nor tell anyone', async () => {
    const [boss, crewMember] = await Promise.all([newUser(t.app), newUser(t.app)]);
    const gone = (await crewRows(t, boss, { members: [crewMember] })).id;
    const run = await newRun(t.app, boss, {
      crewId: gone,
      visibility: 'crew',
      title: `${marker} 사라진 크루런`,
    });
    const made = await call('POST', '/api/series', boss, {
      template: {
        ...runBody({ crewId: gone, visibility: 'crew' }),
        startsAt: undefined,
        endsAt: undefined,
        durationMinutes: 90,
      },
      schedule: {
        freq: 'weekly',
        interval: 1,
        byDay: ['MO', 'TH'],
        time: '07:00',
        from: seoulToday(clock.now()),
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const series = made.json<CreatedSeries>().series;
    expect((await get(`/api/runs/${run.id}`, crewMember)).statusCode).toBe(200);

    // The fixture's delete (the row alone, its runs left as they were): nothing of it shows to its members.
    await deleteCrew(t, gone);
    expect((await get(`/api/runs/${run.id}`, crewMember)).statusCode).toBe(404);
    expect(ids((await get(`/api/runs?crewId=${gone}`, crewMember)).json<RunPage>())).not.toContain(run.id);
    expect((await call('POST', `/api/runs/${run.id}/participants`, crewMember)).statusCode).toBe(403);
    expect((await get(`/api/series/${series.id}`, crewMember)).statusCode).toBe(404);

    // Weeks later the window job runs: a deleted crew's series opens nothing and tells nobody.
    const count = async (text: string, param: string) =>
      (await t.database.executeSql(text, [param])).rows as { n: number }[];
    const opened = 'select count(*)::int as n from runs where series_id = $1';
    const notices = `select count(*)::int as n from notifications where user_id = $1 and category = 'series_opened'`;
    const [runsBefore, toldBefore] = [
      await count(opened, series.id),
      await count(notices, crewMember.user.id),
    ];
    try {
      await signInAt(t.app, clock, Date.now() + 21 * DAY);
      await t.services.series.openWindow();
      expect(await count(opened, series.id)).toEqual(runsBefore);
      expect(await count(notices, crewMember.user.id)).toEqual(toldBefore);
    } finally {
      clock.offsetMs = 0;
    }
  });
});
