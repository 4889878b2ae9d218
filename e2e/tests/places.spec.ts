import type { Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { drawRoute, routeEditor, seoulDay } from './runs.ts';

// Issue 18, places: a host searches the meeting place by name instead of dragging a pin from 여의도. Without
// KAKAO_REST_API_KEY (as here) the server answers from its built-in list. Korean texts from the locale files.
const T = {
  search: '장소 검색',
  place: '모이는 곳 이름',
  region: '지역',
  regionFromPlace: '고른 장소 기준으로 추천된 지역이에요',
  empty: '검색 결과가 없어요',
  pin: '모임',
  next: '다음',
  publish: '게시하기',
  title: '그룹 러닝 이름',
  date: '날짜',
  startTime: '출발 시간',
  endTime: '종료 예정 시간',
  capacity: '모집 인원',
  theme: '러닝 테마',
  tabs: '하단 메뉴',
};

/** The meeting pin's tip on screen, relative to the map's top left, and the map's size. */
async function pinOnMap(page: Page) {
  const map = routeEditor(page);
  const pin = map.locator('.leaflet-marker-icon', { hasText: T.pin });
  await expect(pin).toBeVisible();
  const [mapBox, pinBox] = await Promise.all([map.boundingBox(), pin.boundingBox()]);
  if (!mapBox || !pinBox) throw new Error('the map or the pin is not on screen');
  // The pin's anchor is its bottom middle (iconAnchor [18, 42] of 36×44).
  return {
    x: pinBox.x + pinBox.width / 2 - mapBox.x,
    y: pinBox.y + 42 - mapBox.y,
    width: mapBox.width,
    height: mapBox.height,
  };
}

test.describe('place search', () => {
  test('a host searches 반포, picks 반포한강공원, the pin moves there and the run is posted with that place', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const host = await signUpViaApi(page.request);
    await onboardViaApi(page.request, host);
    const title = `반포 달빛런 ${Date.now().toString(36).slice(-4)}`;

    await page.goto('/runs/new');
    const search = page.getByRole('combobox', { name: T.search });
    await expect(search).toHaveAttribute('aria-expanded', 'false');
    // The map loads; no meeting pin yet (no route, no place).
    await expect(routeEditor(page)).toBeVisible();
    await expect(routeEditor(page).locator('.leaflet-marker-icon', { hasText: T.pin })).toHaveCount(0);

    await test.step('words that match nothing say so', async () => {
      await search.fill('없는장소쿼리');
      await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(0);
      await expect(page.getByText(T.empty, { exact: true }).first()).toBeVisible();
    });

    await test.step('many suggestions end above the phone’s tab bar, scrolling inside the list', async () => {
      await search.fill('서울');
      const list = page.getByRole('listbox', { name: T.search });
      await expect(list.getByRole('option').nth(3)).toBeVisible();
      const tabs = page.getByRole('navigation', { name: T.tabs });
      if (await tabs.isVisible()) {
        const [popup, bar] = await Promise.all([list.locator('..').boundingBox(), tabs.boundingBox()]);
        if (!popup || !bar) throw new Error('the suggestions or the tab bar are not on screen');
        expect(popup.y + popup.height).toBeLessThanOrEqual(bar.y);
      }
      await page.screenshot({ path: test.info().outputPath('place-suggestions.png') });
    });

    await test.step('typing 반포 suggests 반포한강공원 first; arrow down and Enter pick it', async () => {
      await search.fill('반포');
      const options = page.getByRole('listbox', { name: T.search }).getByRole('option');
      await expect(options.first()).toContainText('반포한강공원');
      await expect(search).toHaveAttribute('aria-expanded', 'true');
      await search.press('ArrowDown');
      await expect(options.first()).toHaveAttribute('aria-selected', 'true');
      await search.press('Enter');
      await expect(search).toHaveAttribute('aria-expanded', 'false');
      await expect(search).toHaveValue('반포한강공원');
    });

    await test.step('the place name, region and pin follow the pick; the map is centred on the pin', async () => {
      await expect(page.getByLabel(T.place)).toHaveValue('반포한강공원');
      await expect(page.getByLabel(T.region, { exact: true })).toHaveValue('seoul');
      await expect(page.getByText(T.regionFromPlace)).toBeVisible();
      await expect
        .poll(async () => {
          const pin = await pinOnMap(page);
          return Math.hypot(pin.x - pin.width / 2, pin.y - pin.height / 2);
        })
        .toBeLessThan(8);
    });

    await test.step('draw the route beside it and fill in the details', async () => {
      await drawRoute(page, [
        [0.35, 0.6],
        [0.55, 0.65],
        [0.75, 0.6],
      ]);
      // The pin stays at the picked place (the meeting point is not the route's start).
      await expect(page.getByLabel(T.place)).toHaveValue('반포한강공원');
      await page.getByRole('button', { name: T.next }).click();
      await page.getByLabel(T.title).fill(title);
      await page.getByLabel(T.date, { exact: true }).fill(seoulDay(3));
      await page.getByLabel(T.startTime).fill('20:00');
      await page.getByLabel(T.endTime).fill('21:00');
      await page.getByLabel(T.capacity).fill('8');
      await page
        .getByRole('group', { name: T.theme })
        .getByRole('radio', { name: '강변', exact: true })
        .check();
      await page.getByRole('button', { name: T.next }).click();
    });

    await test.step('publish: the run meets at 반포한강공원, at its point', async () => {
      await page.getByRole('button', { name: T.publish }).click();
      await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(page.getByText('반포한강공원').first()).toBeVisible();
      const runId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      const response = await page.request.get(`/api/runs/${runId}`, {
        headers: { authorization: `Bearer ${host.accessToken}` },
      });
      expect(response.status()).toBe(200);
      const run = (await response.json()) as {
        region: string;
        meetingPlace: { name: string; lat: number; lng: number };
      };
      expect(run.region).toBe('seoul');
      expect(run.meetingPlace.name).toBe('반포한강공원');
      expect(run.meetingPlace.lat).toBeCloseTo(37.51, 2);
      expect(run.meetingPlace.lng).toBeCloseTo(126.996, 2);
    });
  });
});
