import type { ErrorBody } from '@erun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLookup } from '../adapters/push-endpoints.ts';
import { FakePushService } from '../test/fake-push-service.ts';
import { bearer, newUser, type TestUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

// Issue 12: push subscriptions made the server post (and follow redirects) wherever a client said.
const push = new FakePushService();
/** What the tests' DNS answers per name; a name may answer differently from one lookup to the next. */
const dns = new Map<string, string[][]>();
const lookups: string[] = [];
const lookup: HostLookup = async (hostname) => {
  lookups.push(hostname);
  const answers = dns.get(hostname);
  const answer = answers && answers.length > 1 ? answers.shift() : answers?.[0];
  if (!answer) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

let strict: TestApp;
let loopback: TestApp;
beforeAll(async () => {
  await push.start();
  // As deployed: no test switch. The other app lets endpoints reach the fake push service on loopback.
  strict = await createTestApp({ pushLookup: lookup });
  loopback = await createTestApp({ env: { TEST_PUSH_LOOPBACK: 'on' } });
});
afterAll(async () => {
  await strict.close();
  await loopback.close();
  await push.stop();
});

const subscribe = (t: TestApp, who: TestUser, body: object) =>
  t.app.inject({ method: 'POST', url: '/api/me/push-subscriptions', headers: bearer(who), payload: body });

async function rowsOf(t: TestApp, who: TestUser) {
  const result = await t.database.executeSql(
    'select endpoint, p256dh, auth from push_subscriptions where user_id = $1 order by created_at',
    [who.user.id],
  );
  return result.rows as { endpoint: string; p256dh: string; auth: string }[];
}

async function deliveryOf(t: TestApp, who: TestUser) {
  const result = await t.database.executeSql(
    `select d.status, d.error from notification_deliveries d join notifications n on n.id = d.notification_id
     where n.user_id = $1 and d.channel = 'push'`,
    [who.user.id],
  );
  return result.rows as { status: string; error: string | null }[];
}

/** One notification pushed by default (a cancellation), delivered by a sweep. */
async function notifyAndDeliver(t: TestApp, who: TestUser, times = 1) {
  await t.services.notifications.send(
    Array.from({ length: times }, () => ({
      userId: who.user.id,
      category: 'run_cancelled',
      link: '/me',
      data: { title: '취소된 러닝' },
    })),
  );
  await t.services.deliveries.idle();
  await t.services.deliveries.sweep();
  await t.services.deliveries.idle();
}

describe('push endpoints', () => {
  it('refuses loopback, private, link-local, CGNAT, multicast, http and non-push-service endpoints (400)', async () => {
    const user = await newUser(strict.app);
    const keys = push.subscription('never').keys;
    dns.set('updates.push.services.mozilla.com', [['10.0.0.5']]);
    for (const endpoint of [
      push.subscription('loopback').endpoint,
      'http://127.0.0.1:8080/push',
      'https://127.0.0.1/push',
      'https://localhost/push',
      'https://10.0.0.5/push',
      'https://192.168.0.1/push',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/push',
      'https://224.0.0.1/push',
      'https://[::1]/push',
      'https://[fe80::1]/push',
      'https://[fd00::1]/push',
      'https://[::ffff:127.0.0.1]/push',
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://user:secret@fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com.evil.example/fcm/send/abc',
      'https://evilpush.services.mozilla.com/wpush/v2/abc',
      'https://evil.example/push',
      // On the allow-list, but its name resolves to a private address.
      'https://updates.push.services.mozilla.com/wpush/v2/abc',
    ]) {
      const response = await subscribe(strict, user, { endpoint, keys });
      expect(response.statusCode, endpoint).toBe(400);
      expect(response.json<ErrorBody>().code).toBe('VALIDATION_FAILED');
    }
    expect(await rowsOf(strict, user)).toEqual([]);
  });

  it('posts nothing to an endpoint whose name resolves to a private address at send time (DNS rebinding)', async () => {
    const user = await newUser(strict.app);
    const endpoint = 'https://rebind.push.services.mozilla.com/wpush/v2/abc';
    // Public when the browser subscribes, loopback when the server sends.
    dns.set('rebind.push.services.mozilla.com', [['34.117.65.55'], ['127.0.0.1']]);
    expect((await subscribe(strict, user, { ...push.subscription('rebind'), endpoint })).statusCode).toBe(
      204,
    );
    const before = push.requests.length;
    const asked = lookups.length;

    await notifyAndDeliver(strict, user);
    expect(lookups.slice(asked)).toContain('rebind.push.services.mozilla.com');
    expect(await deliveryOf(strict, user)).toEqual([
      { status: 'failed', error: 'Error: push endpoint refused: private_address' },
    ]);
    expect(push.requests.length).toBe(before);
  });

  it('follows no redirect: a 302 is a failed delivery and its target gets no request', async () => {
    const user = await newUser(loopback.app);
    const subscription = push.subscription('moved');
    push.moved.set('/push/moved', `${push.origin}/internal/admin`);
    expect((await subscribe(loopback, user, subscription)).statusCode).toBe(204);

    await notifyAndDeliver(loopback, user);
    expect(push.to('moved')).toHaveLength(1);
    expect(push.requests.filter((r) => r.path === '/internal/admin')).toHaveLength(0);
    expect(await deliveryOf(loopback, user)).toEqual([
      { status: 'failed', error: 'Error: push service answered 302' },
    ]);
  });

  it('keeps 10 subscriptions per account: the 11th and 12th drop the oldest; 3 notifications, 30 requests', async () => {
    const user = await newUser(loopback.app);
    const names = Array.from({ length: 12 }, (_, i) => `many-${i}`);
    for (const name of names) {
      expect((await subscribe(loopback, user, push.subscription(name))).statusCode).toBe(204);
    }
    const kept = (await rowsOf(loopback, user)).map((r) => r.endpoint.split('/').at(-1));
    expect(kept).toEqual(names.slice(2));

    await notifyAndDeliver(loopback, user, 3);
    expect(push.requests.filter((r) => r.path.startsWith('/push/many-'))).toHaveLength(30);
    expect(push.to('many-0')).toHaveLength(0);
  });

  it("never moves another account's row: its endpoint with other keys is refused (409), unsubscribing it does nothing", async () => {
    const owner = await newUser(loopback.app);
    const stranger = await newUser(loopback.app);
    const subscription = push.subscription('owned');
    expect((await subscribe(loopback, owner, subscription)).statusCode).toBe(204);
    const before = await rowsOf(loopback, owner);

    const other = push.subscription('stranger-keys').keys;
    const taken = await subscribe(loopback, stranger, { endpoint: subscription.endpoint, keys: other });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().code).toBe('PUSH_SUBSCRIPTION_TAKEN');
    const removed = await loopback.app.inject({
      method: 'DELETE',
      url: '/api/me/push-subscriptions',
      headers: bearer(stranger),
      payload: { endpoint: subscription.endpoint },
    });
    expect(removed.statusCode).toBe(204);
    expect(await rowsOf(loopback, owner)).toEqual(before);
    expect(await rowsOf(loopback, stranger)).toEqual([]);

    // A browser shared by two accounts holds one subscription, keys included: the account that turns push on
    // there last gets it (the keys are the browser's proof; nobody else has them).
    expect((await subscribe(loopback, stranger, subscription)).statusCode).toBe(204);
    expect(await rowsOf(loopback, owner)).toEqual([]);
    expect((await rowsOf(loopback, stranger)).map((r) => r.endpoint)).toEqual([subscription.endpoint]);
  });
});
