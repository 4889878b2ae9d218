import os from 'node:os';
import path from 'node:path';
import { defineConfig, type Project, type ReporterDescription } from '@playwright/test';
import { DESKTOP, PHONE } from './viewports.ts';

// The runner loads this file in its main process and again in every worker: values that must agree
// (the run id, hence the data folder) are fixed once and handed down through the environment.
process.env.E2E_RUN_ID ??= process.env.TEST_RUN_ID ?? `${Date.now().toString(36)}-${process.pid}`;

const repoRoot = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The app's PUBLIC_URL: links in the mail it sends start with it (tests/mail.ts).
process.env.E2E_BASE_URL = baseURL;
const dataDir = path.join(os.tmpdir(), `erun-e2e-${process.env.E2E_RUN_ID}`);
// Tests move the server's clock by writing this file, one test at a time (see tests/clock.ts).
process.env.E2E_CLOCK_FILE ??= `${dataDir}-clock.json`;
// Texts go to a fake SENS gateway on loopback (fake-sens.global.ts), which writes them here for the tests.
process.env.E2E_SENS_FILE ??= `${dataDir}-sms.jsonl`;
process.env.E2E_SENS_PORT ??= String(port + 20_000);
// Mail goes over SMTP to a loopback server (smtp-sink.global.ts), which writes each message here (tests/mail.ts).
process.env.E2E_MAIL_FILE ??= `${dataDir}-mail.jsonl`;
process.env.E2E_SMTP_PORT ??= String(port + 20_001);
const isCI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';

// The system Chromium from Debian; a Playwright-downloaded browser is never used (see stack-check.md).
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

// Every journey runs on a phone, where most readers are. At 1280 wide the server does the same; what differs is the
// layout. So the desktop project runs the journeys whose desktop layout differs or matters: axe on every page, the
// core loop of posting and joining runs, the header's account menu and bell, the map beside the list, the
// moderators' /admin, the 360/1280 header checks and the server-rendered pages. `E2E_DESKTOP=all` runs every journey
// at desktop too (as each feature was checked when built); CI keeps to the list to stay inside its time.
const DESKTOP_JOURNEYS = [
  'a11y',
  'auth',
  'notifications',
  'runs',
  'runs-map',
  'safety',
  'small-things',
  'ssr',
].map((name) => `${name}.spec.ts`);
const desktopJourneys = process.env.E2E_DESKTOP === 'all' ? /\.spec\.ts$/ : DESKTOP_JOURNEYS;

const projects: Project[] = [
  {
    name: 'phone',
    testIgnore: /screenshots\.spec\.ts/,
    use: { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  },
  {
    name: 'desktop',
    testMatch: desktopJourneys,
    testIgnore: /screenshots\.spec\.ts/,
    use: { viewport: DESKTOP },
  },
];
// `npm run screenshots` refreshes docs/screenshots/; ordinary runs leave the committed images alone.
if (process.env.E2E_SCREENSHOTS === '1') {
  projects.push({ name: 'screenshots', testMatch: /screenshots\.spec\.ts/ });
}

// CI (`.ci/run`) reads the JSON report for its pass/fail totals.
const reporter: ReporterDescription[] = [['list']];
if (process.env.PLAYWRIGHT_JSON_OUTPUT_NAME) {
  reporter.push(['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME }]);
}

export default defineConfig({
  testDir: 'tests',
  globalSetup: ['./fake-sens.global.ts', './smtp-sink.global.ts'],
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  // Two on CI too: the suite is mostly waiting (pages, the moved clock — one test at a time holds it, tests/clock.ts),
  // and one worker no longer finished it inside the 30 minutes .ci/run gives it.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    ...chromium,
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    // Recording a trace costs every test screenshots and DOM snapshots; on CI only a retry records one (a failure
    // is retried once), so a failing journey still leaves its trace. Locally every failure keeps its trace.
    trace: isCI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects,
  webServer: {
    // The real app (API + built web + jobs) on a fresh embedded database, as `npm start` runs it.
    // The shell traps TERM so that, after the server has shut down, it removes the data folder.
    command: [
      `rm -rf '${dataDir}' '${process.env.E2E_CLOCK_FILE}' '${process.env.E2E_CLOCK_FILE}.lock'`,
      `trap 'true' TERM INT`,
      'node --import tsx apps/server/src/main.ts',
      `rm -rf '${dataDir}' '${process.env.E2E_CLOCK_FILE}' '${process.env.E2E_CLOCK_FILE}.lock'`,
    ].join('; '),
    cwd: repoRoot,
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      DATA_DIR: dataDir,
      DEMO_DATA: 'off',
      RATE_LIMITS: 'off',
      // Requests from loopback may name their client (X-Forwarded-For): a journey that needs the per-IP caps
      // that stay on (codes texted per IP an hour) to itself calls as an address of its own (accounts.spec.ts).
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'warn',
      TEST_CLOCK_FILE: process.env.E2E_CLOCK_FILE,
      REMINDER_SWEEP_SECONDS: '1',
      // The journeys' fake push service listens on http://127.0.0.1 (test-only switch, refused in production).
      TEST_PUSH_LOOPBACK: 'on',
      SMS_PROVIDER: 'sens',
      SENS_BASE_URL: `http://127.0.0.1:${process.env.E2E_SENS_PORT}`,
      SENS_SERVICE_ID: 'ncp:sms:kr:e2e:erun',
      SENS_ACCESS_KEY: 'e2e-access-key',
      SENS_SECRET_KEY: 'e2e-secret-key',
      SENS_FROM: '0212345678',
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      MAIL_FROM: '이RUN 저RUN <no-reply@erun.test>',
      // Whatever the calling shell points at, the journeys run on their own embedded database.
      DATABASE_URL: '',
      REDIS_URL: '',
    },
  },
});
