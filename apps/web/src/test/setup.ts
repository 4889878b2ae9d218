import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { apiClient } from '../lib/api-client.ts';
import { i18n } from '../lib/i18n.ts';

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
