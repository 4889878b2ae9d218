import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../db/raw.ts';
import { newUser } from '../../test/factories.ts';
import { sampleOf } from '../../test/prometheus.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/** What operators see of the mail outbox (/metrics) and what housekeeping removes from it. */

const TOKEN = 'scrape-token-0123456789abcdef';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(() => t.close());

/** A message written `age` ago, in `status`; a pending one waits on its backoff (no sweep takes it now). */
async function mailRow(to: string, status: 'pending' | 'sent' | 'failed', age: string): Promise<void> {
  await t.database.db.execute(
    sql`insert into outbound_mails (to_address, template, data, status, attempts, next_attempt_at, created_at)
        values (${to}, 'password_changed', '{}'::jsonb, ${status}, 1, now() + interval '1 hour',
                now() - ${age}::interval)`,
  );
}

const scrape = async () =>
  (await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
    .body;

describe('the mail outbox in /metrics', () => {
  it('counts pending messages and the oldest one’s age; sent and failed ones are not pending', async () => {
    t.metrics?.sampler.forget();
    const before = sampleOf(await scrape(), 'erun_mail_outbox_pending') ?? -1;
    expect(before).toBeGreaterThanOrEqual(0);
    const user = await newUser(t.app);
    await mailRow(user.email, 'pending', '90 seconds');
    await mailRow(user.email, 'sent', '2 hours');
    await mailRow(user.email, 'failed', '3 hours');
    t.metrics?.sampler.forget();
    const text = await scrape();
    expect(sampleOf(text, 'erun_mail_outbox_pending')).toBe(before + 1);
    const oldest = sampleOf(text, 'erun_mail_outbox_oldest_pending_seconds') ?? 0;
    expect(oldest).toBeGreaterThanOrEqual(90);
    expect(oldest).toBeLessThan(3600);
  });
});

describe('housekeeping of the mail outbox', () => {
  it('deletes sent and given-up messages older than 30 days, and keeps pending and recent ones', async () => {
    const to = `purge-${Date.now()}@erun.example`;
    await mailRow(to, 'sent', '31 days');
    await mailRow(to, 'failed', '31 days');
    await mailRow(to, 'pending', '31 days');
    await mailRow(to, 'sent', '29 days');
    await mailRow(to, 'failed', '29 days');
    expect(await t.services.mail.purgeFinished()).toBe(2);
    const left = await rawRows<{ status: string; days: number }>(
      t.database.db,
      sql`select status, round(extract(epoch from now() - created_at) / 86400)::int as days
          from outbound_mails where to_address = ${to} order by days desc, status`,
    );
    expect(left).toEqual([
      { status: 'pending', days: 31 },
      { status: 'failed', days: 29 },
      { status: 'sent', days: 29 },
    ]);
    expect(await t.services.mail.purgeFinished()).toBe(0);
  });
});
