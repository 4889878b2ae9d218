import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { seoulTime } from '../../apps/server/src/modules/deliveries/delivery-texts.ts';
import { FakePushService } from '../../apps/server/src/test/fake-push-service.ts';
import { expect, onboardViaApi, signUpViaApi, test as base } from './fixtures.ts';
import { bell, BELL, openNotifications } from './notifications.ts';
import { createRunViaApi } from './runs.ts';
import { codeTextedTo, dashed, textsTo, uniquePhoneDigits } from './sms.ts';
import {
  deliverPushMessage,
  shownNotifications,
  subscribeToFakePushService,
  subscribedServerKey,
} from './web-push.ts';

// Issue 5's journey: the 30-minute reminder, with time moved by the server's test clock, reaches a runner in
// the app, as a web push (through the browser's real service worker) and as a text — once. Texts from
// locales/extra/{smspush,notifyweb}.ko.json and the server's delivery-texts.ts.
const T = {
  joinPanel: '참여',
  join: '참여하기',
  joined: '참여했어요! 그날 만나요.',
  phone: '휴대폰 번호',
  sendCode: '인증번호 받기',
  code: '인증번호 6자리',
  confirm: '인증하기',
  consent: '문자 알림 수신에 동의해요 (선택)',
  soonSms: '시작 30분 전 · 문자',
  pushOff: '이 기기에서는 아직 푸시 알림을 받지 않아요.',
  pushEnable: '이 기기에서 푸시 알림 받기',
  pushOn: '이 기기에서 푸시 알림을 받고 있어요. 창을 닫아도 알림이 와요.',
  soon: (title: string) => `30분 뒤 ‘${title}’ 러닝이 시작해요.`,
  attendance: (title: string) => `30분 뒤 ‘${title}’ 러닝이 시작해요. 오신 분들의 출석을 체크해 주세요.`,
  takeAttendance: '출석 체크하기',
  pushTitle: '이RUN 저RUN',
  pushBody: (title: string) => `30분 뒤 ‘${title}’ 그룹 러닝이 시작해요.`,
  // A text carries no host-written words: a fixed sentence, the start time in Seoul and a link to the run.
  sms: (startsAt: string, url: string) =>
    `[이RUN 저RUN] 참여하신 그룹 러닝이 30분 뒤(${seoulTime(startsAt)}) 시작해요.\n${url}`,
};

const MINUTE = 60_000;
// A few reminder sweeps (REMINDER_SWEEP_SECONDS=1 in playwright.config.ts) after everything has arrived.
const SWEEPS_MS = 4_000;

/** The test's own push service on loopback: the browser subscribes to it, the server posts to it. */
const test = base.extend<{ pushService: FakePushService }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  pushService: async ({}, use) => {
    const service = new FakePushService();
    await service.start();
    await use(service);
    await service.stop();
  },
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** B's settings: a phone verified by the code texted to it, consent, and texts for the 30-minute reminder. */
async function textsForTheReminder(page: Page, digits: string) {
  await page.getByLabel(T.phone).fill(dashed(digits));
  await page.getByRole('button', { name: T.sendCode }).click();
  await expect.poll(() => codeTextedTo(digits)).toMatch(/^\d{6}$/);
  await page.getByLabel(T.code).fill(codeTextedTo(digits) ?? '');
  await page.getByRole('button', { name: T.confirm }).click();
  await expect(page.getByTestId('masked-phone')).toHaveText(`010-****-${digits.slice(7)}`);
  await page.getByRole('checkbox', { name: T.consent }).check();
  const soonSms = page.getByRole('checkbox', { name: T.soonSms });
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/me/notification-preferences') && r.request().method() === 'PUT',
  );
  await soonSms.check();
  expect((await saved).status()).toBe(200);
  await expect(soonSms).toBeChecked();
}

test('the 30-minute reminder arrives in the app, as a push and as a text, once', async ({
  page,
  context,
  newRunner,
  serverClock,
  pushService,
}, testInfo) => {
  // Two browsers, a phone verification, a clock move and a wait for repeated sweeps.
  test.setTimeout(180_000);
  const endpointName = `runner-${testInfo.project.name}-${randomBytes(4).toString('hex')}`;
  const subscription = pushService.subscription(endpointName);
  await context.grantPermissions(['notifications']);
  await subscribeToFakePushService(context, subscription);
  const digits = uniquePhoneDigits();

  // The host A posts a run for tomorrow 06:40: before 08:00, so no D-day reminder comes along. B is `page`.
  const a = await newRunner();
  const title = `리마인더런 ${randomBytes(3).toString('hex')}`;
  const run = await createRunViaApi(a.page.request, a.user, {
    title,
    theme: 'riverside',
    region: 'seoul',
    inDays: 1,
    start: '06:40',
    end: '07:40',
    capacity: 4,
  });
  const b = await signUpViaApi(page.request);
  await onboardViaApi(page.request, b);

  await test.step('B joins the run from its page', async () => {
    await page.goto(`/runs/${run.id}`);
    // The shared CI machine can be slow to serve the first load.
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
    await page
      .getByRole('region', { name: T.joinPanel, exact: true })
      .getByRole('button', { name: T.join })
      .click();
    await expect(page.getByRole('status').getByText(T.joined, { exact: true })).toBeVisible();
  });

  await test.step('B verifies a phone, chooses texts for the reminder and turns push on here', async () => {
    await page.goto('/me/settings');
    await expect(page.getByText(T.pushOff)).toBeVisible({ timeout: 30_000 });
    await textsForTheReminder(page, digits);
    const subscribed = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/push-subscriptions') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: T.pushEnable }).click();
    expect((await subscribed).status()).toBe(204);
    await expect(page.getByText(T.pushOn)).toBeVisible();
    // Kept: after a reload the page finds this browser's subscription.
    await page.reload();
    await expect(page.getByText(T.pushOn)).toBeVisible({ timeout: 30_000 });
    await expect(bell(page)).toHaveAccessibleName(BELL.empty);
  });

  await test.step('A, the host, has the run page open: one unread notification (B joined)', async () => {
    await a.page.goto(`/runs/${run.id}`);
    await expect(a.page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
    await expect(bell(a.page)).toHaveAccessibleName(BELL.unread(1));
  });

  serverClock.moveTo(Date.parse(run.startsAt) - 29 * MINUTE);

  await test.step('in the app: both bells count it without a reload, the lists show it', async () => {
    await expect(bell(page)).toHaveAccessibleName(BELL.unread(1), { timeout: 20_000 });
    await expect(bell(a.page)).toHaveAccessibleName(BELL.unread(2), { timeout: 20_000 });
    const list = await openNotifications(page);
    const reminder = list.getByRole('link', { name: new RegExp(escape(T.soon(title))) });
    await expect(reminder).toHaveCount(1);
    await expect(reminder).toHaveAttribute('href', `/runs/${run.id}`);
    const hostList = await openNotifications(a.page);
    const attendance = hostList.getByRole('link', { name: new RegExp(escape(T.attendance(title))) });
    await expect(attendance).toContainText(T.takeAttendance);
    await expect(attendance).toHaveAttribute('href', `/runs/${run.id}/attendance`);
  });

  await test.step('as a push: one signed, encrypted message, shown by the service worker', async () => {
    await expect.poll(() => pushService.to(endpointName).length, { timeout: 20_000 }).toBe(1);
    const [request] = pushService.to(endpointName);
    if (!request) throw new Error('no push request');
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    // Signed with the server's VAPID key, the one the browser subscribed with, for this push service.
    const { key, claims } = await pushService.vapid(request);
    const { publicKey } = (await (await page.request.get('/api/push/public-key')).json()) as {
      publicKey: string;
    };
    expect(key).toBe(publicKey);
    expect(await subscribedServerKey(page)).toBe(publicKey);
    expect(claims.aud).toBe(new URL(subscription.endpoint).origin);
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000);
    // Encrypted to the browser's keys (RFC 8291): the test holds the private one.
    const data = pushService.decrypt(request);
    expect(JSON.parse(data)).toEqual({
      id: expect.any(String),
      category: 'reminder_soon',
      title: T.pushTitle,
      body: T.pushBody(title),
      link: `/runs/${run.id}`,
    });
    await deliverPushMessage(page, data);
    await expect
      .poll(() => shownNotifications(page))
      .toEqual([{ title: T.pushTitle, body: T.pushBody(title), link: `/runs/${run.id}` }]);
  });

  const runUrl = new URL(`/runs/${run.id}`, page.url()).href;
  const codeThenReminder = [expect.stringMatching(/인증번호 \d{6}/), T.sms(run.startsAt, runUrl)];
  await test.step("as a text: one, to B's number, and nothing B did not choose", async () => {
    await expect.poll(() => textsTo(digits), { timeout: 20_000 }).toEqual(codeThenReminder);
  });

  await test.step('once: a few sweeps later, still one of each', async () => {
    // Nothing to wait for but time: the sweeps run every second and must not send it again.
    await page.waitForTimeout(SWEEPS_MS);
    expect(pushService.to(endpointName)).toHaveLength(1);
    expect(textsTo(digits)).toEqual(codeThenReminder);
    await page.goto('/notifications');
    await expect(
      page.getByRole('main').getByRole('link', { name: new RegExp(escape(T.soon(title))) }),
    ).toHaveCount(1, { timeout: 30_000 });
  });
});
