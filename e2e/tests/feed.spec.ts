import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { createRunViaApi } from './runs.ts';

// Issue 18, "a feed that knows me": a runner who chose 서울 sees Seoul runs first on home and /runs (the
// "내 조건" chip, pressed by default) and every run once it is turned off. Texts from
// apps/web/src/locales/extra/feed.ko.json and locales/ko.json.
const T = {
  forMe: /내 조건/,
  soon: '곧 시작하는 러닝',
  recommended: '추천 그룹 러닝',
  near: '내 주변',
  runsList: '그룹 러닝 목록',
};

test('a runner with 서울 preferences sees Seoul runs on home and /runs, and the others once 내 조건 is off', async ({
  page,
  context,
  request,
}, testInfo) => {
  const tag = `${testInfo.project.name}${Date.now().toString(36).slice(-4)}`;
  const host = await signUpViaApi(request, { nickname: `피드호스트${tag.slice(-4)}` });
  await onboardViaApi(request, host);
  // 대전 and 경기 start first, the Seoul run just after: all before dawn tomorrow, sooner than the other
  // journeys' runs on the shared server, so that home's ten soonest hold them.
  const daejeon = `대전 갑천 새벽런 ${tag}`;
  const gyeonggi = `경기 수원 새벽런 ${tag}`;
  const seoul = `서울 여의도 한강런 ${tag}`;
  await createRunViaApi(request, host, {
    title: daejeon,
    theme: 'riverside',
    region: 'daejeon',
    inDays: 1,
    start: '03:00',
    end: '04:00',
    capacity: 8,
    paceSecPerKm: 360,
    place: { name: '갑천 둔치', lat: 36.3675, lng: 127.3846 },
  });
  await createRunViaApi(request, host, {
    title: gyeonggi,
    theme: 'park',
    region: 'gyeonggi',
    inDays: 1,
    start: '03:10',
    end: '04:10',
    capacity: 8,
  });
  await createRunViaApi(request, host, {
    title: seoul,
    theme: 'riverside',
    region: 'seoul',
    inDays: 1,
    start: '03:30',
    end: '04:30',
    capacity: 8,
    paceSecPerKm: 330,
  });

  const runner = await signUpViaApi(page.request);
  await onboardViaApi(page.request, runner);
  const prefs = await page.request.patch('/api/me', {
    headers: { authorization: `Bearer ${runner.accessToken}` },
    data: { preferredRegions: ['seoul'], preferredDistance: null },
  });
  expect(prefs.status()).toBe(200);

  await test.step('home starts from 내 조건: the Seoul run, not 대전 or 경기', async () => {
    await page.goto('/');
    const chip = page.getByRole('button', { name: T.forMe });
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(chip).toContainText('서울');
    const soon = page.getByRole('region', { name: T.soon });
    await expect(soon.getByRole('link', { name: seoul })).toBeAttached();
    await expect(soon.getByRole('link', { name: daejeon })).toHaveCount(0);
    await expect(soon.getByRole('link', { name: gyeonggi })).toHaveCount(0);
    const recommended = page.getByRole('region', { name: T.recommended });
    await expect(recommended.getByRole('link', { name: seoul })).toBeAttached();
    await expect(recommended.getByRole('link', { name: daejeon })).toHaveCount(0);
  });

  await test.step('turned off, home shows the others too (kept in the URL)', async () => {
    await page.getByRole('button', { name: T.forMe }).click();
    await expect(page).toHaveURL(/forMe=false/);
    await expect(page.getByRole('button', { name: T.forMe })).toHaveAttribute('aria-pressed', 'false');
    const soon = page.getByRole('region', { name: T.soon });
    await expect(soon.getByRole('link', { name: daejeon })).toBeAttached();
    await expect(soon.getByRole('link', { name: gyeonggi })).toBeAttached();
  });

  await test.step('내 주변 asks for the position only when pressed, then cards say how far they are', async () => {
    await context.setGeolocation({ latitude: 36.36, longitude: 127.38 });
    await context.grantPermissions(['geolocation']);
    const recommended = page.getByRole('region', { name: T.recommended });
    await recommended.getByRole('button', { name: T.near }).click();
    await expect(page).toHaveURL(/near=36\.36/);
    // 갑천 둔치 is about 0.9 km from there: ranked first (near +2 ties 서울 +2, and starts sooner).
    const card = recommended.getByRole('article').filter({ hasText: daejeon });
    await expect(card).toContainText('0.9km');
  });

  await test.step('/runs starts from 내 조건 too, and the chip turns it off', async () => {
    await page.goto('/runs');
    const list = page.getByRole('region', { name: T.runsList });
    await expect(list.getByRole('link', { name: seoul })).toBeVisible();
    await expect(list.getByRole('link', { name: daejeon })).toHaveCount(0);
    await page.getByRole('button', { name: T.forMe }).click();
    await expect(page).toHaveURL(/\/runs\?forMe=false$/);
    await expect(list.getByRole('link', { name: daejeon })).toBeVisible();
    // The 대전 run, soonest of all, comes before the Seoul one.
    const titles = await list.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.indexOf(daejeon)).toBeLessThan(titles.indexOf(seoul));
  });

  await test.step('"한강러닝" typed without its space finds the 한강 run, in any spelling of 러닝', async () => {
    await page.goto('/runs?forMe=false');
    await page.getByRole('searchbox', { name: '러닝 검색' }).fill('한강러닝');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await expect(page).toHaveURL(/q=%ED%95%9C%EA%B0%95%EB%9F%AC%EB%8B%9D/);
    const list = page.getByRole('region', { name: T.runsList });
    await expect(list.getByRole('link', { name: seoul })).toBeVisible();
    await expect(list.getByRole('link', { name: daejeon })).toHaveCount(0);
    await expect(list.getByRole('link', { name: gyeonggi })).toHaveCount(0);
  });

  await test.step('the pace filter keeps the runs in its range', async () => {
    await page.goto('/runs?forMe=false&pace=300-360');
    const list = page.getByRole('region', { name: T.runsList });
    await expect(list.getByRole('link', { name: seoul })).toBeVisible();
    await expect(list.getByRole('link', { name: daejeon })).toBeVisible();
    await expect(list.getByRole('link', { name: gyeonggi })).toHaveCount(0);
  });
});
