import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';

// Korean texts from apps/web/src/locales/extra/account.ko.json.
const T = {
  methods: '로그인 방법',
  emailOn: (email: string) => `${email} · 비밀번호로 로그인해요`,
  download: '내 데이터 내려받기',
  downloaded: '내 데이터 파일을 내려받았어요.',
  deleteButton: '회원 탈퇴',
  dialogTitle: '정말 탈퇴할까요?',
  passwordLabel: '확인을 위해 비밀번호를 입력해 주세요',
  confirm: '탈퇴하기',
  wrongPassword: '비밀번호가 올바르지 않아요.',
  done: '탈퇴했어요. 그동안 함께 달려 주셔서 고마워요.',
  login: '로그인',
};

const shots = process.env.E2E_SHOTS_DIR;

test('settings: sign-in methods, data download, and deleting the account signs out for good', async ({
  page,
}, info) => {
  const user = await signUpViaApi(page.request);
  await onboardViaApi(page.request, user);
  await page.goto('/me/settings');
  await expect(page.getByRole('heading', { name: T.methods })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(T.emailOn(user.email))).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/settings-${info.project.name}.png`, fullPage: true });

  // Download: a JSON file named for today, with my email in it.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: T.download }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^erun-export-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const data = JSON.parse(await readFile(path, 'utf8')) as { profile: { email: string } };
  expect(data.profile.email).toBe(user.email);
  await expect(page.getByText(T.downloaded)).toBeVisible();

  // Delete: explained, confirmed with the password; a wrong one changes nothing.
  await page.getByRole('button', { name: T.deleteButton }).click();
  const dialog = page.getByRole('dialog', { name: T.dialogTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('탈퇴한 사용자')).toBeVisible();
  const confirm = dialog.getByRole('button', { name: T.confirm });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(T.passwordLabel).fill('not-my-password');
  await confirm.click();
  await expect(dialog.getByText(T.wrongPassword)).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/delete-${info.project.name}.png` });
  await dialog.getByLabel(T.passwordLabel).fill(user.password);
  await confirm.click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(T.done)).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: T.login })).toBeVisible();
  // Gone for good: a reload stays signed out, the password no longer works.
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: T.login })).toBeVisible();
  const login = await page.request.post('/api/auth/login', {
    data: { email: user.email, password: user.password },
  });
  expect(login.status()).toBe(401);
});

test('badge artwork is served for every badge', async ({ page }, info) => {
  const codes = [
    'first_run',
    'runs_5',
    'runs_25',
    'runs_100',
    'first_hosted',
    'hosted_10',
    'km_100',
    'all_themes',
    'dawn_5',
    'night_5',
    'no_show_free_10',
    'top_host',
  ];
  for (const code of codes) {
    const response = await page.request.get(`/badges/${code}.svg`);
    expect(response.status(), code).toBe(200);
    expect(await response.text()).toContain('<title');
  }
  if (shots && info.project.name === 'desktop') {
    await page.goto('/'); // same origin: the badges are served same-origin only
    await page.setContent(
      `<body style="margin:16px;display:flex;flex-wrap:wrap;gap:12px">${codes
        .map((c) => `<img src="/badges/${c}.svg" width="96" height="96" alt="${c}">`)
        .join('')}</body>`,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}/badges.png` });
  }
});
