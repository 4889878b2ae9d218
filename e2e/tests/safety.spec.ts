import {
  expect,
  onboardViaApi,
  PASSWORD,
  signUpViaApi,
  test as base,
  uniqueEmail,
  uniqueNickname,
} from './fixtures.ts';
import { privateServer, type PrivateServer } from './private-server.ts';
import { createRunViaApi } from './runs.ts';

// Korean texts from apps/web/src/locales (reports, blocks, moderation, safety-errors, ko.json).
const T = {
  report: '신고하기',
  reportTitle: '이 댓글 신고하기',
  harassment: '괴롭힘·욕설',
  reported: '신고가 접수됐어요',
  ok: '확인',
  block: (nickname: string) => `${nickname} 님 차단하기`,
  blockTitle: (nickname: string) => `${nickname} 님을 차단할까요?`,
  blockConfirm: '차단하기',
  blocked: (nickname: string) => `${nickname} 님을 차단했어요.`,
  folded: '차단한 사용자의 댓글이에요',
  joinPanel: '참여',
  join: '참여하기',
  joinRefused: '이 러닝에는 참여할 수 없어요.',
  queue: '신고 대기열',
  reviewed: '처리한 신고',
  hide: '숨기기',
  suspend: '작성자 이용 제한',
  days: '제한 기간(일, 1–365)',
  reason: '사유',
  decide: '조치하기',
  audit: '감사 로그',
  hiddenForOthers: '신고가 누적되어 숨겨진 댓글이에요',
  restricted: /이용이 제한된 계정이에요/,
};

const ABUSE = '너 같은 사람은 러닝하지 마라 진짜';

/**
 * The app on its own port and embedded database, with a moderator granted by the command line: the data
 * folder belongs to one process, so (as an operator would) the server is stopped, `npm run admin -- grant` run,
 * and the server started again.
 */
const test = base.extend<object, { moderation: { server: PrivateServer; email: string; nickname: string } }>({
  moderation: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, workerInfo) => {
      const port = Number(process.env.E2E_PORT ?? 3100) + 40 + workerInfo.parallelIndex;
      const server = privateServer(port);
      try {
        await server.start();
        const email = uniqueEmail('moderator');
        const nickname = uniqueNickname();
        const signup = await fetch(`${server.baseURL}/api/auth/signup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email,
            password: PASSWORD,
            nickname,
            consents: { terms: true, privacy: true, age14: true },
          }),
        });
        expect(signup.status).toBe(201);
        const { accessToken } = (await signup.json()) as { accessToken: string };
        const onboard = await fetch(`${server.baseURL}/api/me`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({
            runningLevel: '5to10',
            preferredRegions: ['seoul'],
            preferredDistance: '5to10',
            bio: '',
          }),
        });
        expect(onboard.status).toBe(200);
        // While the server runs, the command refuses and says why.
        const refused = await server.admin('grant', email, 'moderator');
        expect(refused.code).not.toBe(0);
        expect(refused.output).toMatch(/서버|server/i);
        await server.stop();
        const granted = await server.admin('grant', email, 'moderator');
        expect(granted.code, granted.output).toBe(0);
        await server.start();
        await use({ server, email, nickname });
      } finally {
        await server.dispose();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  baseURL: async ({ moderation }, use) => use(moderation.server.baseURL),
});

test('a runner reports and blocks an abusive commenter; a moderator hides the comment and suspends its author', async ({
  page,
  browser,
  newRunner,
  moderation,
}, info) => {
  test.setTimeout(120_000);
  const shots = process.env.E2E_SHOTS_DIR;
  const host = await signUpViaApi(page.request);
  await onboardViaApi(page.request, host);
  const run = await createRunViaApi(page.request, host, {
    title: '한강 저녁 10K',
    theme: 'riverside',
    region: 'seoul',
    start: '19:30',
    end: '20:30',
    capacity: 8,
  });
  const author = await newRunner();
  const posted = await author.page.request.post(`/api/runs/${run.id}/comments`, {
    headers: { authorization: `Bearer ${author.user.accessToken}` },
    data: { content: ABUSE },
  });
  expect(posted.status()).toBe(201);

  await test.step('the host reports the comment and is thanked', async () => {
    await page.goto(`/runs/${run.id}`);
    const comment = page.getByRole('article').filter({ hasText: ABUSE });
    await comment.getByRole('button', { name: T.report }).click();
    const dialog = page.getByRole('dialog', { name: T.reportTitle });
    await dialog.getByRole('radio', { name: T.harassment }).check();
    await dialog.getByRole('button', { name: T.report }).click();
    await expect(page.getByText(T.reported)).toBeVisible();
    if (shots) await page.screenshot({ path: `${shots}/safety-reported-${info.project.name}.png` });
    await page.getByRole('button', { name: T.ok }).click();
  });

  await test.step('and blocks its author, whose comment is then folded', async () => {
    await page.goto(`/users/${author.user.userId}`);
    await page.getByRole('button', { name: T.block(author.user.nickname) }).click();
    const confirm = page.getByRole('dialog', { name: T.blockTitle(author.user.nickname) });
    await confirm.getByRole('button', { name: T.blockConfirm }).click();
    await expect(page.getByText(T.blocked(author.user.nickname))).toBeVisible();
    await page.goto(`/runs/${run.id}`);
    await expect(page.getByText(T.folded)).toBeVisible();
  });

  await test.step('the author cannot join the blocker’s run', async () => {
    await author.page.goto(`/runs/${run.id}`);
    const panel = author.page.getByRole('region', { name: T.joinPanel, exact: true });
    await panel.getByRole('button', { name: T.join }).click();
    await expect(author.page.getByText(T.joinRefused)).toBeVisible();
    const seats = await author.page.request.get(`/api/runs/${run.id}`, {
      headers: { authorization: `Bearer ${author.user.accessToken}` },
    });
    expect(((await seats.json()) as { joinState: string }).joinState).not.toBe('joined');
  });

  const context = await browser.newContext();
  const mod = await context.newPage();
  try {
    const login = await mod.request.post('/api/auth/login', {
      data: { email: moderation.email, password: PASSWORD },
    });
    expect(login.status()).toBe(200);

    await test.step('the moderator hides the comment from the queue', async () => {
      await mod.goto('/admin');
      const queue = mod.getByRole('region', { name: T.queue });
      const card = queue.getByRole('article').filter({ hasText: ABUSE });
      await expect(card).toBeVisible({ timeout: 30_000 });
      await expect(card.getByText(T.harassment)).toBeVisible();
      if (shots)
        await mod.screenshot({ path: `${shots}/safety-queue-${info.project.name}.png`, fullPage: true });
      await card.getByRole('radio', { name: T.hide }).check();
      await card.getByLabel(T.reason).fill('욕설과 인신공격');
      await card.getByRole('button', { name: T.decide }).click();
      await expect(card).toHaveCount(0);
    });

    await test.step('then suspends its author for 7 days; the audit log shows both', async () => {
      const queue = mod.getByRole('region', { name: T.queue });
      await queue.getByRole('radio', { name: T.reviewed }).check();
      const card = queue.getByRole('article').filter({ hasText: ABUSE });
      await card.getByRole('radio', { name: T.suspend }).check();
      await card.getByLabel(T.days).fill('7');
      await card.getByLabel(T.reason).fill('반복된 욕설');
      await card.getByRole('button', { name: T.decide }).click();
      const audit = mod.getByRole('region', { name: T.audit });
      await expect(audit.getByRole('listitem').filter({ hasText: '반복된 욕설' })).toContainText('이용 제한');
      await expect(audit.getByRole('listitem').filter({ hasText: '욕설과 인신공격' })).toContainText('숨김');
      if (shots)
        await mod.screenshot({ path: `${shots}/safety-audit-${info.project.name}.png`, fullPage: true });
    });
  } finally {
    await context.close();
  }

  await test.step('the reporter no longer sees the comment', async () => {
    await page.reload();
    await expect(page.getByText(T.hiddenForOthers)).toBeVisible();
    await expect(page.getByText(ABUSE)).toHaveCount(0);
  });

  await test.step('the suspended author reads, is told why, and cannot post', async () => {
    await author.page.goto(`/runs/${run.id}`);
    await expect(author.page.getByText(T.restricted).first()).toBeVisible();
    await expect(author.page.getByText('반복된 욕설').first()).toBeVisible();
    await expect(author.page.getByRole('heading', { name: '한강 저녁 10K' })).toBeVisible();
    if (shots) await author.page.screenshot({ path: `${shots}/safety-suspended-${info.project.name}.png` });
    const again = await author.page.request.post(`/api/runs/${run.id}/comments`, {
      headers: { authorization: `Bearer ${author.user.accessToken}` },
      data: { content: '다시 씀' },
    });
    expect(again.status()).toBe(403);
    expect(((await again.json()) as { code: string }).code).toBe('ACCOUNT_SUSPENDED');
  });
});
