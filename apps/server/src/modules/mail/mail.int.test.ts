import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleUnitOfWork } from '../../adapters/drizzle-unit-of-work.ts';
import { rawRows } from '../../db/raw.ts';
import { sql } from 'drizzle-orm';
import type { MailMessage, MailSender } from '../../ports/mail.ts';
import { newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** Fails while `down` is set, like an SMTP server that refuses. */
class FlakySender implements MailSender {
  down = false;
  readonly sent: MailMessage[] = [];
  send(message: MailMessage): Promise<void> {
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:2525'));
    this.sent.push(message);
    return Promise.resolve();
  }
}

const sender = new FlakySender();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ mail: sender, env: { PUBLIC_URL: 'https://erun.example' } });
});
afterAll(() => t.close());

/** A new account whose sign-up mail (the verification link) is already sent and set aside. */
async function quietUser() {
  const user = await newUser(t.app);
  await t.services.mail.idle();
  for (let i = sender.sent.length - 1; i >= 0; i--)
    if (sender.sent[i]?.to === user.email) sender.sent.splice(i, 1);
  return user;
}

const rowsOf = (to: string) =>
  rawRows<{ status: string; attempts: number; data: Record<string, unknown> }>(
    t.database.db,
    sql`select status, attempts, data from outbound_mails where to_address = ${to} and template = 'password_changed'`,
  );

describe('the mail outbox', () => {
  it('sends a message once its transaction commits, in the recipient language, and keeps no data', async () => {
    const user = await quietUser();
    const uow = new DrizzleUnitOfWork(t.database.db);
    await uow.run((tx) =>
      t.services.mail.enqueue(tx, {
        to: user.email,
        userId: user.user.id,
        locale: 'en',
        template: 'password_changed',
        data: { nickname: '<b>러너</b>' },
      }),
    );
    await t.services.mail.idle();
    const mail = sender.sent.find((m) => m.to === user.email);
    expect(mail?.subject).toBe('[이RUN 저RUN] Your password was changed');
    expect(mail?.text).toContain('https://erun.example/login');
    expect(mail?.html).toContain('&lt;b&gt;러너&lt;/b&gt;');
    expect(await rowsOf(user.email)).toEqual([{ status: 'sent', attempts: 1, data: {} }]);
  });

  it('never sends what a rolled-back transaction decided', async () => {
    const user = await quietUser();
    const uow = new DrizzleUnitOfWork(t.database.db);
    await expect(
      uow.run(async (tx) => {
        await t.services.mail.enqueue(tx, {
          to: user.email,
          userId: user.user.id,
          locale: 'ko',
          template: 'password_changed',
          data: { nickname: '러너' },
        });
        throw new Error('refused later in the same work');
      }),
    ).rejects.toThrow('refused');
    await t.services.mail.sweep();
    expect(sender.sent.filter((m) => m.to === user.email)).toEqual([]);
    expect(await rowsOf(user.email)).toEqual([]);
  });

  it('keeps a message the mail server refused and sends it, once, when the server is back', async () => {
    const user = await quietUser();
    const uow = new DrizzleUnitOfWork(t.database.db);
    sender.down = true;
    await uow.run((tx) =>
      t.services.mail.enqueue(tx, {
        to: user.email,
        userId: user.user.id,
        locale: 'ko',
        template: 'password_changed',
        data: { nickname: '러너' },
      }),
    );
    await t.services.mail.idle();
    expect(await rowsOf(user.email)).toMatchObject([{ status: 'pending', attempts: 1 }]);
    expect((await t.services.mail.outbox()).pending).toBeGreaterThanOrEqual(1);
    sender.down = false;
    // Not due yet (30 s backoff): a sweep now sends nothing.
    await t.services.mail.sweep();
    expect(sender.sent.filter((m) => m.to === user.email)).toEqual([]);
    await t.database.db.execute(
      sql`update outbound_mails set next_attempt_at = now() where to_address = ${user.email}`,
    );
    await Promise.all([t.services.mail.sweep(), t.services.mail.sweep()]);
    expect(sender.sent.filter((m) => m.to === user.email)).toHaveLength(1);
    expect(sender.sent.find((m) => m.to === user.email)?.subject).toBe(
      '[이RUN 저RUN] 비밀번호가 변경되었어요',
    );
    expect(await rowsOf(user.email)).toEqual([{ status: 'sent', attempts: 2, data: {} }]);
  });
});
