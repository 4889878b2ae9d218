import type { Page, TestInfo } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { createRunViaApi, seoulDay } from './runs.ts';

// Issue 6's journey: the host takes attendance in its window (B came, C did not; absent only from the
// start), after the end B reviews the host and C is told why they cannot, scores move (DOMAIN.md: present
// +1 km, absent −1 km; a review by a runner never present at another host's run moves none), my page
// shows the run in its calendar and the host's public profile shows only the good side of the reviews.
// The server clock moves (with no other test running); the browser's does not. Korean texts from
// locales/extra/mypage.ko.json.
const T = {
  attendanceList: '참여자 출석',
  personGroup: (nickname: string) => `${nickname} 님 출석 여부`,
  present: '출석',
  absent: '불참',
  save: '출석 저장하기',
  saved: '출석을 저장했어요.',
  absentNotYet: /불참은 출발 시각인 .*부터 체크할 수 있어요/,
  positive: '좋았어요',
  categories: ['크루를 잘 이끌어 줬어요', '시간을 잘 지켰어요'],
  note: '크루장에게만 보이는 한마디 (선택)',
  submit: '평가 보내기',
  reviewed: '평가를 보냈어요. 고마워요!',
  notPresent: '출석한 참여자만 평가할 수 있어요',
  score: '굿러너 레벨',
  scoreHistory: '굿러너 레벨 기록',
  attendedReason: '그룹 러닝 출석',
  absentReason: '그룹 러닝 불참',
  menu: '마이페이지 메뉴',
  tabs: ['일정', '내가 연 러닝', '참여한 러닝', '북마크', '내 코스', '받은 평가', '통계', '프로필 수정'],
};

const MINUTE = 60_000;

async function joinViaApi(page: Page, runId: string, accessToken: string) {
  const response = await page.request.post(`/api/runs/${runId}/participants`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** For looking at the pages (E2E_SHOTS=1): full-page screenshots into the test's output folder. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  if (process.env.E2E_SHOTS !== '1') return;
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test('attendance, host review, scores, my page and public profile after a run', async ({
  page,
  newRunner,
  serverClock,
}, testInfo) => {
  // Three browsers, two clock moves and a dozen page loads: longer than one ordinary journey.
  test.setTimeout(240_000);
  const host = await signUpViaApi(page.request);
  await onboardViaApi(page.request, host);
  const day = seoulDay(1);
  const run = await createRunViaApi(page.request, host, {
    title: '출석 체크 아침런',
    theme: 'riverside',
    region: 'seoul',
    inDays: 1,
    start: '07:00',
    end: '08:00',
    capacity: 5,
  });
  const b = await newRunner();
  const c = await newRunner();
  await joinViaApi(b.page, run.id, b.user.accessToken);
  await joinViaApi(c.page, run.id, c.user.accessToken);
  const startsAt = Date.parse(`${day}T07:00:00+09:00`);
  const endsAt = Date.parse(`${day}T08:00:00+09:00`);

  // 10 minutes before the start: the window (start − 30 min … end + 48 h) is open for present; absent
  // waits for the start (DOMAIN: absent only from the start), and the page says why.
  serverClock.moveTo(startsAt - 10 * MINUTE);
  await page.goto(`/runs/${run.id}/attendance`);
  const list = page.getByRole('list', { name: T.attendanceList });
  await expect(page.getByText(T.absentNotYet)).toBeVisible();
  await expect(
    list.getByRole('group', { name: T.personGroup(c.user.nickname) }).getByRole('radio', { name: T.absent }),
  ).toBeDisabled();
  await list
    .getByRole('group', { name: T.personGroup(b.user.nickname) })
    .getByRole('radio', { name: T.present })
    .check();
  await page.getByRole('button', { name: T.save }).click();
  await expect(page.getByText(T.saved)).toBeVisible();

  // Five minutes after the start: C did not come.
  serverClock.moveTo(startsAt + 5 * MINUTE);
  await page.reload();
  await list
    .getByRole('group', { name: T.personGroup(c.user.nickname) })
    .getByRole('radio', { name: T.absent })
    .check();
  await shot(page, testInfo, 'attendance');
  await page.getByRole('button', { name: T.save }).click();
  await expect(page.getByText(T.saved)).toBeVisible();
  // Saved: a reload shows the same marks, still editable.
  await page.reload();
  const bGroup = page.getByRole('group', { name: T.personGroup(b.user.nickname) });
  await expect(bGroup.getByRole('radio', { name: T.present })).toBeChecked();
  await expect(
    page.getByRole('group', { name: T.personGroup(c.user.nickname) }).getByRole('radio', { name: T.absent }),
  ).toBeChecked();
  await expect(page.getByRole('button', { name: T.save })).toBeEnabled();

  // Two hours after the end: reviews are open (end … end + 7 days).
  serverClock.moveTo(endsAt + 120 * MINUTE);
  await b.page.goto(`/runs/${run.id}/review`);
  await b.page.getByRole('radio', { name: T.positive }).check();
  for (const category of T.categories) await b.page.getByRole('checkbox', { name: category }).check();
  await b.page.getByLabel(T.note).fill('덕분에 즐겁게 달렸어요');
  await shot(b.page, testInfo, 'review');
  await b.page.getByRole('button', { name: T.submit }).click();
  await expect(b.page.getByText(T.reviewed)).toBeVisible();

  await c.page.goto(`/runs/${run.id}/review`);
  await expect(c.page.getByText(T.notPresent)).toBeVisible();
  await expect(c.page.getByRole('button', { name: T.submit })).toHaveCount(0);
  await shot(c.page, testInfo, 'review-not-present');

  // Scores: B 51 km (present), C 49 km (absent), the host 50 km: B's good review is shown but moves no
  // score, since B has never been marked present at another host's run (review farming must not pay).
  await b.page.goto('/me');
  await expect(b.page.getByRole('meter', { name: T.score })).toHaveAttribute('aria-valuenow', '51');
  await b.page.getByText(T.scoreHistory).click();
  await expect(b.page.getByText(T.attendedReason)).toBeVisible();
  await c.page.goto('/me');
  await expect(c.page.getByRole('meter', { name: T.score })).toHaveAttribute('aria-valuenow', '49');
  await c.page.getByText(T.scoreHistory).click();
  await expect(c.page.getByText(T.absentReason)).toBeVisible();

  // The host's public profile, seen by C: the good side with B's two categories, nothing of the other side.
  await c.page.goto(`/users/${host.userId}`);
  await expect(c.page.getByRole('heading', { level: 1, name: host.nickname })).toBeVisible();
  await expect(c.page.getByRole('meter', { name: T.score })).toHaveAttribute('aria-valuenow', '50');
  const good = c.page.getByRole('region', { name: T.positive });
  for (const category of T.categories) {
    await expect(good.getByRole('listitem').filter({ hasText: category })).toContainText('1회');
  }
  await expect(c.page.getByRole('region', { name: '아쉬웠어요' })).toHaveCount(0);
  await shot(c.page, testInfo, 'public-profile');

  // The host sees both sides on their own page.
  await page.goto('/me?tab=reviews');
  await expect(page.getByRole('region', { name: '아쉬웠어요' })).toBeVisible();
  await expect(page.getByRole('meter', { name: T.score })).toHaveAttribute('aria-valuenow', '50');

  if (process.env.E2E_SHOTS === '1') {
    for (const [index, tab] of T.tabs.entries()) {
      await b.page.getByRole('tablist', { name: T.menu }).getByRole('tab', { name: tab }).click();
      await b.page.waitForTimeout(300);
      await shot(b.page, testInfo, `me-${index}`);
    }
  }

  // My page's calendar (B): the run on its day, as a joined run (needs GET /api/me/runs).
  await b.page.goto('/me');
  const cell = b.page.getByRole('gridcell', {
    name: new RegExp(`${Number(day.slice(5, 7))}월 ${Number(day.slice(8))}일 .*참여한 러닝 1개`),
  });
  await expect(cell).toBeVisible();
  await cell.click();
  await expect(b.page.getByRole('link', { name: run.title })).toBeVisible();
});
