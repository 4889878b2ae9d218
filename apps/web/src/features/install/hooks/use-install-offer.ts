import { useCallback, useState, useSyncExternalStore } from 'react';
import { useMediaQuery } from '../../../lib/use-media-query.ts';

/** Chrome's install prompt, held back so that the app offers it in its own words, once. */
interface InstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
}

let deferred: InstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

// Offered once: dismissed or taken, it never comes back on this browser (a preference, so localStorage).
const STORAGE_KEY = 'erun.installOffer';
const PHONE = '(max-width: 767px) and (pointer: coarse)';

function done(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return true; // no storage: an offer that could not stay dismissed would come back on every page
  }
}

function remember(): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, 'done');
  } catch {
    // Private mode without storage: the offer is not shown there (see `done`).
  }
}

/**
 * Keeps Chrome's `beforeinstallprompt` for the offer. Called from main.tsx before the first render: Chrome may
 * fire it before React has mounted anything.
 */
export function listenForInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as InstallPromptEvent;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    remember();
    notify();
  });
}

function installed(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

/** Safari on an iPhone or iPad: no install prompt there, only Share → 홈 화면에 추가. */
function iosSafari(): boolean {
  const agent = navigator.userAgent;
  return /iPhone|iPad|iPod/.test(agent) && /Safari\//.test(agent) && !/CriOS|FxiOS|EdgiOS/.test(agent);
}

export type InstallOffer = 'prompt' | 'ios' | null;

/** What to offer now (nothing on a computer, in the installed app, or once dismissed), and the two answers. */
export function useInstallOffer() {
  const phone = useMediaQuery(PHONE, false);
  const [closed, setClosed] = useState(done);
  const event = useSyncExternalStore(
    subscribe,
    () => deferred,
    () => null,
  );
  const offer: InstallOffer =
    !phone || closed || installed() ? null : event ? 'prompt' : iosSafari() ? 'ios' : null;
  const dismiss = useCallback(() => {
    remember();
    setClosed(true);
  }, []);
  const install = useCallback(async () => {
    const prompt = deferred;
    deferred = null;
    remember();
    setClosed(true);
    notify();
    await prompt?.prompt();
  }, []);
  return { offer, install, dismiss };
}
