import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type SharpType from 'sharp';
import { DESKTOP, PHONE } from '../viewports.ts';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { makePng } from './png.ts';

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
