import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, onboardViaApi, signUpViaApi, type TestUser } from './fixtures.ts';

// Shared by the runs journeys and the screenshots: runs made through the API, a route drawn on the map.

/** YYYY-MM-DD in Seoul, `days` from today. */
export function seoulDay(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(at);
}

type LatLng = [number, number];

export interface RunInput {
  title: string;
  theme: string;
  region: string;
  /** Days from today (Seoul); 3 by default. */
  inDays?: number;
  /** HH:mm in Seoul. */
  start: string;
  end: string;
  capacity: number;
  description?: string;
  place?: { name: string; lat: number; lng: number };
  route?: [LatLng, ...LatLng[]];
  paceSecPerKm?: number;
  photoIds?: string[];
  /** A crew run (the host must be its staff), open to everyone; `guestSeats` caps the non-members' seats. */
  crew?: { id: string; guestSeats?: number | null };
}

/** Along the Han River at Yeouido, start at 여의나루역. */
const YEOUIDO: [LatLng, ...LatLng[]] = [
  [37.5271, 126.9326],
  [37.5288, 126.9371],
  [37.5302, 126.9419],
];

/** A run posted through the API (for the journeys that start from an existing run). */
export async function createRunViaApi(request: APIRequestContext, host: TestUser, input: RunInput) {
  const day = seoulDay(input.inDays ?? 3);
  const route = input.route ?? YEOUIDO;
  const [lat, lng] = route[0];
  const response = await request.post('/api/runs', {
    headers: { authorization: `Bearer ${host.accessToken}` },
    data: {
      title: input.title,
      description: input.description ?? '함께 달려요',
      startsAt: `${day}T${input.start}:00+09:00`,
      endsAt: `${day}T${input.end}:00+09:00`,
      meetingPlace: input.place ?? { name: '여의나루역 2번 출구', lat, lng },
      route,
      capacity: input.capacity,
      theme: input.theme,
      region: input.region,
      paceSecPerKm: input.paceSecPerKm ?? null,
      photoIds: input.photoIds ?? [],
      ...(input.crew
        ? { crewId: input.crew.id, visibility: 'public', guestSeats: input.crew.guestSeats ?? null }
        : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; title: string; startsAt: string };
}

/** A photo uploaded for a run; its id goes into `photoIds`. */
/** A new host, onboarded, with a run of theirs at 07:00–08:00 by the river in Seoul (all through the API). */
export async function hostWithRun(request: APIRequestContext, title: string, capacity = 5) {
  const host = await signUpViaApi(request);
  await onboardViaApi(request, host);
  const run = await createRunViaApi(request, host, {
    title,
    theme: 'riverside',
    region: 'seoul',
    start: '07:00',
    end: '08:00',
    capacity,
  });
  return { host, run, path: `/runs/${run.id}` };
}

export async function uploadPhotoViaApi(request: APIRequestContext, user: TestUser, png: Buffer) {
  const upload = await request.post('/api/uploads?purpose=photo', {
    headers: { authorization: `Bearer ${user.accessToken}` },
    multipart: { file: { name: 'run.png', mimeType: 'image/png', buffer: png } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  return (await upload.json()) as { id: string; urls: Record<string, string> };
}

/** The route editor of the new-run form (Leaflet; it loads with the first map on screen). */
export function routeEditor(page: Page): Locator {
  return page
    .getByRole('region', { name: '코스 지도: 누르면 지점이 추가돼요' })
    .locator('.leaflet-container');
}

/**
 * Draws a route as a runner does, tapping on a touch screen and clicking elsewhere, at the given fractions
 * of the map's size; after each press the editor counts one more point ("지점 3개").
 */
export async function drawRoute(page: Page, at: [x: number, y: number][]) {
  const map = routeEditor(page);
  await expect(map).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
  const box = await map.boundingBox();
  if (!box) throw new Error('the map is not on screen');
  const before = Number(/지점 (\d+)개/.exec((await page.getByText(/^지점 \d+개$/).textContent()) ?? '')?.[1]);
  for (const [index, [x, y]] of at.entries()) {
    const position = { x: Math.round(box.width * x), y: Math.round(box.height * y) };
    if (touch) await map.tap({ position });
    else await map.click({ position });
    await expect(page.getByText(`지점 ${before + index + 1}개`, { exact: true })).toBeVisible();
  }
}
