import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://erun.example' }, clock });
});
afterAll(() => t.close());

/** The VEVENT blocks of an .ics body, unfolded (RFC 5545 folds long lines with CRLF + space). */
/** The VEVENTs of an .ics as ical.js reads them (it throws on a document it cannot parse). */
function parsed(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

function prop(event: ICAL.Event, name: string): string {
  return String(event.component.getFirstPropertyValue(name));
}

async function feedPath(user: { accessToken: string }): Promise<string> {
  const response = await t.app.inject({ method: 'GET', url: '/api/me/calendar', headers: bearer(user) });
  return new URL(response.json<{ url: string }>().url).pathname;
}

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

  it('gives the same bytes on every download, and the same event as the feed, until the run changes', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host, { title: '반복 다운로드 러닝' });
    const url = `/api/runs/${run.id}/ics`;
    const first = await t.app.inject({ method: 'GET', url });
    const second = await t.app.inject({ method: 'GET', url });
    expect(second.body).toBe(first.body);
    expect(first.body.endsWith('END:VCALENDAR\r\n')).toBe(true);

    const [single] = parsed(first.body);
    const feed = parsed((await t.app.inject({ method: 'GET', url: await feedPath(host) })).body);
    const inFeed = feed.find((e) => e.uid === single?.uid);
    expect(single).toBeDefined();
    for (const name of ['sequence', 'last-modified', 'dtstamp', 'summary', 'dtstart', 'status']) {
      expect(prop(inFeed as ICAL.Event, name), name).toBe(prop(single as ICAL.Event, name));
    }
    // The VEVENT itself, byte for byte.
    expect(events((await t.app.inject({ method: 'GET', url: await feedPath(host) })).body)).toContain(
      events(first.body)[0],
    );
  });

  it('an edit and a cancellation raise SEQUENCE and move LAST-MODIFIED', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    const read = async () =>
      parsed((await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/ics` })).body)[0] as ICAL.Event;
    const before = await read();
    expect(before.sequence).toBe(0);
    clock.offsetMs = 60_000; // an edit a minute later (LAST-MODIFIED counts seconds)
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { title: '바뀐 제목의 러닝' },
    });
    expect(edit.statusCode).toBe(200);
    const edited = await read();
    expect(edited.sequence).toBe(1);
    expect(edited.summary).toBe('바뀐 제목의 러닝');
    expect(prop(edited, 'last-modified')).not.toBe(prop(before, 'last-modified'));
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${run.id}`, headers: bearer(host) });
    const feed = parsed((await t.app.inject({ method: 'GET', url: await feedPath(host) })).body);
    const cancelled = feed.find((e) => e.uid === edited.uid) as ICAL.Event;
    expect(cancelled.sequence).toBe(2);
    expect(prop(cancelled, 'status')).toBe('CANCELLED');
    clock.offsetMs = 0;
  });

  it('reminds an hour before the start (VALARM, DISPLAY)', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host, { title: '알림 러닝' });
    const [event] = parsed((await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/ics` })).body);
    const alarm = event?.component.getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT1H');
    expect(alarm?.getFirstPropertyValue('description')).toBe('알림 러닝');
  });

  it('an unknown run answers 404 JSON, not an .ics attachment', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/runs/3f1c1a9e-7f38-4a55-9d43-0c1c2b6f1e11/ics',
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.json()).toEqual(expect.objectContaining({ code: 'RUN_NOT_FOUND' }));
  });
});
