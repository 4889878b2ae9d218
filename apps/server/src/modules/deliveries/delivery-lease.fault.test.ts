import type { PushPayload } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePushService } from '../../test/fake-push-service.ts';
import { bearer, newUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { DeliveriesRepository } from './deliveries.repository.ts';
import { DELIVERY_LEASE_SECONDS, DELIVERY_WINDOW_MINUTES } from './deliveries.service.ts';

/**
 * Issue 13, finding 9: a worker killed between claiming a push delivery and sending it left the row `pending`
 * for good, and that push was never sent. Now the claim is a lease: once it runs out, another sweep claims the
 * delivery and sends it — once, however many sweep, and never again once it was sent.
 */
const push = new FakePushService();
let t: TestApp;
beforeAll(async () => {
  await push.start();
  t = await createTestApp({ env: { TEST_PUSH_LOOPBACK: 'on' } });
});
afterAll(async () => {
  await t.close();
  await push.stop();
});

/** A notification written straight to the table: announced by a process that then died (no sweep started). */
async function notify(userId: string): Promise<string> {
  const result = await t.database.executeSql(
    `insert into notifications (user_id, category, data, link)
     values ($1, 'run_cancelled', '{"title":"새벽 러닝"}', '/runs') returning id`,
    [userId],
  );
  return (result.rows[0] as { id: string }).id;
}

async function delivery(notificationId: string) {
  const result = await t.database.executeSql(
    `select status from notification_deliveries where notification_id = $1 and channel = 'push'`,
    [notificationId],
  );
  return (result.rows as { status: string }[]).map((r) => r.status);
}

/** The lease of a claim runs out: its claim moved back by the lease and a second. */
async function expireLease(notificationId: string) {
  await t.database.executeSql(
    `update notification_deliveries set claimed_at = claimed_at - make_interval(secs => $2::int)
     where notification_id = $1`,
    [notificationId, DELIVERY_LEASE_SECONDS + 1],
  );
}

const sweepTwice = () => Promise.all([t.services.deliveries.sweep(), t.services.deliveries.sweep()]);

describe('a push delivery claimed by a worker killed before it sent', () => {
  it('is sent by another sweep once the lease runs out, once, and never again after', async () => {
    const user = await newUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/push-subscriptions',
      headers: bearer(user),
      payload: push.subscription('lease-phone'),
    });
    expect(res.statusCode).toBe(204);
    const id = await notify(user.user.id);

    // The worker that dies: it claims (the row is pending, the push is its to send) and is killed.
    const killed = await new DeliveriesRepository(t.database.db).claim(
      'push',
      DELIVERY_WINDOW_MINUTES,
      100,
      DELIVERY_LEASE_SECONDS,
    );
    expect(killed.map((d) => d.id)).toContain(id);

    // Within the lease, the others leave it alone (the owner may be sending it right now).
    await sweepTwice();
    expect(push.to('lease-phone')).toHaveLength(0);
    expect(await delivery(id)).toEqual(['pending']);

    // The lease ran out: two sweeps at once, one push.
    await expireLease(id);
    await sweepTwice();
    const pushes = push.to('lease-phone').map((r) => JSON.parse(push.decrypt(r)) as PushPayload);
    expect(pushes.map((p) => p.id)).toEqual([id]);
    expect(await delivery(id)).toEqual(['sent']);

    // Sent is final: however old its claim, it is not claimed again.
    await expireLease(id);
    await sweepTwice();
    expect(push.to('lease-phone')).toHaveLength(1);
  });
});
