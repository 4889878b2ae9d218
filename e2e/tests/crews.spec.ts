import type { Locator, Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import {
  createCrewViaApi,
  createSeriesViaApi,
  daysUntil,
  joinCrewViaApi,
  seriesOccurrences,
  seoulWeekday,
  uniqueCrewName,
} from './crews.ts';
import { openNotifications } from './notifications.ts';
import { drawRoute, seoulDay } from './runs.ts';

// Issue 16's journeys: a crew with approval and a weekly 정기런 made in the browser, a runner who finds it,
// asks, is approved live and joins one date; a pinned 공지; a crew chat message that lights the badge of a
// member elsewhere; a date cancelled for rain. Korean texts from apps/web/src/locales/extra/{crews,
// crew-members,series,crewruns,announcements,chat,notifyweb}.ko.json and locales/ko.json.
const T = {
  next: '다음',
  crewForm: {
    name: '크루 이름',
    regions: /^활동 지역/,
    mapLabel: '크루가 모이는 곳을 고르는 지도',
    spotName: '모이는 곳 이름',
    days: '정기 모임 요일',
    time: '모이는 시각',
    policy: '가입 방식',
    approval: /^운영진 승인 후 가입/,
    question: '질문 1',
    publish: '크루 만들기',
    published: '크루를 만들었어요. 함께 달릴 크루원을 모아 보세요!',
  },
  runForm: {
    place: '모이는 곳 이름',
    region: '지역',
    title: '그룹 러닝 이름',
    date: '날짜',
    start: '출발 시간',
    end: '종료 예정 시간',
    capacity: '모집 인원',
    theme: '러닝 테마',
    crew: '크루',
    repeat: '이 러닝을 정기런으로 반복할래요',
    days: '요일',
    publish: '게시하기',
  },
  seriesCreated: '정기런을 만들었어요.',
  weeklyTuTh: /매주 화·목/,
  search: '크루 이름으로 찾기',
  membership: '크루 가입',
  request: '가입 신청',
  askTitle: (name: string) => `‘${name}’ 가입 신청`,
  pending: '승인 대기 중',
  approvalState: '운영진 승인 후 가입돼요',
  member: '크루원',
  memberDetail: '크루원으로 함께 달리고 있어요',
  youAreMember: '내가 속한 크루예요',
  pendingTab: /^가입 신청/,
  approve: '승인',
  approved: '가입을 승인했어요.',
  joinPanel: '참여',
  join: '참여하기',
  joined: '참여 중이에요',
  seatsFact: '인원',
  writeNotice: '공지 쓰기',
  noticeTitle: '제목',
  noticeContent: '내용',
  pin: /^상단에 고정/,
  postNotice: '공지 올리기',
  posted: '공지를 올렸어요. 크루원에게 알림이 갔어요.',
  announcementNote: (crew: string, title: string) => `‘${crew}’ 크루 새 공지: ${title}`,
  crewChat: '크루 채팅',
  message: '메시지',
  sending: '보내는 중…',
  chats: '채팅',
  chatsUnread: (count: number) => `채팅, 읽지 않은 메시지 ${count}개`,
  unread: (count: number) => `읽지 않은 메시지 ${count}개`,
  cancel: '취소하기',
  cancelTitle: '러닝을 취소할까요?',
  cancelReason: '취소 이유 (선택)',
  cancelConfirm: '러닝 취소',
  cancelled: '그룹 러닝을 취소했어요.',
  cancelledNote: (title: string, reason: string) => `‘${title}’ 러닝이 취소되었어요. 사유: ${reason}`,
};

function notice(page: Page, text: string): Locator {
  return page.getByRole('status').getByText(text, { exact: true });
}

function membership(page: Page): Locator {
  return page.getByRole('region', { name: T.membership, exact: true });
}

/** Checks a chip (a visually hidden checkbox or radio under its label) in a fieldset named `group`. */
async function pick(page: Page, group: string | RegExp, option: string | RegExp, role = 'checkbox') {
  await page
    .getByRole('group', { name: group, exact: typeof group === 'string' })
    .getByRole(role as 'checkbox' | 'radio', { name: option, exact: typeof option === 'string' })
    .check();
}

async function tapMap(page: Page, map: Locator) {
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('the map is not on screen');
  const position = { x: Math.round(box.width / 2), y: Math.round(box.height / 2) };
  if (await page.evaluate(() => navigator.maxTouchPoints > 0)) await map.tap({ position });
  else await map.click({ position });
}

async function say(page: Page, text: string) {
  // A combobox since @mentions suggest members as one types.
  const box = page.getByRole('combobox', { name: T.message, exact: true });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await expect(page.getByText(T.sending)).toHaveCount(0, { timeout: 30_000 });
}

function chatsLink(page: Page): Locator {
  return page.getByRole('banner').getByRole('link', { name: /^채팅(, 읽지 않은 메시지 \d+개)?$/ });
}

test('a host makes an approval crew and a 화·목 정기런; a runner asks, is approved live and joins Tuesday', async ({
  page,
  newRunner,
}) => {
  test.setTimeout(180_000);
  const host = await signUpViaApi(page.request, { nickname: '달빛크루장' });
  await onboardViaApi(page.request, host);
  const crewName = uniqueCrewName('반포 달빛러너스');
  const question = '최근 10km 기록을 알려 주세요.';
  const answer = '55분 정도 뛰어요';
  const runTitle = `달빛 정기런 ${crewName.slice(-4)}`;
  const tuesday = daysUntil(2);
  let crewId = '';
  let seriesId = '';

  await test.step('the host makes the crew on /crews/new: approval with one question', async () => {
    await page.goto('/crews/new');
    await expect(page.getByRole('heading', { level: 1, name: T.crewForm.publish })).toBeVisible();
    await page.getByLabel(T.crewForm.name).fill(crewName);
    await pick(page, T.crewForm.regions, '서울');
    await page.getByRole('button', { name: T.next }).click();

    const map = page.getByRole('region', { name: T.crewForm.mapLabel }).locator('.leaflet-container');
    await expect(map).toBeVisible();
    await tapMap(page, map);
    await page.getByLabel(T.crewForm.spotName).fill('반포한강공원 달빛광장');
    await pick(page, T.crewForm.days, /^화/);
    await pick(page, T.crewForm.days, /^목/);
    await page.getByLabel(T.crewForm.time).fill('19:30');
    await page.getByRole('button', { name: T.next }).click();

    await pick(page, T.crewForm.policy, T.crewForm.approval, 'radio');
    await page.getByLabel(T.crewForm.question).fill(question);
    await page.getByRole('button', { name: T.next }).click();
    await page.getByRole('button', { name: T.crewForm.publish }).click();

    await expect(page).toHaveURL(/\/crews\/[0-9a-f-]{36}$/);
    crewId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await expect(notice(page, T.crewForm.published)).toBeVisible();
    // Once stuck here: the URL was the crew's but the form stayed (the photo step re-rendered forever).
    await expect(page.getByRole('heading', { level: 1, name: crewName })).toBeVisible();
    await expect(membership(page).getByText('크루장', { exact: true })).toBeVisible();
  });

  await test.step('the host posts a run for the crew that repeats every 화·목 (정기런으로 반복)', async () => {
    await page.goto('/runs/new');
    await drawRoute(page, [
      [0.3, 0.4],
      [0.5, 0.5],
      [0.7, 0.4],
    ]);
    await page.getByLabel(T.runForm.place).fill('반포한강공원 달빛광장');
    await page.getByLabel(T.runForm.region, { exact: true }).selectOption({ label: '서울' });
    await page.getByRole('button', { name: T.next }).click();

    await page.getByLabel(T.runForm.title).fill(runTitle);
    await page.getByLabel(T.runForm.date, { exact: true }).fill(seoulDay(tuesday));
    await page.getByLabel(T.runForm.start).fill('19:30');
    await page.getByLabel(T.runForm.end).fill('21:00');
    await page.getByLabel(T.runForm.capacity).fill('10');
    await pick(page, T.runForm.theme, '강변', 'radio');
    await pick(page, T.runForm.crew, crewName, 'radio');
    await page.getByRole('checkbox', { name: T.runForm.repeat }).check();
    // The run's date (a Tuesday) is chosen already; Thursday is added.
    const days = page.getByRole('group', { name: T.runForm.days, exact: true });
    await expect(days.getByRole('checkbox', { name: '화', exact: true })).toBeChecked();
    await pick(page, T.runForm.days, '목');
    await expect(page.getByText(T.weeklyTuTh).first()).toBeVisible();
    await page.getByRole('button', { name: T.next }).click();
    await page.getByRole('button', { name: T.runForm.publish }).click();

    await expect(page).toHaveURL(/\/series\/[0-9a-f-]{36}$/);
    seriesId = new URL(page.url()).pathname.split('/')[2] ?? '';
    await expect(notice(page, T.seriesCreated)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: runTitle })).toBeVisible();
    await expect(page.getByText(T.weeklyTuTh)).toBeVisible();
    // Four weeks of 화·목 are open ahead.
    await expect(page.getByRole('link', { name: runTitle })).not.toHaveCount(0);
  });

  const [tue, thu] = await seriesOccurrences(page.request, seriesId, host);
  if (!tue || !thu) throw new Error('the 정기런 opened fewer than two dates');
  expect(seoulWeekday(tue.startsAt)).toBe(2);
  expect(seoulWeekday(thu.startsAt)).toBe(4);

  const runner = await newRunner();
  await test.step('a runner finds the crew by name and asks to join, answering the question', async () => {
    await runner.page.goto('/crews');
    const search = runner.page.getByRole('searchbox', { name: T.search });
    await search.fill(crewName);
    await search.press('Enter');
    await runner.page.getByRole('link', { name: crewName }).click();
    await expect(runner.page).toHaveURL(`/crews/${crewId}`);
    await expect(membership(runner.page).getByText(T.approvalState)).toBeVisible();
    await membership(runner.page).getByRole('button', { name: T.request }).click();
    const dialog = runner.page.getByRole('dialog', { name: T.askTitle(crewName) });
    await dialog.getByLabel(question).fill(answer);
    await dialog.getByRole('button', { name: T.request }).click();
    await expect(dialog).toHaveCount(0);
    await expect(membership(runner.page).getByText(T.pending, { exact: true })).toBeVisible();
  });

  await test.step('the host approves on the members page, the answer shown', async () => {
    await page.goto(`/crews/${crewId}/members`);
    await page.getByRole('tab', { name: T.pendingTab }).click();
    const row = page.getByRole('listitem').filter({ hasText: runner.user.nickname });
    await expect(row.getByText(question)).toBeVisible();
    await expect(row.getByText(answer)).toBeVisible();
    await row.getByRole('button', { name: T.approve, exact: true }).click();
    await expect(notice(page, T.approved)).toBeVisible();
  });

  await test.step("the runner's open crew page turns into membership without a reload", async () => {
    await expect(membership(runner.page).getByText(T.memberDetail)).toBeVisible();
    await expect(membership(runner.page).getByText(T.member, { exact: true })).toBeVisible();
    await expect(runner.page.getByText(T.youAreMember)).toBeVisible();
  });

  await test.step("the runner joins Tuesday's run from the crew page; Thursday's seats stay", async () => {
    await runner.page.locator(`a[href="/runs/${tue.id}"]`).first().click();
    await expect(runner.page).toHaveURL(`/runs/${tue.id}`);
    const panel = runner.page.getByRole('region', { name: T.joinPanel, exact: true });
    await panel.getByRole('button', { name: T.join, exact: true }).click();
    await expect(panel.getByText(T.joined, { exact: true })).toBeVisible();
    await expect(runner.page.locator(`dt:text-is("${T.seatsFact}") + dd`)).toHaveText(
      `${tue.participantCount + 1}/10명`,
    );

    const [tueNow, thuNow] = await seriesOccurrences(page.request, seriesId, host);
    expect(tueNow?.participantCount).toBe(tue.participantCount + 1);
    expect(thuNow?.id).toBe(thu.id);
    expect(thuNow?.participantCount).toBe(thu.participantCount);
    await runner.page.goto(`/runs/${thu.id}`);
    await expect(runner.page.locator(`dt:text-is("${T.seatsFact}") + dd`)).toHaveText(
      `${thu.participantCount}/10명`,
    );
    await expect(panel.getByRole('button', { name: T.join, exact: true })).toBeVisible();
  });
});

test('staff pin a 공지 that a member reads; a crew chat message lights the badge of a member on /runs', async ({
  page,
  newRunner,
}) => {
  test.setTimeout(150_000);
  const owner = await signUpViaApi(page.request, { nickname: '공지크루장' });
  await onboardViaApi(page.request, owner);
  const crew = await createCrewViaApi(page.request, owner, { name: uniqueCrewName('성수 새벽크루') });
  const member = await newRunner();
  await joinCrewViaApi(member.page.request, crew.id, member.user);
  const title = '이번 주 목요일 장소 변경';
  const content = '목요일은 뚝섬유원지역 2번 출구에서 모여요. 우비 챙기세요!';

  await test.step('the owner writes a pinned 공지 from the crew page', async () => {
    await page.goto(`/crews/${crew.id}`);
    await page.getByRole('link', { name: T.writeNotice }).click();
    await page.getByLabel(T.noticeTitle, { exact: true }).fill(title);
    await page.getByLabel(T.noticeContent, { exact: true }).fill(content);
    await page.getByRole('checkbox', { name: T.pin }).check();
    await page.getByRole('button', { name: T.postNotice }).click();
    await expect(notice(page, T.posted)).toBeVisible();
    await expect(page).toHaveURL(/\/announcements\/[0-9a-f-]{36}$/);
  });

  await test.step('the member is told, sees it pinned on the crew page and reads it', async () => {
    await member.page.goto('/runs');
    const panel = await openNotifications(member.page);
    await expect(panel).toContainText(T.announcementNote(crew.name, title));
    await member.page.goto(`/crews/${crew.id}`);
    const section = member.page.locator('section', {
      has: member.page.getByRole('heading', { level: 2, name: '공지', exact: true }),
    });
    await expect(section.getByText('공지', { exact: true }).nth(1)).toBeVisible();
    await section.getByRole('link', { name: new RegExp(title) }).click();
    await expect(member.page).toHaveURL(/\/announcements\/[0-9a-f-]{36}$/);
    await expect(member.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(member.page.getByText(content)).toBeVisible();
  });

  await test.step('a crew chat message lights the chat badge of the member on /runs, live', async () => {
    await member.page.goto('/runs');
    await expect(chatsLink(member.page)).toHaveAccessibleName(T.chats);
    await page.goto(`/crews/${crew.id}`);
    await page.getByRole('link', { name: T.crewChat }).click();
    await expect(page).toHaveURL(`/crews/${crew.id}/chat`);
    await say(page, '목요일에 뚝섬에서 봬요!');
    await expect(chatsLink(member.page)).toHaveAccessibleName(T.chatsUnread(1), { timeout: 20_000 });
    await expect(member.page.getByTestId('chat-badge')).toHaveText('1');
  });

  await test.step('/chats shows the crew chat with its unread count; reading it clears the badge', async () => {
    await chatsLink(member.page).click();
    await expect(member.page).toHaveURL('/chats');
    const row = member.page.getByRole('link').filter({ hasText: crew.name });
    await expect(row.getByText(T.unread(1))).toBeVisible();
    await expect(row.getByText(`${owner.nickname}: 목요일에 뚝섬에서 봬요!`)).toBeVisible();
    await row.click();
    await expect(member.page).toHaveURL(`/crews/${crew.id}/chat`);
    await expect(member.page.getByText('목요일에 뚝섬에서 봬요!')).toBeVisible();
    await expect(chatsLink(member.page)).toHaveAccessibleName(T.chats, { timeout: 20_000 });
  });
});

test('a 정기런 date is cancelled for rain and its runner is told why', async ({ page, newRunner }) => {
  test.setTimeout(120_000);
  const host = await signUpViaApi(page.request, { nickname: '우천크루장' });
  await onboardViaApi(page.request, host);
  const crew = await createCrewViaApi(page.request, host, { name: uniqueCrewName('망원 한강크루') });
  const title = `망원 화목런 ${crew.name.slice(-4)}`;
  const created = await createSeriesViaApi(page.request, host, {
    title,
    crewId: crew.id,
    fromDays: daysUntil(2),
  });
  const [tue, thu] = await seriesOccurrences(page.request, created.series.id, host);
  if (!tue || !thu) throw new Error('the 정기런 opened fewer than two dates');
  const runner = await newRunner();
  const joined = await runner.page.request.post(`/api/runs/${tue.id}/participants`, {
    headers: { authorization: `Bearer ${runner.user.accessToken}` },
  });
  expect(joined.status(), await joined.text()).toBe(201);
  const reason = '비 예보가 있어서 쉬어요';

  await test.step('the host cancels Tuesday with a reason', async () => {
    await page.goto(`/runs/${tue.id}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.getByRole('button', { name: T.cancel, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: T.cancelTitle });
    await dialog.getByLabel(T.cancelReason).fill(reason);
    await dialog.getByRole('button', { name: T.cancelConfirm }).click();
    await expect(notice(page, T.cancelled)).toBeVisible();
    await expect(page).toHaveURL('/runs');
  });

  await test.step('the runner sees the run_cancelled notification with the reason', async () => {
    await runner.page.goto('/runs');
    const panel = await openNotifications(runner.page);
    await expect(panel).toContainText(T.cancelledNote(title, reason));
  });

  await test.step('the series goes on: Thursday is still on its page, Tuesday is gone', async () => {
    await runner.page.goto(`/series/${created.series.id}`);
    await expect(runner.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(runner.page.locator(`a[href="/runs/${thu.id}"]`)).toBeVisible();
    await expect(runner.page.locator(`a[href="/runs/${tue.id}"]`)).toHaveCount(0);
  });
});

test("the crew page's upcoming runs stay readable cards in its column", async ({ page }) => {
  const owner = await signUpViaApi(page.request, { nickname: '노을러닝크루' });
  await onboardViaApi(page.request, owner);
  const crew = await createCrewViaApi(page.request, owner, { name: uniqueCrewName('카드 폭 크루') });
  await createSeriesViaApi(page.request, owner, {
    title: '화목 반포 달빛 정기런',
    crewId: crew.id,
    fromDays: daysUntil(2),
  });
  await page.goto(`/crews/${crew.id}`);
  const row = page.locator('[aria-roledescription]:has(> ul)', { hasText: '화목 반포 달빛 정기런' });
  const card = row.getByRole('group').first();
  await expect(card.getByRole('link', { name: /화목 반포 달빛 정기런/ })).toBeVisible();
  // The row is sized by its own width, not the screen's: in the desktop page's ~680 px column, four cards
  // were 160 px wide, with the host's name hidden and the date, time and place wrapped or cut.
  const width = (await card.boundingBox())?.width ?? 0;
  expect(width).toBeGreaterThanOrEqual(240);
  await expect(card.getByText('노을러닝크루')).toBeVisible();
});
