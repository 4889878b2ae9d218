import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test, type TestUser } from './fixtures.ts';

// Issue 17's late seat (DOMAIN.md "Seat offer"): a seat freed within 24 h of the start is offered to the first
// waitlisted runner, who has 30 minutes to confirm it; unclaimed, it passes to the next. Three runners wait
// for a full run that starts in 5 hours: the first confirms the seat offered to them; the second lets theirs
// lapse (the server clock moves 31 minutes on, the worker's sweep runs every second here) and is off the
// waitlist; the third is offered it and confirms. Every step is what the runners see on the run's page, kept
// live by the run's socket room. Texts: apps/web/src/locales/ko.json ("join") and extra/seat-offers.ko.json.
const T = {
  joinPanel: '참여',
  waitlist: '대기 신청',
  leaveWaitlist: '대기 취소',
  full: '정원이 찼어요',
  fullDetail: '대기 신청하면 자리가 날 때 알려드려요. 30분 안에 확정하면 참여돼요',
  waitlisted: (position: number) => `대기 ${position}번째예요`,
  waitlistedDetail: '자리가 나면 알려드려요. 30분 안에 확정하면 참여돼요',
  queued: (position: number) =>
    `대기 ${position}번째로 신청했어요. 자리가 나면 알려드릴게요 — 30분 안에 확정하세요.`,
  offer: '자리 제안',
  offerTitle: '자리가 났어요 — 30분 안에 확정하세요',
  offered: '자리가 났어요',
  offeredUntil: /^\d\d:\d\d까지 확정하면 참여돼요$/,
  claim: '참여 확정',
  decline: '양보하기',
  claimed: '참여가 확정됐어요. 러닝에서 만나요!',
  lapsed: '확정 시간이 지나 다음 대기자에게 넘어갔어요',
  joined: '참여 중이에요',
};
const MINUTE = 60_000;

/** A run by the river starting `hoursAhead` from now (to the minute), an hour long. */
async function runStartingIn(
  request: APIRequestContext,
  host: TestUser,
  hoursAhead: number,
  capacity: number,
) {
  const start = new Date(Date.now() + hoursAhead * 3_600_000);
  start.setUTCSeconds(0, 0);
  const response = await request.post('/api/runs', {
    headers: { authorization: `Bearer ${host.accessToken}` },
    data: {
      title: '오늘 저녁 여의도 한강 러닝',
      description: '퇴근하고 함께 달려요',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
      route: [
        [37.5271, 126.9326],
        [37.5288, 126.9371],
        [37.5302, 126.9419],
      ],
      capacity,
      theme: 'riverside',
      region: 'seoul',
      paceSecPerKm: null,
      photoIds: [],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

/** A participant who joins (and later leaves) through the API, in a request context of their own. */
async function participant(request: APIRequestContext, runId: string) {
  const user = await signUpViaApi(request);
  await onboardViaApi(request, user);
  const headers = { authorization: `Bearer ${user.accessToken}` };
  const joined = await request.post(`/api/runs/${runId}/participants`, { headers });
  expect(joined.status(), await joined.text()).toBe(201);
  return {
    async leave() {
      const left = await request.delete(`/api/runs/${runId}/participants/me`, { headers });
      expect(left.status(), await left.text()).toBe(204);
    },
  };
}

const panel = (page: Page): Locator => page.getByRole('region', { name: T.joinPanel, exact: true });
const offer = (page: Page): Locator => page.getByRole('region', { name: T.offer, exact: true });

/** The runner opens the full run and joins its waitlist from the join panel, told how a late seat works. */
async function joinWaitlist(page: Page, path: string, position: number) {
  await page.goto(path);
  await expect(panel(page).getByText(T.full, { exact: true })).toBeVisible();
  await expect(panel(page).getByText(T.fullDetail, { exact: true })).toBeVisible();
  await expect(panel(page)).not.toContainText('자동으로');
  await panel(page).getByRole('button', { name: T.waitlist, exact: true }).click();
  await expect(page.getByText(T.queued(position), { exact: true })).toBeVisible();
  await expect(panel(page).getByText(T.waitlisted(position), { exact: true })).toBeVisible();
  await expect(panel(page).getByText(T.waitlistedDetail, { exact: true })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
}

/**
 * The offer on the runner's page: the notice (its title, a running mm:ss countdown, both choices) and the join
 * panel (the bar at the foot of a phone's screen), which says so and confirms it in place of 대기 취소.
 */
async function expectOffer(page: Page) {
  const notice = offer(page);
  await expect(notice.getByText(T.offerTitle, { exact: true })).toBeVisible();
  await expect(notice.getByTestId('seat-offer-clock')).toHaveText(/^\d\d:\d\d$/);
  await expect(notice.getByRole('button', { name: T.claim, exact: true })).toBeEnabled();
  await expect(notice.getByRole('button', { name: T.decline, exact: true })).toBeEnabled();
  await expect(panel(page).getByText(T.offered, { exact: true })).toBeVisible();
  await expect(panel(page).getByText(T.offeredUntil)).toBeVisible();
  await expect(panel(page).getByRole('button')).toHaveText([T.claim]);
}

/** The runner confirms the offered seat (in the notice, or in the join panel) and is in the run. */
async function claim(page: Page, where: 'notice' | 'panel') {
  await (where === 'notice' ? offer(page) : panel(page))
    .getByRole('button', { name: T.claim, exact: true })
    .click();
  await expect(page.getByText(T.claimed, { exact: true })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  await expect(panel(page).getByText(T.joined, { exact: true })).toBeVisible();
}

test('a late seat is offered in waitlist order; a lapsed offer passes to the next runner, who confirms', async ({
  page,
  request,
  newRunner,
  serverClock,
}, testInfo) => {
  test.setTimeout(120_000);
  const host = await signUpViaApi(page.request, { nickname: '저녁런호스트' });
  await onboardViaApi(page.request, host);
  // Starts in 5 hours, 3 seats: the host and two participants.
  const run = await runStartingIn(page.request, host, 5, 3);
  const path = `/runs/${run.id}`;
  const first = await participant(request, run.id);
  const second = await participant(request, run.id);
  const a = await newRunner({ nickname: '대기러너A' });
  const b = await newRunner({ nickname: '대기러너B' });
  const c = await newRunner({ nickname: '대기러너C' });

  await test.step('A, then B, then C join the waitlist of the full run', async () => {
    await joinWaitlist(a.page, path, 1);
    await joinWaitlist(b.page, path, 2);
    await joinWaitlist(c.page, path, 3);
  });

  await test.step('a participant cancels: the seat is offered to A alone', async () => {
    await first.leave();
    await expectOffer(a.page);
    await a.page.screenshot({ path: testInfo.outputPath(`seat-offer-${testInfo.project.name}.png`) });
    // B and C are not offered it, and the seat is not anyone's to take: the run still reads full.
    await expect(panel(b.page).getByText(T.waitlisted(2), { exact: true })).toBeVisible();
    await expect(offer(b.page)).toHaveCount(0);
    await expect(offer(c.page)).toHaveCount(0);
  });

  await test.step('A confirms within the window and is in the run; B and C move up', async () => {
    await claim(a.page, 'notice');
    await expect(panel(b.page).getByText(T.waitlisted(1), { exact: true })).toBeVisible();
    await expect(panel(c.page).getByText(T.waitlisted(2), { exact: true })).toBeVisible();
  });

  await test.step('another participant cancels: the seat is offered to B', async () => {
    await second.leave();
    await expectOffer(b.page);
    await expect(offer(c.page)).toHaveCount(0);
  });

  await test.step('B lets the 30 minutes pass: B loses the offer and the waitlist place, C is offered it', async () => {
    serverClock.moveTo(Date.now() + 31 * MINUTE);
    // The sweep lapses B's offer and offers the seat to C; both pages follow live.
    await expect(offer(b.page).getByText(T.lapsed, { exact: true })).toBeVisible();
    await expect(offer(b.page).getByRole('button')).toHaveCount(0);
    await expect(panel(b.page).getByText(T.full, { exact: true })).toBeVisible();
    await expect(panel(b.page).getByRole('button', { name: T.waitlist, exact: true })).toBeVisible();
    await expect(panel(b.page).getByRole('button', { name: T.leaveWaitlist })).toHaveCount(0);
    await expectOffer(c.page);
  });

  await test.step('C confirms and is in the run; A still is', async () => {
    await claim(c.page, 'panel');
    await a.page.reload();
    await expect(panel(a.page).getByText(T.joined, { exact: true })).toBeVisible();
    // B reloads: still out, still told why.
    await b.page.reload();
    await expect(offer(b.page).getByText(T.lapsed, { exact: true })).toBeVisible();
    await expect(panel(b.page).getByText(T.full, { exact: true })).toBeVisible();
  });
});
