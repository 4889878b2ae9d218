import { randomBytes } from 'node:crypto';
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Request,
} from '@playwright/test';

import { type ClockLease, leaseServerClock, type ServerClock } from './clock.ts';
import { transparentPng } from './png.ts';

export { expect };

export const PASSWORD = 'runrun2026!';

/** An address no other test (or earlier run against the same database) has used. */
export function uniqueEmail(prefix = 'runner'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@e2e.erun.test`;
}

/** A valid nickname (2–12 letters or digits), unique enough for one run. */
export function uniqueNickname(): string {
  return `러너${randomBytes(3).readUIntBE(0, 3).toString().slice(0, 6)}`;
}

export interface TestUser {
  email: string;
  password: string;
  nickname: string;
  accessToken: string;
  userId: string;
}

/**
 * Creates a user through the API. With `page.request` the refresh cookie lands in the page's browser
 * context, so the page is signed in on its next load; with the `request` fixture it stays separate.
 */
export async function signUpViaApi(
  request: APIRequestContext,
  overrides: Partial<Pick<TestUser, 'email' | 'password' | 'nickname'>> = {},
): Promise<TestUser> {
  const data = {
    email: overrides.email ?? uniqueEmail(),
    password: overrides.password ?? PASSWORD,
    nickname: overrides.nickname ?? uniqueNickname(),
  };
  // Terms, privacy policy and age 14+ are required at sign-up (issue 15).
  const consents = { terms: true, privacy: true, age14: true };
  const response = await request.post('/api/auth/signup', { data: { ...data, consents } });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  return { ...data, accessToken: body.accessToken, userId: body.user.id };
}

/** Fills in what onboarding asks for, so the user lands on the home page instead of /onboarding. */
export async function onboardViaApi(request: APIRequestContext, user: TestUser): Promise<void> {
  const response = await request.patch('/api/me', {
    headers: { authorization: `Bearer ${user.accessToken}` },
    data: { runningLevel: '5to10', preferredRegions: ['seoul'], preferredDistance: '5to10', bio: '' },
  });
  expect(response.status(), await response.text()).toBe(200);
}

const allowedErrors = new WeakMap<Page, RegExp[]>();

/** A console error this test causes on purpose (a request it cuts off), matched against "text (url:line)". */
export function allowBrowserError(page: Page, pattern: RegExp): void {
  allowedErrors.set(page, [...(allowedErrors.get(page) ?? []), pattern]);
}

// A 4xx answer is part of ordinary flows (signed-out session check, wrong password, invalid form), and
// Chromium logs each one as a console error: those are not bugs. Everything else is.
const EXPECTED_RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/;

function describe(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return `${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
}

/**
 * Records, into `problems`, every console error, uncaught page error and 5xx answer `page` reports
 * (4xx console lines of ordinary flows excepted); `label` tells which page it was when a test has several.
 */
export function watchBrowserErrors(page: Page, problems: string[], label = ''): void {
  const prefix = label ? `${label}: ` : '';
  page.on('console', (message) => {
    if (message.type() !== 'error' || EXPECTED_RESOURCE_ERROR.test(message.text())) return;
    if (allowedErrors.get(page)?.some((allowed) => allowed.test(describe(message)))) return;
    problems.push(`${prefix}console error: ${describe(message)}`);
  });
  page.on('pageerror', (error) => problems.push(`${prefix}page error: ${error.stack ?? error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) {
      problems.push(`${prefix}${response.status()} from ${response.request().method()} ${response.url()}`);
    }
  });
}

// Map tiles come from the internet (OpenStreetMap by default), which this machine and CI do not reach: each
// failed tile would log a console error. Tiles are decoration, so the journeys get transparent ones and the
// map shows its own offline surface, as it would on a phone with no signal.
const MAP_TILE = /^https?:\/\/[^/]+\/(?:[^?]*\/)?\d+\/\d+\/\d+(?:@2x)?\.png(?:\?.*)?$/;
const TILE = transparentPng();

async function serveBlankTiles(context: BrowserContext, appUrl: string | undefined): Promise<void> {
  const app = appUrl ? new URL(appUrl).origin : null;
  await context.route(MAP_TILE, (route) =>
    new URL(route.request().url()).origin === app
      ? route.fallback()
      : route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
  );
}

/** Another runner in a browser of their own (own cookies and storage), signed up and onboarded. */
export interface Runner {
  page: Page;
  user: TestUser;
}

// A test waits for the server clock while another test has moved it (after-run takes up to 4 minutes): the
// wait is not part of its own timeout.
const CLOCK_WAIT_MS = 300_000;

/**
 * `page` that fails its test on any browser console error, uncaught page error or 5xx answer
 * (the epic-stack habit: a journey that "passes" while the console shows errors has not passed).
 * `newRunner()` opens another browser context with a new signed-in user, watched the same way and
 * closed after the test (a second and a third runner joining the same run, say).
 * `serverClock` moves the server's clock, once every other test has finished, and puts it back after the
 * test; meanwhile no other test starts (see clock.ts).
 */
/** True once React has taken over a server-rendered page (hydrateRoot), or when the page was not server-rendered. */
function appIsLive(): boolean {
  const root = document.getElementById('root');
  return (
    !root?.hasAttribute('data-ssr') || Object.keys(root).some((key) => key.startsWith('__reactContainer'))
  );
}

/**
 * Public pages arrive server-rendered (ADR 023): their buttons do nothing until the app has hydrated them. A
 * journey's `goto` and `reload` (with JavaScript on) wait for that, as a reader's second tap would; a test that
 * looks at the page before it (waitUntil: 'commit') does its own waiting.
 */
function waitForTheApp(page: Page): void {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  // The session's refresh token is rotated on every use. A page left while its start-up refresh is under way may
  // have had the token rotated without storing the new one; the next page presents the old one again, which
  // within 30 s gets the same successor (ADR 027; auth.spec covers it). A reader's second tap comes after the
  // page knows who they are, so a journey's next `goto` waits for that answer too.
  const refreshes = new Set<Request>();
  const isRefresh = (request: Request) => new URL(request.url()).pathname === '/api/auth/refresh';
  page.on('request', (request) => {
    if (isRefresh(request)) refreshes.add(request);
  });
  const settled = (request: Request) => refreshes.delete(request);
  page.on('requestfinished', settled);
  page.on('requestfailed', settled);
  const live = async (waitUntil: string | undefined) => {
    if (waitUntil === 'commit') return;
    await page.waitForFunction(appIsLive);
    await expect.poll(() => refreshes.size, { timeout: 30_000 }).toBe(0);
  };
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await live(options?.waitUntil);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    await live(options?.waitUntil);
    return response;
  };
}

export const test = base.extend<{
  clockLease: ClockLease;
  serverClock: ServerClock;
  blankMapTiles: void;
  failOnBrowserErrors: void;
  newRunner: (overrides?: Partial<Pick<TestUser, 'nickname'>>) => Promise<Runner>;
}>({
  // Declared first and depending on nothing: set up before the other fixtures, torn down after them.
  clockLease: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const lease = await leaseServerClock();
      try {
        await use(lease);
      } finally {
        lease.release();
      }
    },
    { auto: true, timeout: CLOCK_WAIT_MS },
  ],
  serverClock: [
    async ({ clockLease }, use) => {
      await use(await clockLease.takeAlone());
    },
    { timeout: CLOCK_WAIT_MS },
  ],
  blankMapTiles: [
    async ({ context, baseURL }, use) => {
      await serveBlankTiles(context, baseURL);
      await use();
    },
    { auto: true },
  ],
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) waitForTheApp(page);
    await use(page);
  },
  failOnBrowserErrors: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watchBrowserErrors(page, problems);
      await use();
      expect(problems, 'the browser reported errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  newRunner: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    await use(async (overrides = {}) => {
      // Created from the test's `browser`, the context gets the project's options (baseURL, viewport, locale).
      const context = await browser.newContext();
      contexts.push(context);
      await serveBlankTiles(context, baseURL);
      const page = await context.newPage();
      waitForTheApp(page);
      const user = await signUpViaApi(page.request, overrides);
      await onboardViaApi(page.request, user);
      watchBrowserErrors(page, problems, user.nickname);
      return { page, user };
    });
    await Promise.all(contexts.map((context) => context.close()));
    expect(problems, "the other runners' browsers reported errors during the test").toEqual([]);
  },
});
