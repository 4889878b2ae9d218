import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { drawRoute, seoulDay } from './runs.ts';

// Issue 18's pace groups (DOMAIN.md "Pace groups"): a host posts a run split into three pace groups (5'00",
// 6'00", 7'00"/km) through the form, a runner opens it in another browser, joins the 6'00" group from its card
// and sees it as their group; the host sees them in that group. Korean texts from
// apps/web/src/locales/extra/pace-groups.ko.json and locales/ko.json.
const T = {
  place: '모이는 곳 이름',
  next: '다음',
  publish: '게시하기',
  title: '그룹 러닝 이름',
  date: '날짜',
  startTime: '출발 시간',
  endTime: '종료 예정 시간',
  capacity: '모집 인원',
  theme: '러닝 테마',
  riverside: '강변',
  toggle: '페이스 그룹 나누기',
  add: '그룹 추가',
  paceMinutes: (n: number) => `${n}그룹 페이스 (분)`,
  paceSeconds: (n: number) => `${n}그룹 페이스 (초)`,
  seats: (n: number) => `${n}그룹 정원`,
  total: (count: number) => `총 정원 ${count}명`,
  published: '그룹 러닝을 게시했어요!',
  board: '페이스 그룹 3개',
  card: (pace: string) => `${pace}/km 그룹`,
  pacer: (nickname: string) => `페이서 ${nickname}`,
  noPacer: '페이서 미정',
  seatsLeft: (count: number, capacity: number) => `${count}자리 남음 · 정원 ${capacity}명`,
  join: (pace: string) => `${pace}/km 그룹으로 참여`,
  joined: (pace: string) => `${pace}/km 그룹으로 참여했어요. 러닝에서 만나요!`,
  mine: '내 그룹',
  joinPanel: '참여',
  joinedStatus: '참여 중이에요',
  choose: '페이스 그룹 골라 참여하기',
  groupOf: (nickname: string) => `${nickname}님의 페이스 그룹`,
};

const FIVE = { pace: `5'00"`, min: '5', sec: '0', seats: '4' };
const SIX = { pace: `6'00"`, min: '6', sec: '0', seats: '5' };
const SEVEN = { pace: `7'00"`, min: '7', sec: '0', seats: '3' };
const GROUPS = [FIVE, SIX, SEVEN];

function card(page: Page, pace: string): Locator {
  return page.getByRole('listitem', { name: T.card(pace) });
}

test('a host posts a run with three pace groups; a runner joins the 6\'00" group and sees it', async ({
  page,
  newRunner,
}) => {
  test.setTimeout(150_000);
  const host = await signUpViaApi(page.request);
  await onboardViaApi(page.request, host);
  const title = `페이스별 한강런 ${randomBytes(3).toString('hex')}`;
  let runUrl = '';

  await test.step('the course: a route and a meeting place', async () => {
    await page.goto('/runs/new');
    await drawRoute(page, [
      [0.3, 0.3],
      [0.5, 0.42],
      [0.7, 0.3],
    ]);
    await page.getByLabel(T.place).fill('여의나루역 2번 출구');
    await page.getByRole('button', { name: T.next }).click();
  });

  await test.step("the details: three pace groups, their seats added up as the run's", async () => {
    await page.getByLabel(T.title).fill(title);
    await page.getByLabel(T.date, { exact: true }).fill(seoulDay(2));
    await page.getByLabel(T.startTime).fill('19:30');
    await page.getByLabel(T.endTime).fill('21:00');
    await page
      .getByRole('group', { name: T.theme })
      .getByRole('radio', { name: T.riverside, exact: true })
      .check();
    await page.getByLabel(T.toggle).check();
    await page.getByRole('button', { name: T.add }).click();
    for (const [index, g] of GROUPS.entries()) {
      await page.getByLabel(T.paceMinutes(index + 1)).fill(g.min);
      await page.getByLabel(T.paceSeconds(index + 1)).fill(g.sec);
      await page.getByLabel(T.seats(index + 1)).fill(g.seats);
    }
    await expect(page.getByText(T.total(12))).toBeVisible();
    await expect(page.getByLabel(T.capacity)).toHaveValue('12');
    await page.getByRole('button', { name: T.next }).click();
    await page.getByRole('button', { name: T.publish }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    runUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('status').getByText(T.published, { exact: true })).toBeVisible();
  });

  await test.step('the run page: the groups side by side, the host in the fastest', async () => {
    await expect(page.getByRole('heading', { name: T.board })).toBeVisible();
    await expect(card(page, FIVE.pace).getByText(T.mine)).toBeVisible();
    await expect(card(page, SIX.pace).getByText(T.seatsLeft(5, 5))).toBeVisible();
    await expect(card(page, SEVEN.pace).getByText(T.noPacer)).toBeVisible();
  });

  await test.step('a runner joins the 6\'00" group from its card', async () => {
    const runner = await newRunner();
    await runner.page.goto(runUrl);
    // The join panel sends the runner to the groups; each card has its own button.
    await expect(
      runner.page
        .getByRole('region', { name: T.joinPanel, exact: true })
        .getByRole('button', { name: T.choose }),
    ).toBeVisible();
    const six = card(runner.page, SIX.pace);
    await six.getByRole('button', { name: T.join(SIX.pace) }).click();
    await expect(runner.page.getByRole('status').getByText(T.joined(SIX.pace))).toBeVisible();
    await expect(six.getByText(T.mine)).toBeVisible();
    await expect(six.getByText(T.seatsLeft(4, 5))).toBeVisible();
    await expect(
      runner.page.getByRole('region', { name: T.joinPanel, exact: true }).getByText(T.joinedStatus),
    ).toBeVisible();

    // The host sees the runner in the 6'00" group (and may move them from the participant list).
    await page.reload();
    await expect(card(page, SIX.pace).getByText(T.seatsLeft(4, 5))).toBeVisible();
    const pick = page.getByLabel(T.groupOf(runner.user.nickname));
    await expect(pick.locator('option:checked')).toHaveText(/^6'00"\/km/);
  });

  await test.step('the runs list: the card shows the three groups’ paces in one line', async () => {
    await page.goto(`/runs?q=${encodeURIComponent(title)}&forMe=false`);
    const found = page.getByRole('article').filter({ hasText: title });
    await expect(found.getByText(`5'00" · 6'00" · 7'00"/km`)).toBeVisible();
    await found.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('pace-groups-card.png') });
  });
});
