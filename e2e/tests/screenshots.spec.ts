import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIResponse, Page } from '@playwright/test';
import type SharpType from 'sharp';
import { DESKTOP, PHONE } from '../viewports.ts';
import { expect, onboardViaApi, signUpViaApi, test } from './fixtures.ts';
import { makePng } from './png.ts';
import { createRunViaApi, drawRoute, seoulDay, uploadPhotoViaApi } from './runs.ts';
import { daysUntil } from './crews.ts';

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

/** A crew logo: a crescent moon over the river, drawn as SVG (no text: the renderer may lack Korean fonts). */
function crewLogo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" fill="#262a6b"/>
  <circle cx="128" cy="110" r="62" fill="#fff1c9"/><circle cx="156" cy="92" r="56" fill="#262a6b"/>
  <path d="M36 190 h184 M64 214 h128" stroke="#7c7ef0" stroke-width="10" stroke-linecap="round"/>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const BANPO = { name: '반포한강공원 달빛광장', lat: 37.5104, lng: 126.9961 };
const BANPO_ROUTE = [
  [37.5102, 126.996],
  [37.5095, 127.005],
  [37.512, 127.014],
];

/** The crews of the list: the first is the crew page's; each size has its own (one database, unique names). */
const CREWS = {
  phone: [
    { name: '반포 달빛러너스', region: 'seoul', days: ['TU', 'TH'], time: '19:30', level: '초보 환영' },
    {
      name: '여의도 새벽질주',
      region: 'seoul',
      days: ['MO', 'WE', 'FR'],
      time: '06:00',
      level: '서브4 목표',
    },
    { name: '광안리 바다런', region: 'busan', days: ['SA'], time: '07:00', level: '누구나' },
  ],
  desktop: [
    { name: '뚝섬 노을러너스', region: 'seoul', days: ['TU', 'TH'], time: '19:30', level: '초보 환영' },
    { name: '서울숲 모닝런', region: 'seoul', days: ['SA', 'SU'], time: '07:00', level: '천천히 꾸준히' },
    { name: '수성못 한바퀴', region: 'daegu', days: ['WE'], time: '20:30', level: '10km 완주' },
  ],
} as const;

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

    test('crew pages', async ({ page, request }) => {
      test.setTimeout(120_000);
      const as = (user: { accessToken: string }) => ({ authorization: `Bearer ${user.accessToken}` });
      const ok = async (response: APIResponse, status = 201) => {
        expect(response.status(), await response.text()).toBe(status);
        return response.json() as Promise<{ id: string }>;
      };
      // The crew page's owner, a staff member, a few members; the page's viewer is a member too.
      const owner = await signUpViaApi(request, { nickname: '노을러닝크루' });
      const staff = await signUpViaApi(request, { nickname: '새벽페이서' });
      const others = [];
      for (const nickname of ['바다거북이', '강변치타', '산들바람']) {
        const user = await signUpViaApi(request, { nickname });
        await onboardViaApi(request, user);
        others.push(user);
      }
      for (const user of [owner, staff]) await onboardViaApi(request, user);
      const viewer = await signUpViaApi(page.request, { nickname: '한강러너' });
      // The viewer has put the "verify your address" banner away for this session.
      await page.addInitScript(() => sessionStorage.setItem('erun.verifyBanner.dismissed', '1'));
      await onboardViaApi(page.request, viewer);

      const cover = await uploadPhotoViaApi(request, owner, await riverPhoto());
      const logo = await uploadPhotoViaApi(request, owner, await crewLogo());
      const crewIds: string[] = [];
      for (const [index, crew] of CREWS[size].entries()) {
        const created = await ok(
          await request.post('/api/crews', {
            headers: as(owner),
            data: {
              name: crew.name,
              description:
                '매주 정해진 요일에 모여 5~7km를 함께 달려요. 처음 오셔도 페이스 맞춰 드려요. 러닝 후 가볍게 스트레칭하고 헤어져요.',
              regions: [crew.region],
              homeSpot: BANPO,
              days: crew.days,
              time: crew.time,
              paceRange: { min: 330, max: 420 },
              level: crew.level,
              beginnerFriendly: crew.level === '초보 환영',
              joinPolicy: 'open',
              autoMemberAfter: index === 0 ? 3 : null,
              ...(index === 0 ? { logoId: logo.id, coverId: cover.id } : {}),
            },
          }),
        );
        crewIds.push(created.id);
        // Fewer members further down the list (it is sorted by activity, then members).
        for (const user of [staff, ...others].slice(0, 4 - index))
          await ok(await request.post(`/api/crews/${created.id}/members`, { headers: as(user), data: {} }));
      }
      const crewId = crewIds[0] ?? '';
      await ok(await page.request.post(`/api/crews/${crewId}/members`, { headers: as(viewer), data: {} }));
      await ok(
        await request.patch(`/api/crews/${crewId}/members/${staff.userId}`, {
          headers: as(owner),
          data: { role: 'staff' },
        }),
        200,
      );
      await ok(
        await request.post(`/api/crews/${crewId}/announcements`, {
          headers: as(staff),
          data: {
            title: '12월 송년런 안내',
            content:
              '12월 마지막 목요일은 송년런이에요. 러닝 후 근처에서 함께 저녁 먹어요. 참석 여부는 댓글로 알려 주세요!',
            pinned: true,
          },
        }),
      );
      // The crew's 정기런 from next Tuesday: 매주 화·목 19:30, open to all with five guest seats.
      const { series, occurrences } = (await ok(
        await request.post('/api/series', {
          headers: as(owner),
          data: {
            template: {
              title: '화목 반포 달빛 정기런',
              description:
                '매주 화요일과 목요일 저녁, 달빛광장에서 모여 5~7km를 함께 달려요. 게스트도 환영해요!',
              meetingPlace: BANPO,
              route: BANPO_ROUTE,
              capacity: 20,
              theme: 'riverside',
              region: 'seoul',
              paceSecPerKm: 390,
              durationMinutes: 60,
              meetLeadMinutes: 10,
              crewId,
              visibility: 'public',
              guestSeats: 5,
            },
            schedule: { freq: 'weekly', byDay: ['TU', 'TH'], time: '19:30', from: seoulDay(daysUntil(2)) },
          },
        }),
      )) as unknown as { series: { id: string }; occurrences: { id: string }[] };
      const [first, second] = occurrences.map((o) => o.id);
      for (const user of [staff, ...others])
        await ok(await request.post(`/api/runs/${first}/participants`, { headers: as(user) }));
      await ok(await page.request.post(`/api/runs/${first}/participants`, { headers: as(viewer) }));
      await ok(await request.post(`/api/runs/${second}/participants`, { headers: as(others[0] ?? staff) }));
      // Chats with news for the viewer: the crew chat and the run chat.
      const say = async (path: string, user: { accessToken: string }, content: string) =>
        ok(await request.post(`/api/${path}`, { headers: as(user), data: { content } }));
      await say(`crews/${crewId}/chat/messages`, owner, '이번 주도 화·목 달빛광장에서 만나요!');
      await say(`crews/${crewId}/chat/messages`, others[0] ?? staff, '목요일 처음 가는데 물품보관함 있나요?');
      await say(`crews/${crewId}/chat/messages`, staff, '네, 광장 옆 편의점 앞에 있어요');
      await say(`runs/${first}/messages`, staff, '비 예보 없어요. 7시 20분까지 모여 주세요.');

      await page.goto('/crews');
      await expect(page.getByRole('link', { name: CREWS[size][0].name }).first()).toBeVisible();
      await shoot(page, 'crews', size);

      await page.goto(`/crews/${crewId}`);
      await expect(page.getByRole('heading', { level: 1, name: CREWS[size][0].name })).toBeVisible();
      await expect(page.getByText('12월 송년런 안내').first()).toBeVisible();
      await expect(page.getByRole('link', { name: /화목 반포 달빛 정기런/ }).first()).toBeVisible();
      await shoot(page, 'crew-detail', size);

      await page.goto(`/crews/${crewId}/members`);
      await expect(page.getByText('새벽페이서').first()).toBeVisible();
      await shoot(page, 'crew-members', size);

      await page.goto(`/series/${series.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: /화목 반포 달빛 정기런/ }).first()).toBeVisible();
      await shoot(page, 'series-detail', size);

      await page.goto('/chats');
      await expect(page.getByText('네, 광장 옆 편의점 앞에 있어요')).toBeVisible();
      await shoot(page, 'chats', size);
    });
  });
}
