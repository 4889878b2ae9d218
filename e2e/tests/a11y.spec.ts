import type { APIRequestContext, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe.ts';
import { createCourseViaApi } from './courses.ts';
import { createCrewViaApi, joinCrewViaApi, uniqueCrewName } from './crews.ts';
import { expect, onboardViaApi, signUpViaApi, test, type TestUser } from './fixtures.ts';
import { createRunViaApi } from './runs.ts';

// Issue 19: every page of the app has no serious or critical axe violation (phone and desktop), and a guest's
// pages make no failed request and log no console error at all — not even the 4xx lines ordinary flows allow.

// Each test sets up its own data: they may run side by side.
test.describe.configure({ mode: 'parallel' });

type Sights = Awaited<ReturnType<typeof somethingToSee>>;
type Pages = [label: string, path: (sights: Sights) => string][];

const auth = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

async function member(request: APIRequestContext): Promise<TestUser> {
  const user = await signUpViaApi(request);
  await onboardViaApi(request, user);
  return user;
}

async function say(request: APIRequestContext, path: string, user: TestUser, content: string) {
  const response = await request.post(path, { headers: auth(user), data: { content } });
  expect(response.status(), await response.text()).toBe(201);
}

/** A crew with a run of its own and a course, by someone else, as a guest or a member finds them (via the API). */
async function somethingToSee(request: APIRequestContext) {
  const host = await member(request);
  const crew = await createCrewViaApi(request, host, { name: uniqueCrewName('접근성크루') });
  const run = await createRunViaApi(request, host, {
    title: '접근성 점검 새벽 러닝',
    theme: 'riverside',
    region: 'seoul',
    start: '06:00',
    end: '07:00',
    capacity: 6,
    crew: { id: crew.id },
  });
  const course = await createCourseViaApi(request, host, {
    title: '접근성 점검 중랑천 코스',
    region: 'seoul',
    theme: 'riverside',
  });
  return { host, crew, run, course };
}

/** Opens `path` and waits until its data has arrived and the page has settled, then runs axe on it. */
async function check(page: Page, label: string, path: string): Promise<void> {
  await test.step(label, async () => {
    await page.goto(path);
    // Generous: a signed-in page first restores its session, and a busy machine takes seconds to start the app
    // (the network is idle meanwhile, so "networkidle" alone comes too early).
    await expect(page.getByRole('main')).toBeVisible({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await expectNoSeriousA11yViolations(page, label);
  });
}

const GUEST_PAGES: Record<string, Pages> = {
  'home and the runs': [
    ['home', () => '/'],
    ['runs list', () => '/runs'],
    ['runs map', () => '/runs?view=map'],
    ['a run', ({ run }) => `/runs/${run.id}`],
  ],
  'courses and crews': [
    ['courses', () => '/courses'],
    ['a course', ({ course }) => `/courses/${course.id}`],
    ['crews', () => '/crews'],
    ['a crew', ({ crew }) => `/crews/${crew.id}`],
  ],
  'sign-in and the fine print': [
    ['login', () => '/login'],
    ['signup', () => '/signup'],
    ['terms', () => '/terms'],
    ['privacy', () => '/privacy'],
  ],
};

for (const [group, pages] of Object.entries(GUEST_PAGES)) {
  test(`a guest's pages (${group}): no failed request, no console error, no serious axe violation`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const sights = await somethingToSee(request);
    const failed: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failed.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} from ${response.url()}`);
    });
    for (const [label, path] of pages) await check(page, `${label} (guest)`, path(sights));
    expect(failed, 'a guest page made a failed request or logged an error').toEqual([]);
  });
}

test('the not-found page has no serious axe violation', async ({ page }) => {
  await check(page, 'not found', '/no-such-page');
});

/** A member of the crew, on its run, with chat in both rooms and a notification (someone joined their run). */
async function memberWithHistory(page: Page, request: APIRequestContext, sights: Sights): Promise<void> {
  const { host, crew, run } = sights;
  const me = await member(page.request);
  await joinCrewViaApi(page.request, crew.id, me);
  const joined = await page.request.post(`/api/runs/${run.id}/participants`, { headers: auth(me) });
  expect(joined.status(), await joined.text()).toBe(201);
  await say(request, `/api/runs/${run.id}/messages`, host, '내일 새벽 여섯 시에 만나요!');
  await say(page.request, `/api/runs/${run.id}/messages`, me, '네, 출구 앞에서 기다릴게요.');
  await say(request, `/api/crews/${crew.id}/chat/messages`, host, '이번 주 목요일은 반포에서 뛰어요.');
  await say(page.request, `/api/crews/${crew.id}/chat/messages`, me, '좋아요, 갈게요!');
  const own = await createRunViaApi(page.request, me, {
    title: '접근성 점검 저녁 러닝',
    theme: 'city',
    region: 'seoul',
    start: '20:00',
    end: '21:00',
    capacity: 4,
  });
  const hostJoined = await request.post(`/api/runs/${own.id}/participants`, { headers: auth(host) });
  expect(hostJoined.status(), await hostJoined.text()).toBe(201);
}

const MEMBER_PAGES: Record<string, Pages> = {
  'home, me and the notifications': [
    ['home', () => '/'],
    ['me', () => '/me'],
    ['settings', () => '/me/settings'],
    ['notifications', () => '/notifications'],
  ],
  'a run, a crew and their chats': [
    ['a run as participant', ({ run }) => `/runs/${run.id}`],
    ['run chat', ({ run }) => `/runs/${run.id}/chat`],
    ['chats', () => '/chats'],
    ['crew chat', ({ crew }) => `/crews/${crew.id}/chat`],
    ['a crew as member', ({ crew }) => `/crews/${crew.id}`],
  ],
  'the forms': [
    ['new run', () => '/runs/new'],
    ['new course', () => '/courses/new'],
    ['new crew', () => '/crews/new'],
  ],
};

for (const [group, pages] of Object.entries(MEMBER_PAGES)) {
  test(`a member's pages (${group}) have no serious axe violation`, async ({ page, request }) => {
    test.setTimeout(240_000);
    const sights = await somethingToSee(request);
    await memberWithHistory(page, request, sights);
    for (const [label, path] of pages) await check(page, `${label} (member)`, path(sights));
  });
}
