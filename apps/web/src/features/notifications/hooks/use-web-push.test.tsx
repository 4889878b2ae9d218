import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { jsonResponse, mockApi } from '../../../test/api.ts';
import { useWebPush } from './use-web-push.ts';

const ENDPOINT = 'https://push.example/send/abc';
const KEYS = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };

/**
 * A browser that supports push, with permission granted and no subscription until one is made. Its service
 * worker is new unless `active`: `register()` settles while it is still installing (as browsers do), it
 * becomes active a moment later, and `subscribe()` refuses a registration without an active worker (as the
 * Push API says).
 */
function fakeBrowser({ active = true } = {}) {
  let subscription: { endpoint: string; toJSON: () => unknown; unsubscribe: () => Promise<boolean> } | null =
    null;
  const registration: { active: object | null; pushManager: unknown } = { active: null, pushManager: null };
  const pushManager = {
    getSubscription: vi.fn(async () => subscription),
    subscribe: vi.fn(async () => {
      if (!registration.active) throw new DOMException('no active Service Worker', 'InvalidStateError');
      subscription = {
        endpoint: ENDPOINT,
        toJSON: () => ({ endpoint: ENDPOINT, expirationTime: null, keys: KEYS }),
        unsubscribe: async () => true,
      };
      return subscription;
    }),
  };
  registration.pushManager = pushManager;
  let activate = () => {};
  const ready = new Promise((resolve) => {
    activate = () => {
      registration.active = {};
      resolve(registration);
    };
  });
  if (active) activate();
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: {
      register: vi.fn(async () => {
        setTimeout(activate, 20);
        return registration;
      }),
      getRegistration: vi.fn(async () => registration),
      ready,
    },
  });
  vi.stubGlobal('PushManager', function PushManager() {});
  vi.stubGlobal(
    'Notification',
    Object.assign(function Notification() {}, {
      permission: 'granted',
      requestPermission: vi.fn(async () => 'granted'),
    }),
  );
  return pushManager;
}

const wrapper = ({ children }: { children: ReactNode }) => (
  <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
);

/** The hook on a browser that can push, with the server taking subscriptions; push is off so far. */
async function renderOff() {
  const api = mockApi({
    'GET /api/push/public-key': () => jsonResponse(200, { publicKey: 'BAAA' }),
    'POST /api/me/push-subscriptions': () => new Response(null, { status: 204 }),
  });
  const { result } = renderHook(() => useWebPush(), { wrapper });
  await waitFor(() => expect(result.current.state).toBe('off'));
  return { api, result };
}

describe('useWebPush', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
    await i18n.changeLanguage('ko');
  });

  it('gives the server the subscription in the app’s language, and tells it again after a switch', async () => {
    fakeBrowser();
    const { api, result } = await renderOff();

    await act(() => result.current.enable());
    expect(result.current.state).toBe('on');
    const saves = () => api.calls.filter((c) => c.path === '/api/me/push-subscriptions');
    expect(saves().map((c) => c.body)).toEqual([
      { endpoint: ENDPOINT, expirationTime: null, keys: KEYS, locale: 'en' },
    ]);

    await act(() => i18n.changeLanguage('ko'));
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect(saves()[1]?.body).toMatchObject({ endpoint: ENDPOINT, locale: 'ko' });
  });

  it('subscribes on a first visit once the new service worker is active, not when register() settles', async () => {
    const pushManager = fakeBrowser({ active: false });
    const { api, result } = await renderOff();

    await act(() => result.current.enable());
    expect(result.current.state).toBe('on');
    expect(pushManager.subscribe).toHaveBeenCalledTimes(1);
    expect(api.calls.filter((c) => c.path === '/api/me/push-subscriptions').map((c) => c.body)).toEqual([
      { endpoint: ENDPOINT, expirationTime: null, keys: KEYS, locale: 'en' },
    ]);
  });
});
