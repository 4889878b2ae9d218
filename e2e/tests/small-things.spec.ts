import type { APIRequestContext } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test, type TestUser } from './fixtures.ts';
import { bell, BELL } from './notifications.ts';
import { createRunViaApi, seoulDay } from './runs.ts';

// Issue 18, "small things people hit": the signed-in header fits a 360 px phone, and a run across midnight
// says when it ends.

async function joinViaApi(request: APIRequestContext, user: TestUser, runId: string): Promise<void> {
  const response = await request.post(`/api/runs/${runId}/participants`, {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('at 360 px the signed-in header (longest nickname, unread badge) never makes the page scroll sideways', async ({
  page,
  newRunner,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 800 });
  // Twelve letters: the longest nickname there is (NICKNAME.max).
  const host = await signUpViaApi(page.request, { nickname: '가나다라마바사아자차카타' });
  await onboardViaApi(page.request, host);
  const run = await createRunViaApi(page.request, host, {
    title: '헤더 너비 확인 러닝',
    theme: 'riverside',
    region: 'seoul',
    start: '07:00',
    end: '08:00',
    capacity: 5,
  });
  const runner = await newRunner();
  await joinViaApi(runner.page.request, runner.user, run.id);

  for (const path of ['/', '/runs', '/courses', '/crews', '/me', '/notifications', `/runs/${run.id}`]) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole('banner')).toBeVisible();
      await expect(bell(page)).toHaveAccessibleName(path === '/notifications' ? BELL.any : BELL.unread(1));
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        header: document.querySelector('header')?.scrollWidth ?? 0,
      }));
      expect(widths.page, `${path} scrolls sideways`).toBeLessThanOrEqual(360);
      expect(widths.header, `${path}: the header overflows`).toBeLessThanOrEqual(360);
    });
  }
});

test('a run from 23:30 to 00:40 says it ends the next day', async ({ page }) => {
  const host = await signUpViaApi(page.request);
  await onboardViaApi(page.request, host);
  const day = seoulDay(3);
  const next = seoulDay(4);
  const response = await page.request.post('/api/runs', {
    headers: { authorization: `Bearer ${host.accessToken}` },
    data: {
      title: '자정 넘는 한강 야간 러닝',
      description: '함께 달려요',
      startsAt: `${day}T23:30:00+09:00`,
      endsAt: `${next}T00:40:00+09:00`,
      meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
      route: [
        [37.5271, 126.9326],
        [37.5288, 126.9371],
        [37.5302, 126.9419],
      ],
      capacity: 5,
      theme: 'riverside',
      region: 'seoul',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const run = (await response.json()) as { id: string };
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByText('다음날 00:40', { exact: true })).toBeVisible();
});
