import { PushSubscriptionSchema, type PushLocale } from '@erun/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deletePushSubscription, getPushPublicKey, savePushSubscription } from '../api/push-subscription.ts';

export type PushState = 'checking' | 'unsupported' | 'denied' | 'off' | 'on';

const SW_URL = '/sw.js';

function supported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(SW_URL);
  return registration ? registration.pushManager.getSubscription() : null;
}

/** The subscription as the server takes it, with the language this device's pushes are written in. */
function forServer(subscription: PushSubscription, locale: PushLocale) {
  return { ...PushSubscriptionSchema.parse(subscription.toJSON()), locale };
}

/**
 * Web push on this browser: registers the service worker, asks for permission, subscribes with the
 * server's VAPID key and gives the subscription to the server, with the app's language; `disable` undoes it
 * on both sides. Switching the language while push is on tells the server, so pushes follow it.
 */
export function useWebPush() {
  const [state, setState] = useState<PushState>('checking');
  const { i18n } = useTranslation();
  const locale: PushLocale = i18n.resolvedLanguage === 'en' ? 'en' : 'ko';
  // The language the server last heard from this page for this device.
  const sentLocale = useRef<PushLocale | null>(null);

  const refresh = useCallback(async () => {
    if (!supported()) return setState('unsupported');
    if (Notification.permission === 'denied') return setState('denied');
    setState((await currentSubscription()) ? 'on' : 'off');
  }, []);

  useEffect(() => {
    // The browser answers asynchronously anyway; a timer keeps the first state change out of the effect body.
    const timer = setTimeout(() => {
      refresh().catch(() => setState('off'));
    }, 0);
    return () => clearTimeout(timer);
  }, [refresh]);

  const enable = useCallback(async () => {
    await navigator.serviceWorker.register(SW_URL);
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      setState(permission === 'denied' ? 'denied' : 'off');
      return;
    }
    const { publicKey } = await getPushPublicKey();
    // subscribe() needs an active worker (Push API), and register() settles while a new one is still installing.
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
    await savePushSubscription(forServer(subscription, locale));
    sentLocale.current = locale;
    setState('on');
  }, [locale]);

  useEffect(() => {
    if (state !== 'on' || sentLocale.current === locale) return;
    sentLocale.current = locale;
    // Saving again is an upsert by endpoint: the same subscription, now in this language.
    void currentSubscription()
      .then((subscription) =>
        subscription ? savePushSubscription(forServer(subscription, locale)) : undefined,
      )
      .catch(() => undefined);
  }, [state, locale]);

  const disable = useCallback(async () => {
    const subscription = await currentSubscription();
    if (subscription) {
      await deletePushSubscription(subscription.endpoint);
      await subscription.unsubscribe();
    }
    setState('off');
  }, []);

  return { state, enable, disable };
}
