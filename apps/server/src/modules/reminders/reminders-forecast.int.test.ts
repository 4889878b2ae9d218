import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDataGoKr } from '../../test/fake-data-go-kr.ts';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { RemindersRepository } from './reminders.repository.ts';
import { RemindersService } from './reminders.service.ts';

const KEY = 'kma-test-key-0123456789';
const HOUR = 3_600_000;
const fake = new FakeDataGoKr(KEY);
let t: TestApp;
let host: TestUser;
beforeAll(async () => {
  const url = await fake.start();
  t = await createTestApp({
    env: { KMA_SERVICE_KEY: KEY, AIRKOREA_SERVICE_KEY: KEY, KMA_API_URL: url, AIRKOREA_API_URL: url },
  });
  host = await newUser(t.app);
});
afterAll(async () => {
  await t?.close();
  await fake.stop();
});

describe('the D-day reminder', () => {
  it('carries the forecast at the start, looked up before the statement that sends it', async () => {
    // Tomorrow 19:00 in Seoul, in a cell of its own (수원); the reminder sweeps at 08:30 that day.
    const tomorrow = new Date(Date.now() + 9 * HOUR + 24 * HOUR).toISOString().slice(0, 10);
    const start = new Date(`${tomorrow}T19:00:00+09:00`);
    const run = await newRun(t.app, host, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      meetingPlace: { name: '광교호수공원', lat: 37.2836, lng: 127.0659 },
      region: 'gyeonggi',
    });
    const runner = await newUser(t.app);
    await t.app.inject({ method: 'POST', url: `/api/runs/${run.id}/participants`, headers: bearer(runner) });
    fake.weatherAt = () => ({ TMP: '-11', POP: '10', PTY: '0', SKY: '3', WSD: '3.4' });
    const weather = t.services.weather;
    const sweep = new RemindersService(
      new RemindersRepository(t.database.db),
      { now: () => new Date(`${tomorrow}T08:30:00+09:00`) },
      t.services.notifications,
      undefined,
      (due) => weather.reminderData({ ...due, region: 'gyeonggi', cancelled: false }),
    );
    await sweep.sweep();
    const list = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: bearer(runner) });
    const dday = list
      .json<{ items: { category: string; data: Record<string, unknown> }[] }>()
      .items.find((n) => n.category === 'reminder_dday');
    expect(dday?.data).toMatchObject({
      title: run.title,
      wxAt: start.toISOString(),
      wxTemp: -11,
      wxRain: 10,
      wxWind: 3.4,
      wxDust: 'moderate',
    });
  });
});
