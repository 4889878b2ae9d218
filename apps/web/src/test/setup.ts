import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { apiClient } from '../lib/api-client.ts';
import { i18n, loadKoreanTexts } from '../lib/i18n.ts';

// Any console.error or console.warn (React act() warnings, bad props, missing i18n keys…) fails the test.
let consoleProblems: string[] = [];
const record =
  (level: string) =>
  (...args: unknown[]) => {
    consoleProblems.push(`console.${level}: ${args.map(String).join(' ')}`);
  };

// A key the UI asks for but the locale files lack is a bug: report it as a console error.
i18n.options.saveMissing = true;
i18n.on('missingKey', (languages: readonly string[], _namespace: string, key: string) => {
  console.error(`missing i18n key "${key}" for ${languages.join(', ')}`);
});

// All the Korean texts, as every page but home waits for them in the app (router.tsx): tests render any page.
await loadKoreanTexts();

// findBy… waits up to 3 s: whole-app tests on a loaded CI machine can take longer than the default 1 s.
configure({ asyncUtilTimeout: 3000 });

// jsdom does not implement scrolling; the router's scroll restoration calls it on every navigation.
window.scrollTo = () => undefined;

beforeEach(() => {
  consoleProblems = [];
  vi.spyOn(console, 'error').mockImplementation(record('error'));
  vi.spyOn(console, 'warn').mockImplementation(record('warn'));
});

afterEach(async () => {
  cleanup();
  apiClient.endSession();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.localStorage.clear();
  await i18n.changeLanguage('ko');
  if (consoleProblems.length > 0)
    throw new Error(`Console output during the test:\n${consoleProblems.join('\n')}`);
});

// jsdom has <dialog> but not its modal methods.
if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

// jsdom has no CSS.escape; user-event needs it to walk a radio group with the arrow keys.
if (typeof globalThis.CSS?.escape !== 'function') {
  const escape = (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);
  globalThis.CSS = { ...globalThis.CSS, escape };
}
