import { randomBytes } from 'node:crypto';
import type { Page, WebSocket, WebSocketRoute } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { createRunViaApi } from './runs.ts';

// Issue 5's group chat: the host and a runner who joined talk live from two browsers; a stranger is kept out.
// Korean texts from apps/web/src/locales/extra/chat.ko.json.
const T = {
  openChat: '채팅방',
  live: '실시간으로 대화 중',
  offline: '연결이 끊겼어요. 다시 연결하는 중…',
  message: '메시지',
  send: '보내기',
  log: (title: string) => `${title} 채팅 메시지`,
  notMember: '채팅방에 들어갈 수 없어요',
  back: '러닝 보러 가기',
  empty: '아직 메시지가 없어요. 먼저 인사를 건네 보세요!',
  unread: '여기까지 읽었어요',
  tooLong: '1000자까지 보낼 수 있어요',
  sending: '보내는 중…',
};

const uniqueTitle = (base: string) => `${base} ${randomBytes(2).toString('hex')}`;

function chatLog(page: Page, title: string) {
  return page.getByRole('log', { name: T.log(title) });
}

/** The socket.io connections `page` has open, and the most it ever had open at once. */
function countSockets(page: Page) {
  const open = new Set<WebSocket>();
  const counts = { open, peak: 0 };
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.startsWith('/socket.io/')) return;
    open.add(ws);
    counts.peak = Math.max(counts.peak, open.size);
    ws.on('close', () => open.delete(ws));
  });
  return counts;
}

/** Passes `page`'s socket.io connections through, so that the test can drop one and hold back reconnecting. */
async function controlSockets(page: Page) {
  let current: WebSocketRoute | null = null;
  let held = false;
  await page.routeWebSocket(/\/socket\.io\//, async (ws) => {
    if (held) return ws.close(); // as if the network were still down
    ws.connectToServer();
    current = ws;
  });
  return {
    async drop() {
      held = true;
      await current?.close();
    },
    release() {
      held = false;
    },
  };
}

async function say(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: T.message, exact: true });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
  // Sent, not only shown: the optimistic copy is replaced once the server has stored it.
  await expect(page.getByText(T.sending)).toHaveCount(0, { timeout: 30_000 });
}

test('host and runner chat live; a stranger sees why they cannot enter', async ({
  page,
  newRunner,
}, testInfo) => {
  test.setTimeout(300_000);
  const host = await signUpViaApi(page.request, { nickname: '크루장' });
  await onboardViaApi(page.request, host);
  const title = uniqueTitle('새벽 한강런');
  const run = await createRunViaApi(page.request, host, {
    title,
    theme: 'riverside',
    region: 'seoul',
    start: '06:30',
    end: '07:40',
    capacity: 5,
  });
  const runner = await newRunner();
  const joined = await runner.page.request.post(`/api/runs/${run.id}/participants`, {
    headers: { authorization: `Bearer ${runner.user.accessToken}` },
  });
  expect(joined.status()).toBe(201);

  const hostSockets = countSockets(page);
  const hostNetwork = await controlSockets(page);
  await test.step('the host opens the chat from the run page', async () => {
    await page.goto(`/runs/${run.id}`);
    await page.getByRole('link', { name: T.openChat }).click();
    await expect(page).toHaveURL(`/runs/${run.id}/chat`);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText(T.empty)).toBeVisible();
    await expect(page.getByText(T.live)).toBeVisible({ timeout: 30_000 });
    // The chat rides on the app's one socket (notifications, run pages) instead of opening its own.
    expect(hostSockets.open.size).toBe(1);
    expect(hostSockets.peak).toBe(1);
  });

  await test.step('the runner opens it too', async () => {
    await runner.page.goto(`/runs/${run.id}`);
    await runner.page.getByRole('link', { name: T.openChat }).click();
    await expect(runner.page.getByText(T.live)).toBeVisible({ timeout: 30_000 });
  });

  await test.step("the runner's message appears on the host's screen live, and back", async () => {
    await say(runner.page, '안녕하세요! 내일 6시 반 맞죠?');
    await expect(chatLog(page, title).getByText('안녕하세요! 내일 6시 반 맞죠?')).toBeVisible();
    await expect(chatLog(page, title).getByText(runner.user.nickname)).toBeVisible();

    await say(page, '네, 여의나루역 2번 출구에서 봬요\n지도 https://example.com/map');
    const reply = chatLog(runner.page, title).getByText('네, 여의나루역 2번 출구에서 봬요');
    await expect(reply).toBeVisible();
    const link = chatLog(runner.page, title).getByRole('link', { name: 'https://example.com/map' });
    await expect(link).toHaveAttribute('rel', /noopener/);
    // Markup is shown as typed, never run.
    await say(runner.page, '<b>굵게</b> 아니에요');
    await expect(chatLog(page, title).getByText('<b>굵게</b> 아니에요')).toBeVisible();
  });

  await test.step('after a dropped connection the host catches up on what was said and stays live', async () => {
    await hostNetwork.drop();
    await expect(page.getByText(T.offline)).toBeVisible();
    await say(runner.page, '연결 끊긴 사이에 보낸 메시지');
    hostNetwork.release();
    await expect(page.getByText(T.live)).toBeVisible({ timeout: 30_000 });
    await expect(chatLog(page, title).getByText('연결 끊긴 사이에 보낸 메시지')).toBeVisible();
    await say(runner.page, '다시 연결된 뒤의 메시지');
    await expect(chatLog(page, title).getByText('다시 연결된 뒤의 메시지')).toBeVisible();
    expect(hostSockets.open.size).toBe(1);
    expect(hostSockets.peak).toBe(1);
  });

  await test.step('the composer counts toward the limit and refuses more', async () => {
    const box = page.getByRole('combobox', { name: T.message, exact: true });
    await box.fill('가'.repeat(1001));
    await expect(page.getByText(T.tooLong)).toBeVisible();
    await expect(page.getByRole('button', { name: T.send, exact: true })).toBeDisabled();
    await box.fill('');
  });

  await test.step('coming back later, the unread line shows where the runner stopped', async () => {
    await runner.page.goto(`/runs/${run.id}`);
    await say(page, '내일 비 소식 있어요, 우비 챙기세요');
    await runner.page.goto(`/runs/${run.id}/chat`);
    await expect(runner.page.getByText(T.unread)).toBeVisible({ timeout: 30_000 });
  });

  await page.screenshot({ path: testInfo.outputPath('chat-host.png') });
  await runner.page.screenshot({ path: testInfo.outputPath('chat-runner.png') });

  await test.step('a stranger gets the explanation instead of the chat', async () => {
    const stranger = await newRunner();
    await stranger.page.goto(`/runs/${run.id}`);
    await expect(stranger.page.getByRole('heading', { name: title })).toBeVisible({ timeout: 30_000 });
    await expect(stranger.page.getByRole('link', { name: T.openChat })).toHaveCount(0);
    await stranger.page.goto(`/runs/${run.id}/chat`);
    await expect(stranger.page.getByText(T.notMember)).toBeVisible({ timeout: 30_000 });
    await expect(stranger.page.getByRole('link', { name: T.back })).toHaveAttribute(
      'href',
      `/runs/${run.id}`,
    );
    await stranger.page.screenshot({ path: testInfo.outputPath('chat-stranger.png') });
  });
});

test('a signed-out visitor is sent to log in', async ({ page, request }) => {
  const host = await signUpViaApi(request);
  const run = await createRunViaApi(request, host, {
    title: uniqueTitle('로그인 필요'),
    theme: 'park',
    region: 'seoul',
    start: '19:00',
    end: '20:00',
    capacity: 3,
  });
  await page.goto(`/runs/${run.id}/chat`);
  await expect(page).toHaveURL(/\/login\?next=/);
});
