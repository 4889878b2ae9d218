import type { NotificationPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { RemindersRepository } from './reminders.repository.ts';
import { RemindersService } from './reminders.service.ts';

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

async function categories(user: TestUser): Promise<string[]> {
  const result = await t.database.executeSql(
    'select category from notifications where user_id = $1 and category like $2 order by created_at',
    [user.user.id, 'reminder%'],
  );
  return (result.rows as { category: string }[]).map((r) => r.category);
}

async function reviewRequests(user: TestUser): Promise<number> {
  const result = await t.database.executeSql(
    "select count(*)::int as n from notifications where user_id = $1 and category = 'review_request'",
    [user.user.id],
  );
  return (result.rows[0] as { n: number }).n;
}

/** A run starting at 10:00 Asia/Seoul the day after tomorrow, with a host and one runner. */
async function scenario() {
  clock.offsetMs = 0;
  const host = await newUser(t.app);
  const runner = await newUser(t.app);
  const day = new Date(Date.now() + 2 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  const run = await newRun(t.app, host, {
    startsAt: `${day}T10:00:00+09:00`,
    endsAt: `${day}T11:30:00+09:00`,
  });
  await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });
  return { host, runner, run, day };
}

const at = (iso: string) => {
  clock.offsetMs = Date.parse(iso) - Date.now();
};

/** The host (signed in again at the test clock's time) records attendance. */
async function mark(run: { id: string }, host: TestUser, present: TestUser[], absent: TestUser[] = []) {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: host.email, password: host.password },
  });
  const saved = await t.app.inject({
    method: 'PUT',
    url: `/api/runs/${run.id}/attendance`,
    headers: bearer(login.json<{ accessToken: string }>()),
    payload: { present: present.map((u) => u.user.id), absent: absent.map((u) => u.user.id) },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

describe('reminders', () => {
  it('D-day at 08:00, 30 minutes before (the host asked for attendance), review request an hour after the end', async () => {
    const { host, runner, run, day } = await scenario();
    at(`${day}T07:59:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual([]);

    at(`${day}T08:00:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual(['reminder_dday']);

    at(`${day}T09:31:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual(['reminder_dday', 'reminder_soon']);
    expect(await categories(host)).toEqual(['reminder_dday', 'reminder_attendance']);
    at(`${day}T10:05:00+09:00`);
    await mark(run, host, [runner]);

    at(`${day}T12:29:00+09:00`);
    await t.services.reminders.sweep();
    expect(await reviewRequests(runner)).toBe(0);
    at(`${day}T12:31:00+09:00`);
    await t.services.reminders.sweep();
    await t.services.reminders.sweep();
    expect(await reviewRequests(runner)).toBe(1);
    expect(await reviewRequests(host)).toBe(0);
  });

  it('asks only runners marked present to review: never the absent, an unmarked one once marked', async () => {
    const { host, runner, run, day } = await scenario();
    const [absent, late] = [await newUser(t.app), await newUser(t.app)];
    for (const u of [absent, late])
      await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(u) });
    at(`${day}T10:05:00+09:00`);
    await mark(run, host, [runner], [absent]);

    at(`${day}T12:31:00+09:00`);
    await t.services.reminders.sweep();
    expect([await reviewRequests(runner), await reviewRequests(absent), await reviewRequests(late)]).toEqual([
      1, 0, 0,
    ]);
    at(`${day}T20:00:00+09:00`);
    await mark(run, host, [late]);
    await t.services.reminders.sweep();
    expect([await reviewRequests(runner), await reviewRequests(absent), await reviewRequests(late)]).toEqual([
      1, 0, 1,
    ]);
  });

  it('two workers sweeping at the same moment send each reminder once', async () => {
    const { runner, day } = await scenario();
    at(`${day}T09:45:00+09:00`);
    const second = new RemindersService(new RemindersRepository(), clock, t.services.notifications);
    await Promise.all([t.services.reminders.sweep(), second.sweep(), t.services.reminders.sweep()]);
    expect(await categories(runner)).toEqual(['reminder_dday', 'reminder_soon']);
  });

  it('follows edits, skips cancelled runs and runners who left, and sends nothing stale after a downtime', async () => {
    const { host, runner, run, day } = await scenario();
    const moved = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(moved) });
    await t.app.inject({
      method: 'DELETE',
      url: `/api/runs/${run.id}/participants/me`,
      headers: bearer(moved),
    });
    // The host moves the start to 19:00: at 09:45 nothing but the D-day reminder is due.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { startsAt: `${day}T19:00:00+09:00`, endsAt: `${day}T20:00:00+09:00` },
    });
    at(`${day}T09:45:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual(['reminder_dday']);
    expect(await categories(moved)).toEqual([]);

    // Down from 09:45 until after the start: the 30-minute reminder is no longer relevant.
    at(`${day}T19:05:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual(['reminder_dday']);

    const other = await scenario();
    await t.app.inject({ method: 'DELETE', url: `/api/runs/${other.run.id}`, headers: bearer(other.host) });
    at(`${other.day}T09:45:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(other.runner)).toEqual([]);
  });

  it('the notification page shows them to the user', async () => {
    const { runner, day } = await scenario();
    at(`${day}T08:05:00+09:00`);
    await t.services.reminders.sweep();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: runner.email, password: runner.password },
    });
    const page = (
      await t.app.inject({
        method: 'GET',
        url: '/api/notifications',
        headers: bearer(login.json<{ accessToken: string }>()),
      })
    ).json<NotificationPage>();
    expect(page.items.map((n) => n.category)).toContain('reminder_dday');
  });
});
