import { randomBytes } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type ConsoleMessage } from '@playwright/test';

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
  const response = await request.post('/api/auth/signup', { data });
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

// A 4xx answer is part of ordinary flows (signed-out session check, wrong password, invalid form), and
// Chromium logs each one as a console error: those are not bugs. Everything else is.
const EXPECTED_RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/;

function describe(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return `${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
}

/**
 * `page` that fails its test on any browser console error, uncaught page error or 5xx answer
 * (the epic-stack habit: a journey that "passes" while the console shows errors has not passed).
 */
export const test = base.extend<{ failOnBrowserErrors: void }>({
  failOnBrowserErrors: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error' || EXPECTED_RESOURCE_ERROR.test(message.text())) return;
        problems.push(`console error: ${describe(message)}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 500) {
          problems.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
        }
      });
      await use();
      expect(problems, 'the browser reported errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});
