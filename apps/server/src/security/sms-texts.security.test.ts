import { defaultNotificationPreferences } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmsSender } from '../ports/sms.ts';
import { bearer, newRun, newUser, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// Issue 12: texts went out from the service's number with a host's words and links in them, without limit.
const PUBLIC_URL = 'https://erun.example';
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const sent: { to: string; text: string }[] = [];
const sms: SmsSender = {
  send: async (to, text) => {
    sent.push({ to, text });
  },
};
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clock,
    sms,
    env: { PUBLIC_URL, SMS_DAILY_LIMIT_USER: '40', SMS_DAILY_LIMIT_NUMBER: '40' },
  });
});
afterAll(() => t.close());

const api = (who: TestUser, method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(who), ...(payload ? { payload } : {}) });
const textsTo = (digits: string) => sent.filter((s) => s.to === digits).map((s) => s.text);

/** A verified number, consent, and texts chosen for the 30-minute reminder. */
async function textsWanted(user: TestUser, digits: string) {
  await api(user, 'POST', '/api/me/phone/verification', { phone: digits });
  const code = /인증번호 (\d{6})/.exec(textsTo(digits).at(-1) ?? '')?.[1] ?? '';
  expect(
    (await api(user, 'POST', '/api/me/phone/verification/confirm', { phone: digits, code })).statusCode,
  ).toBe(200);
  expect((await api(user, 'PUT', '/api/me/sms-consent', { consent: true })).statusCode).toBe(200);
  const prefs = defaultNotificationPreferences();
  prefs.reminder_soon.sms = true;
  expect((await api(user, 'PUT', '/api/me/notification-preferences', prefs)).statusCode).toBe(200);
}

async function smsDeliveries(user: TestUser) {
  const result = await t.database.executeSql(
    `select d.status, d.error, count(*)::int as n from notification_deliveries d
     join notifications n on n.id = d.notification_id
     where n.user_id = $1 and d.channel = 'sms' group by d.status, d.error order by d.status`,
    [user.user.id],
  );
  return result.rows as { status: string; error: string | null; n: number }[];
}

/** `count` reminders for `user` at once, then two sweeps (a skipped text must stay skipped). */
async function remind(user: TestUser, count: number) {
  const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
  await t.services.notifications.send(
    Array.from({ length: count }, () => ({
      userId: user.user.id,
      category: 'reminder_soon',
      link: '/me',
      data: { title: '러닝', startsAt },
    })),
  );
  for (let i = 0; i < 2; i++) {
    await t.services.deliveries.idle();
    await t.services.deliveries.sweep();
  }
  await t.services.deliveries.idle();
}

describe('notification texts', () => {
  it('carry no host-written words and no link but PUBLIC_URL, even for a run renamed to a phishing text', async () => {
    clock.offsetMs = 0;
    const host = await newUser(t.app);
    const runner = await newUser(t.app);
    const run = await newRun(t.app, host, { title: '반포 한강 러닝' });
    expect((await api(runner, 'POST', `/api/runs/${run.id}/participants`)).statusCode).toBe(201);
    await textsWanted(runner, '01022223333');
    const phishing = '계정정지예정 http://evil.example/k 본인확인';
    expect((await api(host, 'PATCH', `/api/runs/${run.id}`, { title: phishing })).statusCode).toBe(200);

    clock.offsetMs = Date.parse(run.startsAt) - 29 * 60_000 - Date.now();
    await t.services.reminders.sweep();
    await t.services.deliveries.idle();
    await t.services.deliveries.sweep();
    await t.services.deliveries.idle();
    clock.offsetMs = 0;

    const texts = textsTo('01022223333').slice(1);
    expect(texts).toHaveLength(1);
    const [text = ''] = texts;
    for (const word of ['계정정지', '본인확인', 'evil.example', '반포']) expect(text).not.toContain(word);
    const links = text.match(/[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+/gi) ?? [];
    expect(links).toEqual([`${PUBLIC_URL}/runs/${run.id}`]);
    expect(text).toMatch(
      /^\[이RUN 저RUN\] 참여하신 그룹 러닝이 30분 뒤\(\d{1,2}월 \d{1,2}일 \d{2}:\d{2}\) 시작해요\.\n/,
    );
  });

  it('stop at 40 a day per account: the 41st is recorded as skipped and never retried', async () => {
    const user = await newUser(t.app);
    await textsWanted(user, '01044445555');
    const before = textsTo('01044445555').length;
    await remind(user, 41);
    expect(textsTo('01044445555').length - before).toBe(40);
    expect(await smsDeliveries(user)).toEqual([
      { status: 'sent', error: null, n: 40 },
      { status: 'skipped', error: 'daily text limit reached', n: 1 },
    ]);
    await remind(user, 0);
    expect(textsTo('01044445555').length - before).toBe(40);
  });

  it('stop at 40 a day per number, however many accounts verified it', async () => {
    const first = await newUser(t.app);
    const second = await newUser(t.app);
    await textsWanted(first, '01066667777');
    await textsWanted(second, '01066667777');
    const before = textsTo('01066667777').length;
    await remind(first, 30);
    await remind(second, 11);
    expect(textsTo('01066667777').length - before).toBe(40);
    expect(await smsDeliveries(second)).toEqual([
      { status: 'sent', error: null, n: 10 },
      { status: 'skipped', error: 'daily text limit reached', n: 1 },
    ]);
  });
});
