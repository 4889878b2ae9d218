import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import {
  expect,
  onboardViaApi,
  PASSWORD,
  signUpViaApi,
  test,
  uniqueEmail,
  uniqueNickname,
  watchBrowserErrors,
} from './fixtures.ts';
import { linkIn, waitForMail } from './mail.ts';
import { dashed, textsTo, uniquePhoneDigits } from './sms.ts';

// Korean texts from apps/web/src/locales/ko.json and extra/{email-verification,password}.ko.json.
const T = {
  signupSubmit: '가입하기',
  agreeAll: '전체 동의',
  emailAvailable: '사용할 수 있는 이메일이에요.',
  email: '이메일',
  password: '비밀번호',
  nickname: '닉네임',
  loginTitle: '로그인',
  onboardingSubmit: '러닝 시작하기',
  level: '5–10회',
  region: '서울',
  accountMenu: (nickname: string) => `${nickname} 님의 계정 메뉴`,
  logout: '로그아웃',
  loggedOut: '로그아웃했어요.',
  invalidCredentials: '이메일 또는 비밀번호가 올바르지 않습니다.',
  verifyBanner: '이메일 인증 안내',
  verifyDone: '이메일 인증이 완료되었어요',
  home: '홈으로',
  forgotLink: '비밀번호를 잊으셨나요?',
  forgotTitle: '비밀번호 찾기',
  byPhone: '휴대폰으로 찾기',
  resetMailSubmit: '재설정 메일 받기',
  resetMailSent: '메일을 확인해 주세요',
  resetTitle: '새 비밀번호 설정',
  newPassword: '새 비밀번호',
  newPasswordConfirm: '새 비밀번호 확인',
  resetSubmit: '비밀번호 바꾸고 로그인',
  resetDone: '비밀번호를 바꿨어요. 다른 기기에서는 모두 로그아웃되었어요.',
  phone: '휴대폰 번호',
  sendCode: '인증번호 받기',
  codeSent: '입력한 번호로 가입된 계정이 있으면 인증번호를 보냈어요.',
  code: '인증번호 6자리',
  phoneSubmit: '비밀번호 바꾸기',
};
// Mail subjects (apps/server/src/modules/mail/templates).
const SUBJECT = {
  verify: '이메일 주소를 인증해 주세요',
  reset: '비밀번호 재설정 안내',
  changed: '비밀번호가 변경되었어요',
};
const NEW_PASSWORD = 'newrun2026?';

/** `E2E_SHOTS_DIR=/some/dir`: full-page screenshots of the account pages, for looking at them. */
const shots = process.env.E2E_SHOTS_DIR;
async function shoot(page: Page, info: TestInfo, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}-${info.project.name}.png`, fullPage: true });
}

const banner = (page: Page) => page.getByRole('banner');
const accountMenu = (page: Page, nickname: string) =>
  banner(page).getByRole('button', { name: T.accountMenu(nickname) });

async function expectSignedIn(page: Page, nickname: string) {
  await expect(accountMenu(page, nickname)).toBeVisible();
  await expect(banner(page).getByRole('link', { name: T.loginTitle })).toHaveCount(0);
}

async function expectSignedOut(page: Page) {
  await expect(banner(page).getByRole('link', { name: T.loginTitle })).toBeVisible();
  await expect(banner(page).getByRole('button', { name: /계정 메뉴$/ })).toHaveCount(0);
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel(T.email, { exact: true }).fill(email);
  await page.getByLabel(T.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: T.loginTitle, exact: true }).click();
}

async function newPasswordTwice(page: Page, password: string) {
  await page.getByLabel(T.newPassword, { exact: true }).fill(password);
  await page.getByLabel(T.newPasswordConfirm, { exact: true }).fill(password);
}

/**
 * The runner's other browser (a second device): its own cookies, watched for browser errors like `page`.
 * A 401 from its refresh once the session is revoked is a 4xx console line, which the watch lets through.
 */
async function otherDevice(
  browser: Browser,
  problems: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  watchBrowserErrors(page, problems, 'other device');
  return { context, page };
}

test('by mail: sign up, verify the address, forget the password, reset it; the other device is signed out', async ({
  page,
  browser,
}, info) => {
  const email = uniqueEmail('reset');
  const nickname = uniqueNickname();
  const problems: string[] = [];
  const other = await otherDevice(browser, problems);

  await test.step('sign up through the form (the address is checked on leaving the field) and onboard', async () => {
    await page.goto('/signup');
    await page.getByLabel(T.email, { exact: true }).fill(email);
    await page.getByLabel(T.password, { exact: true }).focus();
    await expect(page.getByText(T.emailAvailable)).toBeVisible();
    await page.getByLabel(T.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(T.nickname).fill(nickname);
    await page.getByRole('checkbox', { name: T.agreeAll }).check();
    await page.getByRole('button', { name: T.signupSubmit }).click();
    await expect(page).toHaveURL(/\/onboarding$/);
    await page.getByRole('radio', { name: T.level }).check();
    await page.getByRole('checkbox', { name: T.region, exact: true }).check();
    await page.getByRole('button', { name: T.onboardingSubmit }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectSignedIn(page, nickname);
    await expect(page.getByRole('complementary', { name: T.verifyBanner })).toBeVisible();
  });

  await test.step('the mailed link verifies the address; the banner is gone', async () => {
    const mail = await waitForMail(email, (m) => m.subject.includes(SUBJECT.verify));
    await page.goto(linkIn(mail, '/verify-email'));
    await expect(page.getByText(T.verifyDone)).toBeVisible();
    await shoot(page, info, 'verify-email-done');
    await page.getByRole('link', { name: T.home }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectSignedIn(page, nickname);
    await expect(page.getByRole('complementary', { name: T.verifyBanner })).toHaveCount(0);
  });

  await test.step('meanwhile the runner signs in on another device', async () => {
    await other.page.goto('/login');
    await logIn(other.page, email, PASSWORD);
    await expect(other.page).toHaveURL(/\/$/);
    await expectSignedIn(other.page, nickname);
  });

  await test.step('sign out, "비밀번호를 잊으셨나요?", the address, a neutral confirmation', async () => {
    await accountMenu(page, nickname).click();
    await page.getByRole('button', { name: T.logout, exact: true }).click();
    await expect(page.getByText(T.loggedOut)).toBeVisible();
    await page.goto('/login');
    await page.getByRole('link', { name: T.forgotLink }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { level: 1, name: T.forgotTitle })).toBeVisible();
    await shoot(page, info, 'forgot-password');
    await page.getByLabel(T.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: T.resetMailSubmit }).click();
    await expect(page.getByRole('status').getByText(T.resetMailSent)).toBeVisible();
    await shoot(page, info, 'forgot-password-sent');
  });

  await test.step('the mailed link: a new password, twice → signed in', async () => {
    const mail = await waitForMail(email, (m) => m.subject.includes(SUBJECT.reset));
    await page.goto(linkIn(mail, '/reset-password'));
    await expect(page.getByRole('heading', { level: 1, name: T.resetTitle })).toBeVisible();
    await newPasswordTwice(page, NEW_PASSWORD);
    await shoot(page, info, 'reset-password');
    await page.getByRole('button', { name: T.resetSubmit }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText(T.resetDone)).toBeVisible();
    await expectSignedIn(page, nickname);
    await waitForMail(email, (m) => m.subject.includes(SUBJECT.changed));
  });

  await test.step('the other device is signed out: its session was revoked', async () => {
    await other.page.reload();
    await expectSignedOut(other.page);
    await other.page.goto('/me');
    await expect(other.page).toHaveURL(/\/login\?next=%2Fme$/);
  });

  await test.step('the old password no longer signs in; the new one does', async () => {
    await logIn(other.page, email, PASSWORD);
    await expect(other.page.getByRole('alert')).toHaveText(T.invalidCredentials);
    await expectSignedOut(other.page);
    await logIn(other.page, email, NEW_PASSWORD);
    await expect(other.page).toHaveURL(/\/me$/);
    await expectSignedIn(other.page, nickname);
  });

  if (shots) {
    await page.goto('/me/settings');
    await expect(page.getByText(email).first()).toBeVisible({ timeout: 30_000 });
    await shoot(page, info, 'settings');
  }
  await other.context.close();
  expect(problems, "the other device's browser reported errors").toEqual([]);
});

test('by phone code: a runner with a verified number resets the password; the other device is signed out', async ({
  page,
  context,
  browser,
  serverClock,
}) => {
  // The server texts at most 5 codes an hour to one address (phone.service.ts), and every test calls from
  // loopback: this runner comes through the (trusted, loopback) proxy from an address of its own.
  const ip = { 'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(1, 255)}` };
  await context.setExtraHTTPHeaders(ip);
  const problems: string[] = [];
  const other = await otherDevice(browser, problems, { extraHTTPHeaders: ip });
  const digits = uniquePhoneDigits();

  // The other device signs up (its cookie keeps it signed in) and verifies the number through the API.
  const user = await signUpViaApi(other.page.request);
  await onboardViaApi(other.page.request, user);
  const auth = { authorization: `Bearer ${user.accessToken}` };
  const sent = await other.page.request.post('/api/me/phone/verification', {
    headers: auth,
    data: { phone: digits },
  });
  expect(sent.status(), await sent.text()).toBe(202);
  await expect.poll(() => textsTo(digits).length).toBe(1);
  const verifyCode = /인증번호 (\d{6})/.exec(textsTo(digits)[0] ?? '')?.[1];
  const confirmed = await other.page.request.post('/api/me/phone/verification/confirm', {
    headers: auth,
    data: { phone: digits, code: verifyCode },
  });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  await other.page.goto('/');
  await expect(accountMenu(other.page, user.nickname)).toBeVisible();

  // One code a minute per account, whatever it is for: the number was verified just now, so the reset comes a
  // minute later (the test runs alone while the server's clock is moved).
  serverClock.moveTo(Date.now() + 61_000);

  await test.step('/forgot-password → 휴대폰으로 찾기 → the number → the texted code → a new password', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: T.forgotLink }).click();
    await page.getByRole('tab', { name: T.byPhone }).click();
    await page.getByLabel(T.phone).fill(dashed(digits));
    await page.getByRole('button', { name: T.sendCode }).click();
    await expect(page.getByText(T.codeSent)).toBeVisible();
    await expect.poll(() => textsTo(digits).length).toBe(2);
    const code = /인증번호 (\d{6})/.exec(textsTo(digits)[1] ?? '')?.[1] ?? '';
    await page.getByLabel(T.code).fill(code);
    await newPasswordTwice(page, NEW_PASSWORD);
    await page.getByRole('button', { name: T.phoneSubmit }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText(T.resetDone)).toBeVisible();
    await expectSignedIn(page, user.nickname);
  });

  await test.step('the other device is signed out; the new password signs in', async () => {
    await other.page.reload();
    await expectSignedOut(other.page);
    await other.page.goto('/login');
    await logIn(other.page, user.email, user.password);
    await expect(other.page.getByRole('alert')).toHaveText(T.invalidCredentials);
    await logIn(other.page, user.email, NEW_PASSWORD);
    await expect(other.page).toHaveURL(/\/$/);
    await expectSignedIn(other.page, user.nickname);
  });

  await other.context.close();
  expect(problems, "the other device's browser reported errors").toEqual([]);
});
