import { request as playwrightRequest } from '@playwright/test';
import { FakeDataGoKr } from '../../apps/server/src/test/fake-data-go-kr.ts';
import { expect, onboardViaApi, signUpViaApi, test as base } from './fixtures.ts';
import { privateServer, type PrivateServer } from './private-server.ts';
import { createRunViaApi } from './runs.ts';

// Issue 18, weather: with KMA_SERVICE_KEY and AIRKOREA_SERVICE_KEY the run page shows the forecast at the
// start. The server is our own, started with a fake 공공데이터포털 (기상청 + 에어코리아) on loopback.
const KEY = 'e2e-weather-key-0123456789';

const test = base.extend<object, { weather: { server: PrivateServer; fake: FakeDataGoKr } }>({
  weather: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, workerInfo) => {
      const port = Number(process.env.E2E_PORT ?? 3100) + 45 + workerInfo.parallelIndex;
      const fake = new FakeDataGoKr(KEY);
      const url = await fake.start();
      fake.weatherAt = () => ({ TMP: '32', POP: '70', PTY: '1', SKY: '4', WSD: '3.2' });
      fake.dustGrades.pm25['서울'] = '나쁨';
      const server = privateServer(port, {
        KMA_SERVICE_KEY: KEY,
        AIRKOREA_SERVICE_KEY: KEY,
        KMA_API_URL: url,
        AIRKOREA_API_URL: url,
      });
      try {
        await server.start();
        await use({ server, fake });
      } finally {
        await server.dispose();
        await fake.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

test('the run page shows the forecast at the start: temperature, rain, wind, dust grades and warnings', async ({
  page,
  weather,
}, testInfo) => {
  const api = await playwrightRequest.newContext({ baseURL: weather.server.baseURL });
  const host = await signUpViaApi(api);
  await onboardViaApi(api, host);
  const run = await createRunViaApi(api, host, {
    title: '내일 아침 여의도 런',
    theme: 'riverside',
    region: 'seoul',
    inDays: 1,
    start: '19:00',
    end: '20:00',
    capacity: 8,
  });
  await api.dispose();
  await page.goto(`${weather.server.baseURL}/runs/${run.id}`);
  const box = page.getByTestId('run-weather');
  await expect(box).toBeVisible();
  await expect(box).toContainText('32°C');
  await expect(box).toContainText('강수 70%');
  await expect(box).toContainText('바람 3.2m/s');
  await expect(box).toContainText('미세먼지 보통');
  await expect(box).toContainText('초미세먼지 나쁨');
  for (const alert of ['폭염 주의', '비 예보', '미세먼지 나쁨'])
    await expect(box.getByRole('listitem').filter({ hasText: alert })).toBeVisible();
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath(`weather-${testInfo.project.name}.png`) });

  // Its card in the list warns too, from the forecast the server now knows (a list never calls 기상청 itself).
  const asked = weather.fake.count('kma');
  await page.goto(`${weather.server.baseURL}/runs`);
  const card = page.getByRole('article').filter({ hasText: '내일 아침 여의도 런' });
  const alerts = card.getByRole('list', { name: '날씨 주의' });
  await expect(alerts).toBeVisible();
  await expect(alerts.getByRole('listitem')).toHaveText(['폭염 주의', '비 예보', '미세먼지 나쁨']);
  expect(weather.fake.count('kma')).toBe(asked);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath(`weather-card-${testInfo.project.name}.png`) });
});
