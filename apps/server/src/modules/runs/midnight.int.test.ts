import type { ErrorBody, Run, RunPage } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, newUser, runBody, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** Issue 18: a run from 23:30 to 00:40 the next day is posted, edited, listed, exported and reminded of. */
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const at = (iso: string | number) => {
  clock.offsetMs = (typeof iso === 'number' ? iso : Date.parse(iso)) - Date.now();
};

async function signIn(user: TestUser) {
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  return login.json<{ accessToken: string }>();
}

async function categories(user: TestUser): Promise<string[]> {
  const result = await t.database.executeSql(
    "select category from notifications where user_id = $1 and (category like 'reminder%' or category = 'review_request') order by created_at",
    [user.user.id],
  );
  return (result.rows as { category: string }[]).map((r) => r.category);
}

describe('a run across midnight', () => {
  it('is posted and edited, filtered by its start, exported to the next day, and its windows follow its end', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const day = new Date(Date.now() + 3 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: bearer(host),
      payload: runBody({
        title: '자정 넘어 한강 야간 러닝',
        startsAt: `${day}T23:30:00+09:00`,
        endsAt: `${next}T00:40:00+09:00`,
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const run = created.json<Run>();
    expect(run.timeOfDay).toBe('night');
    expect(run.endsAt).toBe(new Date(`${next}T00:40:00+09:00`).toISOString());

    // An edit moves the end further into the next day; one before the start is still refused.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { endsAt: `${next}T01:10:00+09:00` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const backwards = await t.app.inject({
      method: 'PATCH',
      url: `/api/runs/${run.id}`,
      headers: bearer(host),
      payload: { endsAt: `${day}T23:00:00+09:00` },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<ErrorBody>().issues?.[0]).toMatchObject({ message: 'endsAt.beforeStart' });

    // The time-of-day filter reads the start (23:30 is night, not 심야 00–04).
    const list = async (timeOfDay: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/runs?timeOfDay=${timeOfDay}&limit=50` }))
        .json<RunPage>()
        .items.map((r) => r.id);
    expect(await list('night')).toContain(run.id);
    expect(await list('late_night')).not.toContain(run.id);

    // The calendar event ends the next day in Seoul (01:10 KST is 16:10 UTC), 100 minutes after its start.
    const ics = await t.app.inject({ method: 'GET', url: `/api/runs/${run.id}/ics` });
    expect(ics.body).toContain(`DTSTART:${day.replaceAll('-', '')}T143000Z`);
    expect(ics.body).toContain(`DTEND:${day.replaceAll('-', '')}T161000Z`);

    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });

    // Reminders: D-day on the start's day, 30 minutes before the start, the review request after the end.
    at(`${day}T08:00:00+09:00`);
    await t.services.reminders.sweep();
    at(`${day}T23:01:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual(['reminder_dday', 'reminder_soon']);

    // Attendance after midnight (still inside the run) and up to 48 hours after its end.
    at(`${next}T00:20:00+09:00`);
    const marked = await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(await signIn(host)),
      payload: { present: [runner.user.id], absent: [] },
    });
    expect(marked.statusCode, marked.body).toBe(200);

    at(`${next}T02:11:00+09:00`);
    await t.services.reminders.sweep();
    expect(await categories(runner)).toEqual(['reminder_dday', 'reminder_soon', 'review_request']);

    // The review window opens at the end (01:10 the next day), not at midnight.
    at(`${next}T01:05:00+09:00`);
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/host-review`,
      headers: bearer(await signIn(runner)),
      payload: { positive: true, categories: ['led_well'] },
    });
    expect(early.statusCode, early.body).toBe(409);
    at(`${next}T01:15:00+09:00`);
    const reviewed = await t.app.inject({
      method: 'POST',
      url: `/api/runs/${run.id}/host-review`,
      headers: bearer(await signIn(runner)),
      payload: { positive: true, categories: ['led_well'] },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);

    at(Date.parse(`${next}T01:10:00+09:00`) + 49 * 3_600_000);
    const late = await t.app.inject({
      method: 'PUT',
      url: `/api/runs/${run.id}/attendance`,
      headers: bearer(await signIn(host)),
      payload: { present: [runner.user.id], absent: [] },
    });
    expect(late.json<ErrorBody>().code).toBe('OUTSIDE_WINDOW');
  });
});
