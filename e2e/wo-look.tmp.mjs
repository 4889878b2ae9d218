import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3310';
const out = '/tmp/wo-shots';
const start = new Date(Date.now() + 50 * 3600_000); start.setUTCMinutes(0, 0, 0);
const end = new Date(start.getTime() + 90 * 60_000);
const runBody = {
  title: '여성 전용 야간 한강 러닝', description: '여성 러너끼리 편하게 달려요.',
  startsAt: start.toISOString(), endsAt: end.toISOString(),
  meetingPlace: { name: '여의나루역 2번 출구', lat: 37.5271, lng: 126.9326 },
  route: [[37.5271, 126.9326], [37.5283, 126.9401], [37.5262, 126.9482]],
  capacity: 8, theme: 'riverside', region: 'seoul', paceSecPerKm: 360, womenOnly: true,
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
async function session(email, viewport) {
  const context = await browser.newContext({ viewport, locale: 'ko-KR' });
  const r = await context.request.post(`${base}/api/auth/login`, { data: { email, password: 'demo-pass-1234' } });
  const { accessToken } = await r.json();
  return { context, token: accessToken };
}
const host = await session('demo@erun.run', { width: 1280, height: 800 });
const h = { Authorization: `Bearer ${host.token}` };
await host.context.request.patch(`${base}/api/me`, { headers: h, data: { gender: 'female' } });
const run = await (await host.context.request.post(`${base}/api/runs`, { headers: h, data: runBody })).json();
console.log('run', run.id, run.womenOnly);
const crewRes = await host.context.request.post(`${base}/api/crews`, { headers: h, data: {
  name: '달빛 여성 러닝크루', description: '여성 러너만 함께해요.', regions: ['seoul'],
  homeSpot: { name: '반포한강공원', lat: 37.5104, lng: 126.9961 }, days: ['TU'], time: '19:30',
  paceRange: null, level: '', beginnerFriendly: true, joinPolicy: 'open', womenOnly: true } });
const crew = await crewRes.json();
console.log('crew', crewRes.status(), crew.id, crew.womenOnly);
for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
  const guest = await session('crew@erun.run', viewport);
  const page = await guest.context.newPage();
  const shot = async (n) => page.screenshot({ path: `${out}/${name}-${n}.png`, fullPage: n !== 'run' });
  await page.goto(`${base}/runs?q=${encodeURIComponent('여성 전용 야간')}`); await page.waitForTimeout(2500); await shot('runs');
  await page.goto(`${base}/runs/${run.id}`); await page.waitForTimeout(2500); await shot('run');
  await page.goto(`${base}/crews/${crew.id}`); await page.waitForTimeout(2500); await shot('crew');
  await page.goto(`${base}/crews?q=${encodeURIComponent('달빛 여성')}`); await page.waitForTimeout(2500); await shot('crews');
  await page.goto(`${base}/me/settings`); await page.waitForTimeout(2500); await shot('settings');
  const hp = await host.context.newPage(); await hp.setViewportSize(viewport);
  await hp.goto(`${base}/runs/${run.id}/edit`); await hp.waitForTimeout(2500);
  const next = hp.getByRole('button', { name: '다음' }); if (await next.count()) { await next.first().click(); await hp.waitForTimeout(1000); }
  await hp.screenshot({ path: `${out}/${name}-form.png`, fullPage: true });
  await hp.goto(`${base}/crews/${crew.id}/edit`); await hp.waitForTimeout(2500);
  await hp.screenshot({ path: `${out}/${name}-crewform.png`, fullPage: true });
  await hp.close(); await guest.context.close();
}
await browser.close();
