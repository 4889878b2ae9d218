import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleUnitOfWork } from '../../adapters/drizzle-unit-of-work.ts';
import { rawRows } from '../../db/raw.ts';
import { SIGNUP_CONSENTS, uniqueEmail } from '../../test/factories.ts';
import { LogCapture, within } from '../../test/faults.ts';
import { type SinkMode, SmtpSink } from '../../test/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The mail server failing under the real app and its real SMTP transport: stopped (connections refused),
 * up but answering 451 "try again later", or frozen (TCP accepted, no greeting, ever). The unit of work that
 * enqueues a message commits at once whatever the mail server does; the message stays pending with its
 * error; once the server is back and the backoff is due, it is delivered exactly once.
 */
const TIMEOUT_MS = 1500;

let sink: SmtpSink;
let port: number;
let t: TestApp;
const log = new LogCapture();
beforeAll(async () => {
  sink = await SmtpSink.start();
  port = sink.port;
  t = await createTestApp({
    env: { SMTP_URL: sink.url, SMTP_TIMEOUT_MS: String(TIMEOUT_MS), PUBLIC_URL: 'https://erun.example' },
    logStream: log,
  });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

/** Enqueues a mail to a new user the way a request does, and says how long the unit of work took. */
async function enqueue(app = t): Promise<{ email: string; ms: number }> {
  // An account whose address is known (as the demo data's): sign-up mails it nothing, so the mail under test
  // is alone on the wire.
  const email = uniqueEmail();
  const { user } = await app.services.auth.signup(
    { email, password: 'run4fun!2026', nickname: '러너', consents: SIGNUP_CONSENTS },
    { ip: null, userAgent: '', deviceId: null },
    { emailVerified: true },
  );
  const started = performance.now();
  await new DrizzleUnitOfWork(app.database.db).run((tx) =>
    app.services.mail.enqueue(tx, {
      to: email,
      userId: user.id,
      locale: 'ko',
      template: 'password_changed',
      data: { nickname: '러너' },
    }),
  );
  return { email, ms: performance.now() - started };
}

/** The message under test (sign-up also mails a verification link, outside this test). */
const changed = (email: string) => sink.to(email).filter((m) => m.subject.includes('비밀번호'));

const rowOf = async (to: string) =>
  (
    await rawRows<{ status: string; attempts: number; error: string | null }>(
      t.database.db,
      sql`select status, attempts, error from outbound_mails
          where to_address = ${to} and template = 'password_changed'`,
    )
  )[0];

/** The server is back: the message's backoff is made due, and sweeps run (two at once, plus a kick). */
async function deliverAgain(to: string, app = t): Promise<void> {
  await t.database.db.execute(
    sql`update outbound_mails set next_attempt_at = now() where to_address = ${to} and status = 'pending'`,
  );
  app.services.mail.kick();
  await Promise.all([app.services.mail.sweep(), app.services.mail.sweep(), app.services.mail.idle()]);
  await app.services.mail.sweep();
}

const gaveUp = (app: TestApp) =>
  within('the sweep to give up', app.services.mail.idle(), 4 * TIMEOUT_MS + 2000);

async function expectPendingThenDeliveredOnce(email: string, error: RegExp, app = t): Promise<void> {
  await gaveUp(app);
  expect(changed(email)).toEqual([]);
  const failed = await rowOf(email);
  expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
  expect(failed?.error).toMatch(error);
  expect(log.lines.some((l) => l.msg === 'mail not sent: retried with backoff')).toBe(true);
  // Not due yet (the backoff): a sweep now leaves it alone even though the server is back.
  sink.mode = 'accept';
  await app.services.mail.sweep();
  expect(changed(email)).toEqual([]);
  await deliverAgain(email, app);
  expect(changed(email)).toHaveLength(1);
  expect(changed(email)[0]?.subject).toBe('[이RUN 저RUN] 비밀번호가 변경되었어요');
  expect(await rowOf(email)).toMatchObject({ status: 'sent', attempts: 2, error: null });
}

/** Another process of the deployment (same database), with its own SMTP pool: no connection open yet. */
const freshProcess = () =>
  createTestApp({
    database: t.database,
    env: { SMTP_URL: sink.url, SMTP_TIMEOUT_MS: String(TIMEOUT_MS), PUBLIC_URL: 'https://erun.example' },
    logStream: log,
  });

describe('SMTP outage', () => {
  it('a stopped mail server: the enqueue commits at once, the message waits and goes out once it is back', async () => {
    await sink.close();
    const { email, ms } = await enqueue();
    expect(ms).toBeLessThan(TIMEOUT_MS);
    await gaveUp(t);
    sink = await SmtpSink.start({ port });
    await expectPendingThenDeliveredOnce(email, /ECONNREFUSED/);
  });

  for (const mode of ['refuse-rcpt', 'refuse-data'] satisfies SinkMode[])
    it(`a server answering 451 (${mode}): pending, then delivered once`, async () => {
      sink.mode = mode;
      const refusalsBefore = sink.refusals;
      const { email, ms } = await enqueue();
      expect(ms).toBeLessThan(TIMEOUT_MS);
      await t.services.mail.idle();
      expect(sink.refusals).toBeGreaterThan(refusalsBefore);
      await expectPendingThenDeliveredOnce(email, /451/);
    });

  it('a frozen server that never greets: the enqueue does not wait, the sweep gives up after the timeout, then delivered once', async () => {
    const app = await freshProcess();
    try {
      sink.mode = 'freeze';
      const connectionsBefore = sink.connections;
      const { email, ms } = await enqueue(app);
      expect(ms).toBeLessThan(TIMEOUT_MS);
      const started = performance.now();
      await gaveUp(app);
      // Given up after the greeting timeout, far within the outbox's lease (another sweep would send it again).
      expect(performance.now() - started).toBeGreaterThan(TIMEOUT_MS * 0.8);
      expect(sink.connections).toBeGreaterThan(connectionsBefore);
      // nodemailer's greeting and socket timers share the one timeout: either may be the one to fire first.
      await expectPendingThenDeliveredOnce(email, /greeting|timeout/i, app);
    } finally {
      await app.close();
    }
  });

  it('a server frozen while a pooled connection is open: that message fails after the timeout, then delivered once', async () => {
    const app = await freshProcess();
    try {
      sink.mode = 'accept';
      const warmUp = await enqueue(app);
      await app.services.mail.idle();
      expect(changed(warmUp.email)).toHaveLength(1);
      sink.mode = 'freeze';
      const connectionsBefore = sink.connections;
      const { email, ms } = await enqueue(app);
      expect(ms).toBeLessThan(TIMEOUT_MS);
      const started = performance.now();
      await gaveUp(app);
      expect(performance.now() - started).toBeGreaterThan(TIMEOUT_MS * 0.8);
      // Over the connection the pool kept open: no answer to MAIL FROM until the socket timeout.
      expect(sink.connections).toBe(connectionsBefore);
      await expectPendingThenDeliveredOnce(email, /timeout|connection was closed/i, app);
    } finally {
      await app.close();
    }
  });
});
