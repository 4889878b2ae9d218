import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleUnitOfWork } from '../../adapters/drizzle-unit-of-work.ts';
import { rawRows } from '../../db/raw.ts';
import { newUser } from '../../test/factories.ts';
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
async function enqueue(): Promise<{ email: string; ms: number }> {
  const user = await newUser(t.app);
  const started = performance.now();
  await new DrizzleUnitOfWork(t.database.db).run((tx) =>
    t.services.mail.enqueue(tx, {
      to: user.email,
      userId: user.user.id,
      locale: 'ko',
      template: 'password_changed',
      data: { nickname: '러너' },
    }),
  );
  return { email: user.email, ms: performance.now() - started };
}

const rowOf = async (to: string) =>
  (
    await rawRows<{ status: string; attempts: number; error: string | null }>(
      t.database.db,
      sql`select status, attempts, error from outbound_mails where to_address = ${to}`,
    )
  )[0];

/** The server is back: the message's backoff is made due, and sweeps run (two at once, plus a kick). */
async function deliverAgain(to: string): Promise<void> {
  await t.database.db.execute(
    sql`update outbound_mails set next_attempt_at = now() where to_address = ${to} and status = 'pending'`,
  );
  t.services.mail.kick();
  await Promise.all([t.services.mail.sweep(), t.services.mail.sweep(), t.services.mail.idle()]);
  await t.services.mail.sweep();
}

async function expectPendingThenDeliveredOnce(email: string, error: RegExp): Promise<void> {
  await within('the sweep to give up', t.services.mail.idle(), 4 * TIMEOUT_MS + 2000);
  expect(sink.to(email)).toEqual([]);
  const failed = await rowOf(email);
  expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
  expect(failed?.error).toMatch(error);
  expect(log.lines.some((l) => l.msg === 'mail not sent: retried with backoff')).toBe(true);
  // Not due yet (the backoff): a sweep now leaves it alone even though the server is back.
  sink.mode = 'accept';
  await t.services.mail.sweep();
  expect(sink.to(email)).toEqual([]);
  await deliverAgain(email);
  expect(sink.to(email)).toHaveLength(1);
  expect(sink.to(email)[0]?.subject).toBe('[이RUN 저RUN] 비밀번호가 변경되었어요');
  expect(await rowOf(email)).toMatchObject({ status: 'sent', attempts: 2, error: null });
}

describe('SMTP outage', () => {
  it('a stopped mail server: the enqueue commits at once, the message waits and goes out once it is back', async () => {
    await sink.close();
    const { email, ms } = await enqueue();
    expect(ms).toBeLessThan(TIMEOUT_MS);
    await within('the sweep to give up', t.services.mail.idle(), 4 * TIMEOUT_MS + 2000);
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

  it('a frozen server: the enqueue does not wait, the sweep gives up within the timeouts, then delivered once', async () => {
    sink.mode = 'freeze';
    // Over the connection the pool keeps open (no answer to MAIL FROM), or a new one (no greeting).
    const first = await enqueue();
    expect(first.ms).toBeLessThan(TIMEOUT_MS);
    const started = performance.now();
    await within('the sweep to give up', t.services.mail.idle(), 4 * TIMEOUT_MS + 2000);
    // Given up after a timeout, far within the outbox's lease (after which another sweep would send it again).
    expect(performance.now() - started).toBeGreaterThan(TIMEOUT_MS * 0.8);
    // The frozen connection was dropped: the next message opens a new one, which is never greeted.
    const connectionsBefore = sink.connections;
    const second = await enqueue();
    expect(second.ms).toBeLessThan(TIMEOUT_MS);
    await within('the sweep to give up', t.services.mail.idle(), 4 * TIMEOUT_MS + 2000);
    expect(sink.connections).toBeGreaterThan(connectionsBefore);
    const waiting = await rowOf(second.email);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting?.error).toMatch(/greeting/i);
    await expectPendingThenDeliveredOnce(first.email, /timeout|timed out|greeting|connection was closed/i);
    await deliverAgain(second.email);
    expect(sink.to(second.email)).toHaveLength(1);
  });
});
