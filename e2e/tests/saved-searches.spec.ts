import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { openNotifications } from './notifications.ts';
import { createRunViaApi } from './runs.ts';

// Issue 18, saved searches: a runner saves "부산 + 광안리" on /runs and is told when a matching run is posted,
// and not of one that does not match. Texts from apps/web/src/locales/extra/small-things.ko.json.
const T = {
  save: '이 조건으로 알림 받기',
  saved: '이 조건으로 알림을 받고 있어요.',
  settings: '알림 받는 검색 조건',
  match: (title: string) => `저장한 조건에 맞는 새 그룹 러닝이 올라왔어요: ‘${title}’`,
};

test('a runner saves a search on /runs and is notified when a matching run is posted, not of another', async ({
  page,
  request,
}, testInfo) => {
  const tag = `${testInfo.project.name}${Date.now().toString(36).slice(-4)}`;
  const runner = await signUpViaApi(page.request);
  await onboardViaApi(page.request, runner);
  const host = await signUpViaApi(request);
  await onboardViaApi(request, host);

  await test.step('부산 and "광안리" chosen on /runs, the search is saved', async () => {
    await page.goto('/runs?forMe=false&region=busan&q=%EA%B4%91%EC%95%88%EB%A6%AC');
    const save = page.getByRole('button', { name: T.save });
    await expect(save).toBeEnabled();
    await save.click();
    await expect(page.getByText(T.saved)).toBeVisible();
  });

  const other = `해운대 해변 새벽런 ${tag}`;
  const match = `광안리 야간 러닝 ${tag}`;
  await test.step('a 해운대 run does not match; a 광안리 run in 부산 does', async () => {
    await createRunViaApi(request, host, {
      title: other,
      theme: 'beach',
      region: 'busan',
      start: '06:00',
      end: '07:00',
      capacity: 8,
      place: { name: '해운대 해수욕장', lat: 35.1587, lng: 129.1604 },
      route: [
        [35.1587, 129.1604],
        [35.1601, 129.1652],
      ],
    });
    await createRunViaApi(request, host, {
      title: match,
      theme: 'beach',
      region: 'busan',
      start: '20:00',
      end: '21:00',
      capacity: 8,
      place: { name: '광안리 해수욕장', lat: 35.1532, lng: 129.1187 },
      route: [
        [35.1532, 129.1187],
        [35.1555, 129.1213],
      ],
    });
  });

  await test.step('the runner is told once, of the 광안리 run only', async () => {
    const panel = await openNotifications(page);
    await expect(panel.getByText(T.match(match))).toHaveCount(1);
    await expect(panel.getByText(T.match(other))).toHaveCount(0);
  });

  await test.step('the saved search is listed in settings', async () => {
    await page.goto('/me/settings');
    const section = page.getByRole('region', { name: T.settings });
    await expect(section).toContainText('광안리');
  });
});
