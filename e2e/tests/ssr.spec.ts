import { randomBytes } from 'node:crypto';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { createCourseViaApi } from './courses.ts';
import { createRunViaApi } from './runs.ts';

/**
 * The public pages arrive with their content rendered on the server (ADR 023): crawlers and phones without the
 * JavaScript yet read the runs, and the app then hydrates that markup without a mismatch.
 */
const unique = (title: string) => `${title} ${randomBytes(3).toString('hex')}`;

async function hostRunAndCourse(request: Parameters<typeof signUpViaApi>[0]) {
  const host = await signUpViaApi(request);
  await onboardViaApi(request, host);
  const run = await createRunViaApi(request, host, {
    title: unique('서버 렌더 새벽런'),
    theme: 'riverside',
    region: 'seoul',
    inDays: 1,
    start: '06:00',
    end: '07:00',
    capacity: 8,
    place: { name: '망원한강공원 주차장', lat: 37.5555, lng: 126.8954 },
  });
  const course = await createCourseViaApi(request, host, {
    title: unique('서버 렌더 코스'),
    region: 'seoul',
    theme: 'park',
  });
  return { run, course };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('home, the runs, a run and a course show their content and a canonical link', async ({
    page,
    request,
    baseURL,
  }) => {
    test.skip(test.info().project.name === 'phone', 'the same HTML at every size');
    // Through an API context of its own: the browser stays a guest's.
    const { run, course } = await hostRunAndCourse(request);
    const canonical = page.locator('link[rel="canonical"]');

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Upcoming runs (other journeys' too): a card of one.
    await expect(page.locator('main a[href^="/runs/"]').first()).toBeVisible();
    await expect(canonical).toHaveAttribute('href', `${baseURL}/`);

    await page.goto(`/runs?q=${encodeURIComponent(run.title)}`);
    await expect(page.getByText(run.title)).toBeVisible();
    await expect(canonical).toHaveAttribute('href', `${baseURL}/runs`);

    await page.goto(`/runs/${run.id}`);
    await expect(page.getByRole('heading', { name: run.title })).toBeVisible();
    await expect(page.getByText('망원한강공원 주차장').first()).toBeVisible();
    await expect(canonical).toHaveAttribute('href', `${baseURL}/runs/${run.id}`);

    await page.goto(`/courses/${course.id}`);
    await expect(page.getByRole('heading', { name: course.title })).toBeVisible();
    await expect(canonical).toHaveAttribute('href', `${baseURL}/courses/${course.id}`);

    const missing = await page.goto('/runs/00000000-0000-4000-8000-000000000000');
    expect(missing?.status()).toBe(404);
    await expect(canonical).toHaveCount(0);
  });
  // The server does not know the screen's width: a list page holds the sidebar and the sheet's button, and the
  // stylesheet shows the one the width calls for. Before, a desktop got the phone's toolbar and its list squeezed
  // into the sidebar's 300 px column until the app took over.
  test('the list pages show the layout of their width before the app takes over', async ({ page }) => {
    const wide = (page.viewportSize()?.width ?? 0) >= 1024;
    for (const [path, title] of [
      ['/runs', '필터'],
      ['/courses', '필터'],
      ['/crews', '필터'],
    ] as const) {
      await page.goto(path);
      const sidebar = page.getByRole('complementary', { name: title });
      const opener = page.getByRole('button', { name: new RegExp(`^(\\d+개 )?${title}$`) });
      const results = page.locator('[class*="_results_"]').first();
      await expect(results).toBeVisible();
      if (wide) {
        await expect(sidebar).toBeVisible();
        await expect(opener).toBeHidden();
        // The list beside the sidebar, not under it in its column.
        const [aside, list] = [await sidebar.boundingBox(), await results.boundingBox()];
        expect(list?.x).toBeGreaterThanOrEqual((aside?.x ?? Infinity) + (aside?.width ?? 0));
      } else {
        await expect(opener).toBeVisible();
        await expect(sidebar).toBeHidden();
      }
    }
  });
});

test('on a slow phone network the run cards show before the JavaScript, then the page works', async ({
  page,
  context,
  request,
}) => {
  test.skip(test.info().project.name !== 'phone', 'a phone on a slow network');
  const { run } = await hostRunAndCourse(request);
  // Slow 4G: 400 ms round trips, ~400 kbit/s down.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1024) / 8,
    uploadThroughput: (400 * 1024) / 8,
  });
  // The entry script is held back until the cards have been seen: nothing here depends on timing.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entryRequested = false;
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    entryRequested = true;
    await released;
    await route.continue();
  });

  // The app runs under its Content-Security-Policy without tripping it (zod told not to try `new Function`).
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.sourceFile}`),
    );
  });
  // The page's stylesheets come written into it: none is a request of its own before the first paint.
  const stylesheets: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'stylesheet') stylesheets.push(r.url());
  });

  const started = Date.now();
  await page.goto(`/runs?q=${encodeURIComponent(run.title)}`, { waitUntil: 'commit' });
  const card = page.getByRole('link', { name: new RegExp(run.title) });
  await expect(card).toBeVisible();
  // Styled already (global.css sets the body's margin to 0; a browser's own is 8px).
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
  expect(stylesheets).toEqual([]);
  const firstCardMs = Date.now() - started;
  test
    .info()
    .annotations.push({ type: 'first card (slow 4G, before the JS)', description: `${firstCardMs} ms` });
  expect(entryRequested, 'the page asked for its script').toBe(true);
  const hydrated = () =>
    Object.keys(document.getElementById('root') ?? {}).some((key) => key.startsWith('__reactContainer'));
  expect(await page.evaluate(hydrated)).toBe(false);

  release();
  await page.waitForFunction(hydrated);
  // Hydrating loads the page's own chunk: its CSS is found in the document, not fetched again.
  expect(stylesheets).toEqual([]);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // A client-side navigation (no new document): the page is the app's, hydrated, not a static copy.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));
  await expect(page.getByRole('heading', { name: run.title })).toBeVisible();
  expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
    [],
  );
});
