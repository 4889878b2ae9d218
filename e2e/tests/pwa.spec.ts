import type { Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';

// Issue 19, "installable app": the manifest and its icons, the service worker controlling the page, the offline
// page when the network is cut, and the one-time 홈 화면에 추가 offer on phones.

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/17.5 Mobile/15E148 Safari/604.1';

// The first paint of a page on a loaded machine (CI runs suites side by side) may take longer than 10 s.
const PAINTED = { timeout: 30_000 };

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(body: Buffer): string {
  expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker claims open pages when it activates: no reload needed.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('the manifest is linked and valid, and its icons load at their sizes', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await page.request.get(href ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as Record<string, unknown> & {
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({
    name: '이RUN 저RUN',
    start_url: '/',
    display: 'standalone',
    lang: 'ko',
    theme_color: '#030c37',
    background_color: '#ffffff',
  });
  expect(typeof manifest.short_name).toBe('string');
  for (const [size, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['192x192', 'maskable'],
    ['512x512', 'maskable'],
  ]) {
    expect(manifest.icons.some((icon) => icon.sizes === size && icon.purpose === purpose)).toBe(true);
  }
  for (const icon of manifest.icons) {
    const file = await page.request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }
  // iOS reads its own tags, not the manifest.
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(pngSize(await (await page.request.get(apple ?? '')).body())).toBe('180x180');
  await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#030c37');
});

test('the service worker controls the page; with the network cut a page shows the offline page, and the API is never cached', async ({
  page,
  context,
}) => {
  await controlledByServiceWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/');

  await context.setOffline(true);
  // A page never visited: the worker has no copy, and shows the offline page in its place.
  await page.goto('/crews?never-visited');
  await expect(page.getByRole('heading', { level: 1, name: '인터넷에 연결되어 있지 않아요' })).toBeVisible(
    PAINTED,
  );
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/crews');
  // Home fetched runs and crews from the API on the way: none of them went into a cache, the shell did.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain('/offline.html');
  expect(cached.some((url) => url.startsWith('/assets/'))).toBe(true);
  expect(cached.filter((url) => url.startsWith('/api/'))).toEqual([]);

  // Back online, "다시 시도" loads the page that failed.
  await context.setOffline(false);
  await page.getByRole('link', { name: /다시 시도/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '크루' })).toBeVisible(PAINTED);
});

test('settings say that iPhones get push only in the installed app', async ({ page }) => {
  const user = await signUpViaApi(page.request);
  await onboardViaApi(page.request, user);
  await page.goto('/me/settings');
  await expect(page.getByText(/iPhone\(iOS 16\.4 이상\)/)).toBeVisible(PAINTED);
});

test.describe('the 홈 화면에 추가 offer', () => {
  test('on iOS Safari: a one-time hint about Share → 홈 화면에 추가, gone for good once closed', async ({
    browser,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'offered on phones only');
    test.setTimeout(120_000);
    const context = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      userAgent: IPHONE_SAFARI,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'ko-KR',
    });
    const page = await context.newPage();
    await page.goto('/');
    const offer = page.getByRole('complementary', { name: '홈 화면에 추가' });
    await expect(offer).toBeVisible(PAINTED);
    await expect(offer).toContainText('공유 버튼');
    await offer.getByRole('button', { name: '홈 화면에 추가 안내 닫기' }).click();
    await expect(offer).toBeHidden();
    await page.reload();
    await expect(page.getByRole('link', { name: '그룹 러닝' }).first()).toBeVisible(PAINTED);
    await expect(offer).toBeHidden();
    await context.close();
  });

  test("on Android's Chrome: the browser's install prompt behind the app's button, offered once", async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: '그룹 러닝' }).first()).toBeVisible(PAINTED);
    // What Chrome fires once the app is installable (a synthetic one: headless Chrome decides by engagement).
    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => {
          (window as Window & { prompted?: boolean }).prompted = true;
          return Promise.resolve();
        },
      });
      window.dispatchEvent(event);
    });
    const offer = page.getByRole('complementary', { name: '홈 화면에 추가' });
    if (testInfo.project.name !== 'phone') {
      await expect(offer).toBeHidden();
      return;
    }
    await offer.getByRole('button', { name: '추가하기' }).click();
    expect(await page.evaluate(() => (window as Window & { prompted?: boolean }).prompted)).toBe(true);
    await expect(offer).toBeHidden();
    await page.reload();
    await expect(page.getByRole('link', { name: '그룹 러닝' }).first()).toBeVisible(PAINTED);
    await expect(offer).toBeHidden();
  });
});
