import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type SharpType from 'sharp';
import { DESKTOP, PHONE } from '../viewports.ts';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { makePng } from './png.ts';
import { createRunViaApi, drawRoute, seoulDay, uploadPhotoViaApi } from './runs.ts';

// Run by `npm run screenshots` only (the `screenshots` project): refreshes the images under docs/screenshots/.
const OUT = path.resolve(import.meta.dirname, '../../docs/screenshots');
// sharp is the server's dependency; borrowing it keeps e2e free of a second copy. Palette PNGs are about
// a quarter of the size of Chromium's and look the same on flat pages.
const sharp = createRequire(path.resolve(import.meta.dirname, '../../apps/server/package.json'))(
  'sharp',
) as typeof SharpType;

async function shoot(page: Page, name: string, size: 'phone' | 'desktop') {
  // Fonts and images settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  const png = await page.screenshot({
    animations: 'disabled',
    caret: 'hide',
  });
  // The home page's hero is a large gradient, which a palette turns into bands or speckles: keep it lossless.
  const options = name.startsWith('home')
    ? { compressionLevel: 9, effort: 10 }
    : { palette: true, quality: 90, effort: 10 };
  const small = await sharp(png).png(options).toBuffer();
  await writeFile(path.join(OUT, `${name}-${size}.png`), small);
}

/** A photo-like picture for the runs (a sunset over the river), drawn as SVG and turned into a PNG. */
function riverPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f6a37b"/><stop offset="0.6" stop-color="#c98bb9"/><stop offset="1" stop-color="#7c7ef0"/>
    </linearGradient>
    <linearGradient id="water" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5a5fc8"/><stop offset="1" stop-color="#262a6b"/>
    </linearGradient>
  </defs>
  <rect width="960" height="640" fill="url(#sky)"/>
  <circle cx="690" cy="210" r="70" fill="#fff1c9"/>
  <path d="M0 380 L120 350 L200 365 L330 330 L420 350 L560 320 L700 345 L820 330 L960 350 L960 420 L0 420 Z" fill="#4b3f7a" opacity="0.7"/>
  <rect y="410" width="960" height="230" fill="url(#water)"/>
  <path d="M600 440 h180 M630 475 h120 M650 510 h80" stroke="#fff1c9" stroke-width="6" stroke-linecap="round" opacity="0.6"/>
  <path d="M0 560 C 200 520, 420 600, 960 540 L960 640 L0 640 Z" fill="#1b1f52"/>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const SIZES = [
  { size: 'phone', use: { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } },
  { size: 'desktop', use: { viewport: DESKTOP, deviceScaleFactor: 1 } },
] as const;

for (const { size, use } of SIZES) {
  test.describe(size, () => {
    test.use(use);

    test('signed-out pages', async ({ page }) => {
      for (const [route, name] of [
        ['/', 'home-signed-out'],
        ['/login', 'login'],
        ['/signup', 'signup'],
      ] as const) {
        await page.goto(route);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await shoot(page, name, size);
      }
    });

    test('run pages', async ({ page, newRunner }) => {
      test.setTimeout(120_000);
      const host = (await newRunner({ nickname: '한강러너' })).user;
      const runner = await signUpViaApi(page.request, { nickname: '부산갈매기' });
      await onboardViaApi(page.request, runner);
      // A few runs of different looks: a photo, theme pictures, a full one with a waitlist.
      const picture = await riverPhoto();
      const photo = await uploadPhotoViaApi(page.request, host, picture);
      const runs = [
        { title: '한강 새벽런 10K', theme: 'riverside', start: '06:00', end: '07:30', capacity: 10 },
        { title: '여의도 공원 저녁 조깅', theme: 'park', start: '19:30', end: '20:30', capacity: 2 },
        { title: '반포 야간 인터벌', theme: 'track', start: '21:00', end: '22:00', capacity: 8 },
        { title: '남산 둘레길 언덕런', theme: 'mountain', start: '07:00', end: '08:30', capacity: 6 },
      ];
      // Each size's runs on days of their own, and the list filtered to them (both sizes share one database).
      const firstDay = size === 'phone' ? 2 : 9;
      const ids: string[] = [];
      for (const [index, run] of runs.entries()) {
        const created = await createRunViaApi(page.request, host, {
          ...run,
          region: 'seoul',
          inDays: firstDay + index,
          paceSecPerKm: 330,
          description: '한강을 따라 편하게 달려요. 처음 오셔도 괜찮아요!',
          photoIds: index === 0 ? [photo.id] : [],
        });
        ids.push(created.id);
      }
      const join = (id: string, accessToken: string) =>
        page.request.post(`/api/runs/${id}/participants`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
      expect((await join(ids[0] ?? '', runner.accessToken)).status()).toBe(201);
      expect((await join(ids[1] ?? '', runner.accessToken)).status()).toBe(201);

      await page.goto(
        `/runs?region=seoul&theme=riverside,park,track&from=${seoulDay(firstDay)}&to=${seoulDay(firstDay + 3)}`,
      );
      await expect(page.getByRole('link', { name: '한강 새벽런 10K' })).toBeVisible();
      await expect(page.getByRole('link', { name: '반포 야간 인터벌' })).toBeVisible();
      await shoot(page, 'runs', size);

      await page.goto(`/runs/${ids[0]}`);
      await expect(page.getByRole('heading', { level: 1, name: '한강 새벽런 10K' })).toBeVisible();
      await expect(page.getByText('참여 중이에요', { exact: true })).toBeVisible();
      await expect(page.locator('.leaflet-container')).toBeVisible();
      await shoot(page, 'run-detail', size);

      await page.goto('/runs/new');
      await drawRoute(page, [
        [0.2, 0.7],
        [0.35, 0.55],
        [0.5, 0.5],
        [0.65, 0.35],
        [0.8, 0.25],
      ]);
      await page.getByLabel('모이는 곳 이름').fill('여의나루역 2번 출구');
      await shoot(page, 'run-new-course', size);
      if (size !== 'phone') return;
      await page.getByRole('button', { name: '다음' }).click();
      await page.getByLabel('그룹 러닝 이름').fill('토요일 아침 한강 10K');
      await page.getByLabel('날짜', { exact: true }).fill(seoulDay(4));
      await page.getByLabel('출발 시간').fill('07:00');
      await page.getByLabel('종료 예정 시간').fill('08:30');
      await page.getByLabel('모집 인원').fill('8');
      await page.getByRole('radio', { name: '강변', exact: true }).check();
      await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
      await shoot(page, 'run-new-details', size);
      await page.getByRole('button', { name: '다음' }).click();
      await page.getByLabel('사진 추가 (최대 5장)').setInputFiles({
        name: 'hangang.png',
        mimeType: 'image/png',
        buffer: picture,
      });
      await expect(page.getByRole('img', { name: '1번째 사진' })).toBeVisible();
      await shoot(page, 'run-new-photos', size);
    });

    test('signed-in pages', async ({ page }) => {
      const user = await signUpViaApi(page.request, { nickname: '한강러너' });
      await page.goto('/');
      await expect(page).toHaveURL(/\/onboarding$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, 'onboarding', size);

      await onboardViaApi(page.request, user);
      const upload = await page.request.post('/api/uploads?purpose=avatar', {
        headers: { authorization: `Bearer ${user.accessToken}` },
        multipart: { file: { name: 'avatar.png', mimeType: 'image/png', buffer: makePng(256) } },
      });
      expect(upload.status(), await upload.text()).toBe(201);
      const { id } = (await upload.json()) as { id: string };
      const patch = await page.request.patch('/api/me', {
        headers: { authorization: `Bearer ${user.accessToken}` },
        data: { avatarId: id, bio: '주말 아침 한강을 달려요', preferredRegions: ['seoul', 'gyeonggi'] },
      });
      expect(patch.status(), await patch.text()).toBe(200);

      await page.goto('/');
      await expect(page.getByText('한강러너 님, 오늘도 함께 달려볼까요?')).toBeVisible();
      await shoot(page, 'home', size);
      await page.goto('/me');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shoot(page, 'me', size);
    });
  });
}
