import type { Locator, Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test, type TestUser } from './fixtures.ts';
import { createCrewViaApi, uniqueCrewName } from './crews.ts';
import { openNotifications } from './notifications.ts';
import { createRunViaApi, seoulDay } from './runs.ts';

// Issue 16's "a guest attends N runs and becomes a member" (DOMAIN.md, crews: a guest with N runs of the crew
// marked present becomes a member and is told). The owner turns the rule on in the crew's edit form; a runner
// who is not a member joins the crew's runs as a guest, is marked present by the host on the attendance page
// after each start (the server clock moves; the browsers' do not) and after the second becomes a member.
// Korean texts from apps/web/src/locales/extra/{crews,crew-members,crewruns,mypage,notifyweb}.ko.json.
const T = {
  edit: '크루 수정',
  next: '다음',
  autoMember: '게스트 자동 정회원 전환 (회 참석 후)',
  save: '수정 완료',
  saved: '크루 정보를 수정했어요.',
  autoMemberFact: '게스트로 2회 참석하면 크루원이 돼요',
  membership: '크루 가입',
  approvalState: '운영진 승인 후 가입돼요',
  toGo: (count: number) => `정회원까지 ${count}회`,
  progress: '정회원까지 남은 출석',
  progressValue: (attended: number) => `${attended}/2회 출석`,
  guestSeatsLeft: (left: number) => `게스트 자리 ${left}/2 남음`,
  joinPanel: '참여',
  join: '참여하기',
  joined: '참여 중이에요',
  attendanceList: '참여자 출석',
  personGroup: (nickname: string) => `${nickname} 님 출석 여부`,
  present: '출석',
  saveAttendance: '출석 저장하기',
  attendanceSaved: '출석을 저장했어요.',
  member: '크루원',
  memberDetail: '크루원으로 함께 달리고 있어요',
  youAreMember: '내가 속한 크루예요',
  promoted: (crew: string) => `‘${crew}’ 크루 러닝에 꾸준히 함께해서 정회원이 되었어요!`,
};

function membership(page: Page): Locator {
  return page.getByRole('region', { name: T.membership, exact: true });
}

async function joinViaApi(page: Page, runId: string, user: TestUser) {
  const response = await page.request.post(`/api/runs/${runId}/participants`, {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** The host's 출석 체크 for one run: `nickname` marked present, saved. */
async function markPresent(page: Page, runId: string, nickname: string) {
  await page.goto(`/runs/${runId}/attendance`);
  await page
    .getByRole('list', { name: T.attendanceList })
    .getByRole('group', { name: T.personGroup(nickname) })
    .getByRole('radio', { name: T.present })
    .check();
  await page.getByRole('button', { name: T.saveAttendance }).click();
  await expect(page.getByText(T.attendanceSaved)).toBeVisible();
}

test('a guest marked present at 2 crew runs becomes a member and is told', async ({
  page,
  newRunner,
  serverClock,
}) => {
  test.setTimeout(150_000);
  const owner = await signUpViaApi(page.request, { nickname: '게스트크루장' });
  await onboardViaApi(page.request, owner);
  const crew = await createCrewViaApi(page.request, owner, {
    name: uniqueCrewName('잠실 새벽러너스'),
    joinPolicy: 'approval',
  });

  await test.step('the owner sets "member after 2 runs" in the crew edit form', async () => {
    await page.goto(`/crews/${crew.id}`);
    await page.getByRole('link', { name: T.edit }).click();
    await expect(page).toHaveURL(`/crews/${crew.id}/edit`);
    await page.getByRole('button', { name: T.next }).click();
    await page.getByRole('button', { name: T.next }).click();
    await page.getByLabel(T.autoMember).fill('2');
    await page.getByRole('button', { name: T.next }).click();
    await page.getByRole('button', { name: T.save }).click();
    await expect(page.getByRole('status').getByText(T.saved, { exact: true })).toBeVisible();
    await expect(page).toHaveURL(`/crews/${crew.id}`);
    await expect(page.getByText(T.autoMemberFact)).toBeVisible();
  });

  // Two crew runs open to guests (2 guest seats each), tomorrow and the day after, 07:00–08:00 in Seoul.
  const crewRun = (inDays: number) =>
    createRunViaApi(page.request, owner, {
      title: `잠실 새벽런 D+${inDays}`,
      theme: 'riverside',
      region: 'seoul',
      inDays,
      start: '07:00',
      end: '08:00',
      capacity: 6,
      crew: { id: crew.id, guestSeats: 2 },
    });
  const first = await crewRun(1);
  const second = await crewRun(2);
  const guest = await newRunner();

  await test.step('the guest sees the rule on the crew page and joins the first run as a guest', async () => {
    await guest.page.goto(`/crews/${crew.id}`);
    await expect(membership(guest.page).getByText(T.approvalState)).toBeVisible();
    await expect(guest.page.getByText(T.autoMemberFact)).toBeVisible();
    await expect(membership(guest.page).getByText(T.toGo(2), { exact: true })).toBeVisible();
    await guest.page.locator(`a[href="/runs/${first.id}"]`).first().click();
    await expect(guest.page).toHaveURL(`/runs/${first.id}`);
    await expect(guest.page.getByText(T.guestSeatsLeft(2))).toBeVisible();
    const panel = guest.page.getByRole('region', { name: T.joinPanel, exact: true });
    await panel.getByRole('button', { name: T.join, exact: true }).click();
    await expect(panel.getByText(T.joined, { exact: true })).toBeVisible();
    await expect(guest.page.getByText(T.guestSeatsLeft(1))).toBeVisible();
  });
  // The second run is joined the same way (the journey above); through the API before the clock moves.
  await joinViaApi(guest.page, second.id, guest.user);

  await test.step('after the first start the host marks the guest present; one run to go', async () => {
    serverClock.moveTo(Date.parse(`${seoulDay(1)}T07:05:00+09:00`));
    await markPresent(page, first.id, guest.user.nickname);
    await guest.page.goto(`/crews/${crew.id}`);
    const panel = membership(guest.page);
    await expect(panel.getByText(T.toGo(1), { exact: true })).toBeVisible();
    await expect(panel.getByRole('progressbar', { name: T.progress })).toHaveAttribute(
      'aria-valuetext',
      T.progressValue(1),
    );
    await expect(panel.getByText(T.approvalState)).toBeVisible();
  });

  await test.step('after the second the guest is a member: their open crew page turns, and they are told', async () => {
    serverClock.moveTo(Date.parse(`${seoulDay(2)}T07:05:00+09:00`));
    await markPresent(page, second.id, guest.user.nickname);
    const panel = membership(guest.page);
    await expect(panel.getByText(T.memberDetail)).toBeVisible();
    await expect(panel.getByText(T.member, { exact: true })).toBeVisible();
    await expect(panel.getByText(T.toGo(1), { exact: true })).toHaveCount(0);
    await expect(guest.page.getByText(T.youAreMember)).toBeVisible();

    const notifications = await openNotifications(guest.page);
    await expect(notifications).toContainText(T.promoted(crew.name));
  });
});
