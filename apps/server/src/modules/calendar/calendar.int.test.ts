import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://erun.example' } });
});
afterAll(() => t.close());

/** The VEVENT blocks of an .ics body, unfolded (RFC 5545 folds long lines with CRLF + space). */
function events(ics: string): string[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('BEGIN:VEVENT')
    .slice(1)
    .map((e) => e.split('END:VEVENT')[0] ?? '');
}

describe('calendar', () => {
  it('a run downloads as an .ics event in Asia/Seoul with its place and link', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host, {
      title: '광안리 선셋 러닝',
      startsAt: '2031-05-03T18:30:00+09:00',
      endsAt: '2031-05-03T20:00:00+09:00',
    });
    const response = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const [event] = events(response.body);
    expect(event).toContain('SUMMARY:광안리 선셋 러닝');
    expect(event).toContain('DTSTART:20310503T093000Z');
    expect(event).toContain('DTEND:20310503T110000Z');
    expect(event).toContain(`URL;VALUE=URI:https://erun.example/runs/${run.id}`);
    expect(event).toContain('LOCATION:여의나루역 2번 출구');
  });

  it('the personal feed lists hosted and joined runs, marks cancelled ones, and dies when rotated', async () => {
    const me = await newUser(t.app);
    const other = await newUser(t.app);
    const hosted = await newRun(t.app, me, { title: '내가 여는 러닝' });
    const joined = await newRun(t.app, other, { title: '내가 참여한 러닝' });
    const cancelled = await newRun(t.app, other, { title: '취소될 러닝' });
    await newRun(t.app, other, { title: '남의 러닝' });
    for (const run of [joined, cancelled]) {
      await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(me) });
    }
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${cancelled.id}`, headers: bearer(other) });

    const { url } = (
      await t.app.inject({ method: 'GET', url: '/api/me/calendar', headers: bearer(me) })
    ).json<{ url: string }>();
    expect(url).toMatch(/^https:\/\/erun\.example\/api\/calendar\/[\w-]+\.ics$/);
    const path = new URL(url).pathname;
    const feed = events((await t.app.inject({ method: 'GET', url: path })).body);
    expect(feed.map((e) => /SUMMARY:(.*)/.exec(e)?.[1]?.trim()).sort()).toEqual([
      '내가 여는 러닝',
      '내가 참여한 러닝',
      '취소될 러닝',
    ]);
    expect(feed.find((e) => e.includes('취소될 러닝'))).toContain('STATUS:CANCELLED');
    expect(feed.find((e) => e.includes(hosted.title))).toContain('STATUS:CONFIRMED');

    const rotated = (
      await t.app.inject({ method: 'POST', url: '/api/me/calendar/rotate', headers: bearer(me) })
    ).json<{ url: string }>();
    expect(rotated.url).not.toBe(url);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(rotated.url).pathname })).statusCode).toBe(200);
  });

  it('refuses malformed tokens (400) and guests asking for a feed URL (401)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/short.ics' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/calendar' })).statusCode).toBe(401);
  });
});
