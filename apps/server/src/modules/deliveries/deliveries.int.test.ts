import { Writable } from 'node:stream';
import type { ErrorBody, NotificationPreferences, PushPayload } from '@erun/contracts';
import { defaultNotificationPreferences } from '@erun/contracts';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogSmsSender } from '../../adapters/log-sms-sender.ts';
import { publicUrlOf } from '../../app.ts';
import { FakePushService, type PushRequest } from '../../test/fake-push-service.ts';
import { bearer, newRun, newUser, type TestUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seoulTime } from './delivery-texts.ts';

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const push = new FakePushService();
/** The log provider on a logger whose lines the test reads: "an SMS in the log". */
const logLines: { sms?: { to: string; text: string } }[] = [];
const smsLog = pino(
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as (typeof logLines)[number]);
      done();
    },
  }),
);
const texts = () => logLines.flatMap((l) => (l.sms ? [l.sms] : []));
let t: TestApp;
beforeAll(async () => {
  await push.start();
  // The fake push service listens on loopback: the test-only switch lets endpoints point there.
  t = await createTestApp({ clock, sms: new LogSmsSender(smsLog), env: { TEST_PUSH_LOOPBACK: 'on' } });
});
afterAll(async () => {
  await t.close();
  await push.stop();
});

const api = (who: TestUser, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(who), ...(payload ? { payload } : {}) });

async function verifyPhone(user: TestUser, phone: string) {
  await api(user, 'POST', '/api/me/phone/verification', { phone });
  const code = /인증번호 (\d{6})/.exec(texts().at(-1)?.text ?? '')?.[1] ?? '';
  expect((await api(user, 'POST', '/api/me/phone/verification/confirm', { phone, code })).statusCode).toBe(
    200,
  );
  expect((await api(user, 'PUT', '/api/me/sms-consent', { consent: true })).statusCode).toBe(200);
}

/** A run 2 days ahead, a host and a runner who joined; the clock back at real time. */
async function scenario() {
  clock.offsetMs = 0;
  const host = await newUser(t.app, { nickname: '크루장' });
  const runner = await newUser(t.app, { nickname: '러너' });
  const run = await newRun(t.app, host, { title: '반포 한강 러닝' });
  await api(runner, 'POST', `/api/runs/${run.id}/participants`);
  return { host, runner, run };
}

/** Moves the clock to 29 minutes before the start (the access tokens expire on the way: sweeps only). */
function toThirtyMinutesBefore(startsAt: string) {
  clock.offsetMs = Date.parse(startsAt) - 29 * 60_000 - Date.now();
}

async function deliveries(notificationUser: TestUser) {
  const result = await t.database.executeSql(
    `select n.category, d.channel, d.status from notification_deliveries d
     join notifications n on n.id = d.notification_id where n.user_id = $1 order by d.channel`,
    [notificationUser.user.id],
  );
  return result.rows as { category: string; channel: string; status: string }[];
}

describe('the 30-minute reminder', () => {
  it('arrives in-app, as a signed and encrypted push, and as an SMS in the log — once, whoever sweeps', async () => {
    const { host, runner, run } = await scenario();
    const { publicKey } = (await t.app.inject({ method: 'GET', url: '/api/push/public-key' })).json<{
      publicKey: string;
    }>();
    const subscription = push.subscription('runner-phone');
    expect((await api(runner, 'POST', '/api/me/push-subscriptions', subscription)).statusCode).toBe(204);
    await verifyPhone(runner, '010-3333-4444');
    const prefs = defaultNotificationPreferences();
    prefs.reminder_soon.sms = true;
    expect((await api(runner, 'PUT', '/api/me/notification-preferences', prefs)).statusCode).toBe(200);
    const before = texts().length;

    toThirtyMinutesBefore(run.startsAt);
    // Two reminder sweeps and three delivery sweeps at once (plus the one each announcement starts).
    const { reminders, deliveries: sweeper } = t.services;
    await Promise.all([reminders.sweep(), reminders.sweep()]);
    await Promise.all([sweeper.sweep(), sweeper.sweep(), sweeper.sweep()]);
    await t.services.deliveries.idle();

    const inApp = await t.database.executeSql(
      "select count(*)::int as n from notifications where user_id = $1 and category = 'reminder_soon'",
      [runner.user.id],
    );
    expect((inApp.rows[0] as { n: number }).n).toBe(1);

    // Depending on the hour, the D-day reminder is due as well (pushed by default): each goes out once.
    const pushes = push.to('runner-phone').map((r) => ({ r, p: JSON.parse(push.decrypt(r)) as PushPayload }));
    const categories = pushes.map((x) => x.p.category);
    expect(new Set(categories).size).toBe(categories.length);
    const soon = pushes.find((x) => x.p.category === 'reminder_soon');
    const request = soon?.r as PushRequest;
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(request.headers.ttl)).toBeGreaterThan(0);
    const { key, claims } = await push.vapid(request);
    expect(key).toBe(publicKey);
    expect(claims.aud).toBe(new URL(subscription.endpoint).origin);
    expect(claims.sub).toMatch(/^(mailto:|https:)/);
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
    expect(soon?.p).toMatchObject({
      category: 'reminder_soon',
      title: '이RUN 저RUN',
      body: '30분 뒤 ‘반포 한강 러닝’ 그룹 러닝이 시작해요.',
      link: `/runs/${run.id}`,
    });

    // The text carries no host-written words: a fixed sentence, the start time in Seoul, our link.
    const sms = texts().slice(before);
    expect(sms).toEqual([
      {
        to: '010****4444',
        text: `[이RUN 저RUN] 참여하신 그룹 러닝이 30분 뒤(${seoulTime(run.startsAt)}) 시작해요.\n${publicUrlOf(t.env)}/runs/${run.id}`,
      },
    ]);
    const rows = await deliveries(runner);
    expect(rows.filter((d) => d.category === 'reminder_soon')).toEqual([
      { category: 'reminder_soon', channel: 'push', status: 'sent' },
      { category: 'reminder_soon', channel: 'sms', status: 'sent' },
    ]);
    expect(rows.filter((d) => d.channel === 'push')).toHaveLength(pushes.length);
    // The host has neither push nor a phone: only the in-app reminder.
    expect(await deliveries(host)).toEqual([]);
  });

  it('respects the preferences: push off, SMS without consent, SMS not chosen → nothing sent', async () => {
    const { runner, run } = await scenario();
    expect(
      (await api(runner, 'POST', '/api/me/push-subscriptions', push.subscription('muted'))).statusCode,
    ).toBe(204);
    await verifyPhone(runner, '010-5555-6666');
    await api(runner, 'PUT', '/api/me/sms-consent', { consent: false });
    const prefs = defaultNotificationPreferences();
    prefs.reminder_soon = { push: false, sms: true };
    prefs.reminder_dday = { push: false, sms: false };
    await api(runner, 'PUT', '/api/me/notification-preferences', prefs);
    const before = texts().length;

    toThirtyMinutesBefore(run.startsAt);
    await t.services.reminders.sweep();
    await t.services.deliveries.sweep();
    await t.services.deliveries.idle();
    expect(push.to('muted')).toHaveLength(0);
    expect(texts().slice(before)).toEqual([]);
    expect(await deliveries(runner)).toEqual([]);
  });

  it('forgets a subscription the push service says is gone (410)', async () => {
    const { runner, run } = await scenario();
    const sub = push.subscription('gone');
    push.gone.add('/push/gone');
    await api(runner, 'POST', '/api/me/push-subscriptions', sub);
    toThirtyMinutesBefore(run.startsAt);
    await t.services.reminders.sweep();
    await t.services.deliveries.idle();
    await t.services.deliveries.sweep();
    expect(push.to('gone').length).toBeGreaterThanOrEqual(1);
    const left = await t.database.executeSql(
      'select count(*)::int as n from push_subscriptions where endpoint = $1',
      [sub.endpoint],
    );
    expect((left.rows[0] as { n: number }).n).toBe(0);
    expect((await deliveries(runner)).map((d) => d.status)).toEqual(['failed']);
  });

  it('pushes a notification from a request within moments, without waiting for a sweep', async () => {
    const { host, run } = await scenario();
    await api(host, 'POST', '/api/me/push-subscriptions', push.subscription('host-desktop'));
    const prefs = defaultNotificationPreferences();
    prefs.run_joined.push = true;
    await api(host, 'PUT', '/api/me/notification-preferences', prefs);
    const joiner = await newUser(t.app);
    await api(joiner, 'POST', `/api/runs/${run.id}/participants`);
    await expect.poll(() => push.to('host-desktop').length, { timeout: 3000 }).toBe(1);
    const payload = JSON.parse(push.decrypt(push.to('host-desktop')[0] as PushRequest)) as PushPayload;
    expect(payload.body).toBe('‘반포 한강 러닝’에 새 러너가 참여했어요.');
  });

  it('writes each device’s push in the language the app was shown in there, and follows a switch', async () => {
    const { host, run } = await scenario();
    await api(host, 'POST', '/api/me/push-subscriptions', push.subscription('host-ko'));
    await api(host, 'POST', '/api/me/push-subscriptions', { ...push.subscription('host-en'), locale: 'en' });
    const prefs = defaultNotificationPreferences();
    prefs.run_joined.push = true;
    await api(host, 'PUT', '/api/me/notification-preferences', prefs);
    const body = (device: string, i: number) =>
      (JSON.parse(push.decrypt(push.to(device)[i] as PushRequest)) as PushPayload).body;

    await api(await newUser(t.app), 'POST', `/api/runs/${run.id}/participants`);
    await expect.poll(() => push.to('host-en').length, { timeout: 3000 }).toBe(1);
    await expect.poll(() => push.to('host-ko').length, { timeout: 3000 }).toBe(1);
    expect(body('host-en', 0)).toBe('A new runner joined “반포 한강 러닝”.');
    expect(body('host-ko', 0)).toBe('‘반포 한강 러닝’에 새 러너가 참여했어요.');

    // The Korean device switches to English: saved again, its next push is in English.
    await api(host, 'POST', '/api/me/push-subscriptions', { ...push.subscription('host-ko'), locale: 'en' });
    await api(await newUser(t.app), 'POST', `/api/runs/${run.id}/participants`);
    await expect.poll(() => push.to('host-ko').length, { timeout: 3000 }).toBe(2);
    expect(body('host-ko', 1)).toBe('A new runner joined “반포 한강 러닝”.');
    // A language the app does not have is refused.
    const refused = await api(host, 'POST', '/api/me/push-subscriptions', {
      ...push.subscription('host-ko'),
      locale: 'fr',
    });
    expect(refused.statusCode).toBe(400);
  });
});

describe('preferences and subscriptions API', () => {
  it('answers the defaults, replaces the whole map, and refuses partial maps or SMS where none is offered', async () => {
    const user = await newUser(t.app);
    const got = (await api(user, 'GET', '/api/me/notification-preferences')).json<NotificationPreferences>();
    expect(got).toEqual(defaultNotificationPreferences());
    expect(got.reminder_soon).toEqual({ push: true, sms: false });
    expect(got.comment).toEqual({ push: false, sms: false });

    const next = { ...got, comment: { push: true, sms: false }, reminder_dday: { push: true, sms: true } };
    expect((await api(user, 'PUT', '/api/me/notification-preferences', next)).json()).toEqual(next);
    expect((await api(user, 'GET', '/api/me/notification-preferences')).json()).toEqual(next);

    const { comment: _dropped, ...partial } = next;
    for (const body of [
      partial,
      { ...next, comment: { push: true, sms: true } },
      { ...next, extra: { push: true, sms: false } },
    ]) {
      const response = await api(user, 'PUT', '/api/me/notification-preferences', body);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notification-preferences' })).statusCode).toBe(
      401,
    );
  });

  it('takes https push endpoints of push services only (loopback http with the test switch), and unsubscribes', async () => {
    const user = await newUser(t.app);
    const sub = push.subscription('unsub');
    for (const endpoint of ['http://push.example.com/x', 'ftp://127.0.0.1/x', 'not a url']) {
      const response = await api(user, 'POST', '/api/me/push-subscriptions', { ...sub, endpoint });
      expect(response.statusCode, endpoint).toBe(400);
    }
    const badKeys = await api(user, 'POST', '/api/me/push-subscriptions', {
      ...sub,
      keys: { p256dh: 'x', auth: 'y' },
    });
    expect(badKeys.statusCode).toBe(400);
    expect((await api(user, 'POST', '/api/me/push-subscriptions', sub)).statusCode).toBe(204);
    expect(
      (
        await api(user, 'POST', '/api/me/push-subscriptions', {
          ...sub,
          endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await api(user, 'DELETE', '/api/me/push-subscriptions', { endpoint: sub.endpoint })).statusCode,
    ).toBe(204);
    const rows = await t.database.executeSql('select endpoint from push_subscriptions where user_id = $1', [
      user.user.id,
    ]);
    expect(rows.rows).toEqual([{ endpoint: 'https://fcm.googleapis.com/fcm/send/abc' }]);
  });
});
