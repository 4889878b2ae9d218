import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** What a push service hands the browser for a subscription: where to post, and the keys to encrypt to. */
export interface PushEndpoint {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const STORE = 'e2e:push-subscription';

/**
 * Runs in the page before its own scripts. Headless Chromium reaches no push service (and refuses the Push
 * API in the incognito-like contexts Playwright opens), so `subscribe` hands out `subscription` instead: an
 * endpoint on the test's fake push service with keys the test holds. Everything else is the app's own code
 * path (service worker registration, permission, `applicationServerKey`, `toJSON()`), checked as Chrome and
 * the Push API check it. The subscription is kept in localStorage so `getSubscription` finds it after a reload.
 */
function fakePushManager({ subscription, store }: { subscription: PushEndpoint; store: string }): void {
  const owners = new WeakMap<PushManager, ServiceWorkerRegistration>();
  const getter = Object.getOwnPropertyDescriptor(ServiceWorkerRegistration.prototype, 'pushManager')?.get;
  if (!getter) return;
  Object.defineProperty(ServiceWorkerRegistration.prototype, 'pushManager', {
    configurable: true,
    enumerable: true,
    get(this: ServiceWorkerRegistration) {
      const manager = getter.call(this) as PushManager;
      owners.set(manager, this);
      return manager;
    },
  });
  const toBase64Url = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const fromBase64Url = (text: string) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  };
  const bytesOf = (key: BufferSource | string | null | undefined) => {
    if (typeof key === 'string') return fromBase64Url(key);
    if (key instanceof ArrayBuffer) return new Uint8Array(key);
    if (ArrayBuffer.isView(key)) return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
    return new Uint8Array();
  };
  type Stored = PushEndpoint & { applicationServerKey: string };
  const subscriptionOf = (stored: Stored) => ({
    endpoint: stored.endpoint,
    expirationTime: null,
    options: {
      userVisibleOnly: true,
      applicationServerKey: fromBase64Url(stored.applicationServerKey).buffer,
    },
    getKey: (name: string) =>
      name === 'p256dh' || name === 'auth' ? fromBase64Url(stored.keys[name]).buffer : null,
    toJSON: () => ({ endpoint: stored.endpoint, expirationTime: null, keys: { ...stored.keys } }),
    unsubscribe: async () => {
      localStorage.removeItem(store);
      return true;
    },
  });
  PushManager.prototype.subscribe = async function subscribe(this: PushManager, options = {}) {
    // The Push API's own checks: an active service worker, granted permission, visible notifications only,
    // and the sender's key as an uncompressed P-256 point.
    if (!owners.get(this)?.active) {
      throw new DOMException('Subscription failed - no active Service Worker', 'InvalidStateError');
    }
    if (Notification.permission !== 'granted') {
      throw new DOMException('Registration failed - permission denied', 'NotAllowedError');
    }
    if (options.userVisibleOnly !== true) {
      throw new DOMException('Push subscriptions must be userVisibleOnly', 'NotAllowedError');
    }
    const key = bytesOf(options.applicationServerKey);
    if (key.length !== 65 || key[0] !== 4) {
      throw new DOMException('The applicationServerKey is not a P-256 public key', 'InvalidAccessError');
    }
    const stored: Stored = { ...subscription, applicationServerKey: toBase64Url(key) };
    localStorage.setItem(store, JSON.stringify(stored));
    return subscriptionOf(stored);
  };
  PushManager.prototype.getSubscription = async function getSubscription() {
    const stored = localStorage.getItem(store);
    return stored ? subscriptionOf(JSON.parse(stored) as Stored) : null;
  };
}

/** From the next page load on, this context's browser subscribes to `subscription` (see fakePushManager). */
export async function subscribeToFakePushService(
  context: BrowserContext,
  subscription: PushEndpoint,
): Promise<void> {
  await context.addInitScript(fakePushManager, { subscription, store: STORE });
}

/** The VAPID key (base64url) the page subscribed with, as the push service would have recorded it. */
export async function subscribedServerKey(page: Page): Promise<string | undefined> {
  const stored = await page.evaluate((key) => localStorage.getItem(key), STORE);
  return stored ? (JSON.parse(stored) as { applicationServerKey: string }).applicationServerKey : undefined;
}

/**
 * Hands a push message to the page's service worker, as the browser does when its push service delivers one
 * (Chrome DevTools Protocol; `data` is the decrypted payload).
 */
export async function deliverPushMessage(page: Page, data: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const scope = new URL('/', page.url()).href;
  const ids = new Set<string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    for (const r of registrations) if (r.scopeURL === scope && !r.isDeleted) ids.add(r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => ids.size, { message: `a service worker registered for ${scope}` }).toBe(1);
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(page.url()).origin,
    registrationId: [...ids][0] ?? '',
    data,
  });
  await cdp.detach();
}

/** The notifications the page's service worker is showing. */
export function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      link: (n.data as { link?: string } | null)?.link,
    }));
  });
}
