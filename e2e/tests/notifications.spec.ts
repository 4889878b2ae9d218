import { randomBytes } from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test, type TestUser } from './fixtures.ts';
import { bell, BELL, isPhone, openNotifications } from './notifications.ts';
import { createRunViaApi } from './runs.ts';

const T = {
  joined: (nickname: string, title: string) => `${nickname}님이 ‘${title}’ 러닝에 참여했어요.`,
  markAll: '모두 읽음',
  seats: (count: number, capacity: number) => `${count}/${capacity}명`,
};

const SHOTS = 'test-results/notifications';

async function joinViaApi(request: APIRequestContext, user: TestUser, runId: string): Promise<void> {
  const response = await request.post(`/api/runs/${runId}/participants`, {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('the host hears live that runners joined, opens the notification and clears the badge', async ({
  page,
  newRunner,
}, testInfo) => {
  test.setTimeout(120_000);
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${testInfo.project.name}-${name}.png` });
  const host = await signUpViaApi(page.request);
  await onboardViaApi(page.request, host);
  const title = `알림 테스트런 ${randomBytes(3).toString('hex')}`;
  const run = await createRunViaApi(page.request, host, {
    title,
    theme: 'riverside',
    region: 'seoul',
    start: '07:00',
    end: '08:00',
    capacity: 4,
  });
  const runPath = `/runs/${run.id}`;

  await test.step('the host, on the home page, has no unread notifications', async () => {
    await page.goto('/');
    await expect(bell(page)).toHaveAccessibleName(BELL.empty);
  });

  const second = await newRunner();
  await test.step('a runner joins from another browser: the bell counts it without a reload', async () => {
    await joinViaApi(second.page.request, second.user, run.id);
    await expect(bell(page)).toHaveAccessibleName(BELL.unread(1));
    await expect(bell(page)).toHaveText('1');
  });

  await test.step('the host opens the notifications and follows the new one to the run', async () => {
    const list = await openNotifications(page);
    const item = list.getByRole('link', { name: new RegExp(escape(T.joined(second.user.nickname, title))) });
    await expect(item).toBeVisible();
    await expect(item).toContainText('방금 전');
    await shot(isPhone(page) ? 'page' : 'panel');
    await item.click();
    await expect(page).toHaveURL(new RegExp(`${runPath}$`));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(fact(page, '인원')).toHaveText(T.seats(2, 4));
    await expect(bell(page)).toHaveAccessibleName(BELL.empty);
  });

  const third = await newRunner();
  await test.step("a third runner joins: the host's run page shows the seat live", async () => {
    await joinViaApi(third.page.request, third.user, run.id);
    await expect(fact(page, '인원')).toHaveText(T.seats(3, 4));
    await expect(
      page.getByRole('region', { name: '참여자 3/4명' }).getByText(third.user.nickname, { exact: true }),
    ).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName(BELL.unread(1));
  });

  await test.step('"모두 읽음" clears the badge', async () => {
    const list = await openNotifications(page);
    await expect(list.getByRole('link', { name: new RegExp(escape(third.user.nickname)) })).toBeVisible();
    await list.getByRole('button', { name: T.markAll }).click();
    await expect(bell(page)).toHaveAccessibleName(BELL.empty);
    await expect(bell(page)).toHaveText('');
  });

  await test.step('the notifications page lists both, read', async () => {
    await page.goto('/notifications');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: new RegExp(escape(second.user.nickname)) })).toBeVisible();
    await expect(main.getByRole('button', { name: T.markAll })).toBeDisabled();
    await expect(main.getByText('읽지 않음')).toHaveCount(0);
    await shot('notifications-page');
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fact(page: Page, term: string): Locator {
  return page.locator(`dt:text-is("${term}") + dd`);
}
