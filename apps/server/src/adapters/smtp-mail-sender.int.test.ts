import type { Locale } from '@erun/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../db/raw.ts';
import { newUser, type TestUser } from '../test/factories.ts';
import { LogCapture } from '../test/faults.ts';
import { SmtpSink } from '../test/smtp-sink.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { DrizzleUnitOfWork } from './drizzle-unit-of-work.ts';

/** The real SMTP transport (SMTP_URL), driven by the app's outbox, delivering to a loopback SMTP server. */

const FROM = '이RUN 저RUN <no-reply@erun.example>';

async function mailPasswordChanged(t: TestApp, user: TestUser, locale: Locale): Promise<void> {
  await new DrizzleUnitOfWork(t.database.db).run((tx) =>
    t.services.mail.enqueue(tx, {
      to: user.email,
      userId: user.user.id,
      locale,
      template: 'password_changed',
      data: { nickname: '한강러너' },
    }),
  );
  await t.services.mail.idle();
}

const rowsOf = (t: TestApp, to: string) =>
  rawRows<{ status: string; attempts: number; error: string | null }>(
    t.database.db,
    sql`select status, attempts, error from outbound_mails where to_address = ${to} and template = 'password_changed'`,
  );

/** The password-changed messages to an address (sign-up also mails a verification link, not under test here). */
const changed = (sink: SmtpSink, address: string) =>
  sink.to(address).filter((m) => /비밀번호|password/i.test(m.subject));

describe('mail over SMTP (SMTP_URL)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await createTestApp({
      env: { SMTP_URL: sink.url, MAIL_FROM: FROM, PUBLIC_URL: 'https://erun.example' },
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('delivers a message in Korean: UTF-8 subject, text and HTML parts, the From header, the link on PUBLIC_URL', async () => {
    const user = await newUser(t.app);
    await mailPasswordChanged(t, user, 'ko');
    const [mail, ...more] = changed(sink, user.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('[이RUN 저RUN] 비밀번호가 변경되었어요');
    expect(mail?.from).toEqual({ name: '이RUN 저RUN', address: 'no-reply@erun.example' });
    expect(mail?.text).toContain('한강러너님, 계정의 비밀번호가 방금 변경되었어요.');
    expect(mail?.text).toContain('로그인하기: https://erun.example/login');
    expect(mail?.html).toContain('href="https://erun.example/login"');
    expect(mail?.html).toContain('한강러너님');
    expect(await rowsOf(t, user.email)).toEqual([{ status: 'sent', attempts: 1, error: null }]);
  });

  it('writes each message in its recipient language', async () => {
    const user = await newUser(t.app);
    await mailPasswordChanged(t, user, 'en');
    expect(changed(sink, user.email).map((m) => m.subject)).toEqual([
      '[이RUN 저RUN] Your password was changed',
    ]);
    expect(changed(sink, user.email)[0]?.text).toContain('Sign in: https://erun.example/login');
  });

  it('sends a batch over the pooled connections, each message once', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => newUser(t.app)));
    await new DrizzleUnitOfWork(t.database.db).run(async (tx) => {
      for (const user of users)
        await t.services.mail.enqueue(tx, {
          to: user.email,
          userId: user.user.id,
          locale: 'ko',
          template: 'password_changed',
          data: { nickname: '러너' },
        });
    });
    await t.services.mail.idle();
    for (const user of users) expect(changed(sink, user.email)).toHaveLength(1);
  });
});

describe('mail over SMTP with ?requireTLS=true', () => {
  it('does not send over a server that offers no STARTTLS: the message waits', async () => {
    const sink = await SmtpSink.start();
    const t = await createTestApp({ env: { SMTP_URL: `${sink.url}?requireTLS=true` } });
    try {
      const user = await newUser(t.app);
      await mailPasswordChanged(t, user, 'ko');
      expect(changed(sink, user.email)).toEqual([]);
      const [row] = await rowsOf(t, user.email);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row?.error).toMatch(/STARTTLS/i);
    } finally {
      await t.close();
      await sink.close();
    }
  });
});

describe('mail over SMTP with a user name and password', () => {
  const PASSWORD = 'pa:ss@w0rd/비밀';
  let sink: SmtpSink;
  const log = new LogCapture();
  const apps: TestApp[] = [];
  beforeAll(async () => {
    sink = await SmtpSink.start({ auth: { user: 'erun-relay', pass: PASSWORD } });
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  afterAll(() => sink.close());

  async function appWith(url: string): Promise<TestApp> {
    const t = await createTestApp({ env: { SMTP_URL: url, MAIL_FROM: FROM }, logStream: log });
    apps.push(t);
    return t;
  }

  it('signs in with the credentials of SMTP_URL (percent-encoded) and delivers', async () => {
    expect(sink.url).toContain(encodeURIComponent(PASSWORD));
    const t = await appWith(sink.url);
    const user = await newUser(t.app);
    await mailPasswordChanged(t, user, 'ko');
    expect(changed(sink, user.email)).toMatchObject([{ user: 'erun-relay' }]);
  });

  it('keeps a message refused for a wrong password pending, and writes no password anywhere', async () => {
    const wrong = 'wrong-secret-42';
    const t = await appWith(sink.url.replace(encodeURIComponent(PASSWORD), wrong));
    const user = await newUser(t.app);
    await mailPasswordChanged(t, user, 'ko');
    expect(changed(sink, user.email)).toEqual([]);
    const [row] = await rowsOf(t, user.email);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.error).toMatch(/535|auth/i);
    const warning = log.lines.find((l) => l.msg === 'mail not sent: retried with backoff');
    expect(warning).toMatchObject({ level: 40, mail: { failed: 1, givenUp: 0 } });
    const everything = `${JSON.stringify(log.lines)}${row?.error ?? ''}`;
    for (const secret of [wrong, PASSWORD, encodeURIComponent(PASSWORD)])
      expect(everything).not.toContain(secret);
  });
});
