import { randomBytes } from 'node:crypto';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { createRunViaApi } from './runs.ts';

// Issue 18, "a map of runs": /runs switches to a map of clustered pins; the list follows the map; a pin shows
// its run. Texts from apps/web/src/locales/extra/runs-map.ko.json.
const T = {
  switch: '보기 방식',
  map: '지도',
  list: '목록',
  mapRegion: /러닝 지도/,
  inView: (count: number) => `이 지역의 러닝 ${count}개`,
  cluster: (count: number) => `러닝 ${count}개 모임, 눌러서 확대`,
  listLabel: '지도에 보이는 러닝',
  chosen: '선택한 러닝',
};

test('switches to the map, zooms into 부산 and sees only 부산’s runs; the view survives a reload and back returns to the list', async ({
  page,
}) => {
  const host = await signUpViaApi(page.request, { nickname: '지도런호스트' });
  await onboardViaApi(page.request, host);
  // A word no other run has, so the list holds this test's runs alone (the keyword filter stays on the map).
  const word = `지도${randomBytes(3).toString('hex')}`;
  const busan: [number, number][] = [
    [35.1532, 129.1187],
    [35.1587, 129.1404],
  ];
  const seoulRun = `${word} 여의도 저녁런`;
  const gwangalli = `${word} 광안리 새벽런`;
  const haeundae = `${word} 해운대 저녁런`;
  await createRunViaApi(page.request, host, {
    title: seoulRun,
    theme: 'riverside',
    region: 'seoul',
    start: '19:00',
    end: '20:00',
    capacity: 10,
  });
  await createRunViaApi(page.request, host, {
    title: gwangalli,
    theme: 'beach',
    region: 'busan',
    start: '06:00',
    end: '07:00',
    capacity: 10,
    route: [busan[0] as [number, number], ...busan.slice(1)],
    place: { name: '광안리 해수욕장', lat: 35.1532, lng: 129.1187 },
  });
  await createRunViaApi(page.request, host, {
    title: haeundae,
    theme: 'beach',
    region: 'busan',
    start: '19:30',
    end: '20:30',
    capacity: 10,
    route: [busan[1] as [number, number], ...busan.slice(0, 1)],
    place: { name: '해운대 해수욕장', lat: 35.1587, lng: 129.1604 },
  });

  const cards = page.getByRole('list', { name: T.listLabel });

  await test.step('the switch turns the list into a map of all of Korea, keeping the keyword', async () => {
    await page.goto(`/runs?q=${encodeURIComponent(word)}`);
    const tabs = page.getByRole('tablist', { name: T.switch });
    await expect(tabs.getByRole('tab', { name: T.list })).toHaveAttribute('aria-selected', 'true');
    await tabs.getByRole('tab', { name: T.map }).click();
    await expect(tabs.getByRole('tab', { name: T.map })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: T.mapRegion })).toBeVisible();
    await expect(page.getByRole('heading', { name: T.inView(3) })).toBeVisible();
    await expect(page).toHaveURL(/view=map&bbox=/);
    // A keyword's results are ranked by relevance, and the sort says so.
    await expect(page.getByRole('combobox', { name: '정렬' }).locator('option:checked')).toHaveText(
      '관련도순',
    );
    // The map view keeps the list's width: the page lines up with the header.
    const [header, title] = await Promise.all([
      page.getByRole('banner').locator('a').first().boundingBox(),
      page.getByRole('heading', { level: 1 }).boundingBox(),
    ]);
    if (!header || !title) throw new Error('the header or the title is not on screen');
    expect(Math.abs(title.x - header.x)).toBeLessThanOrEqual(24);
    await page.screenshot({ path: test.info().outputPath('runs-map-width.png') });
  });

  await test.step('one finger scrolls the page on a phone: the map pans with two', async () => {
    const map = page.locator('.leaflet-container');
    const touch = await page.evaluate(() => matchMedia('(pointer: coarse)').matches);
    // Leaflet's one-finger drag is off on touch screens (its class gone, the page's touch-action kept).
    await expect(map).toHaveClass(touch ? /leaflet-touch-zoom/ : /leaflet-container/);
    if (touch) {
      await expect(map).not.toHaveClass(/leaflet-touch-drag/);
      expect(await map.evaluate((el) => getComputedStyle(el).touchAction)).toBe('pan-x pan-y');
    }
  });

  await test.step('tapping 부산’s cluster zooms into 부산: the list follows the map', async () => {
    await page.getByRole('button', { name: T.cluster(2) }).click();
    await expect(page.getByRole('heading', { name: T.inView(2) })).toBeVisible();
    await expect(cards.getByRole('link', { name: gwangalli })).toBeVisible();
    await expect(cards.getByRole('link', { name: haeundae })).toBeVisible();
    await expect(cards.getByRole('link', { name: seoulRun })).toHaveCount(0);
    // The box in the URL is 부산's.
    const bbox = new URL(page.url()).searchParams.get('bbox') ?? '';
    const [south = 0, west = 0, north = 0, east = 0] = bbox.split(',').map(Number);
    expect(south).toBeGreaterThan(34.5);
    expect(north).toBeLessThan(35.8);
    expect(west).toBeGreaterThan(128.5);
    expect(east).toBeLessThan(129.8);
  });

  await test.step('a reload keeps the map on 부산', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: T.inView(2) })).toBeVisible();
    await expect(cards.getByRole('link', { name: seoulRun })).toHaveCount(0);
  });

  await test.step('a pin shows its run’s card, which leads to the run', async () => {
    await page.getByRole('button', { name: gwangalli, exact: true }).click();
    const chosen = page.getByRole('region', { name: T.chosen });
    await expect(chosen).toContainText('광안리 해수욕장');
    await chosen.getByRole('link', { name: gwangalli }).click();
    await expect(page.getByRole('heading', { level: 1, name: gwangalli })).toBeVisible();
  });

  await test.step('back returns to the map on 부산, and back again to the list', async () => {
    await page.goBack();
    await expect(page.getByRole('heading', { name: T.inView(2) })).toBeVisible();
    await page.goBack();
    await expect(page).not.toHaveURL(/view=map/);
    await expect(page.getByRole('region', { name: T.mapRegion })).toHaveCount(0);
  });
});
