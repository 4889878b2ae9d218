import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocaleTree } from './locale-tree.ts';
import { koTree } from './locale-ko.ts';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ko';
// The language choice is a preference, not a secret: localStorage is fine for it.
const STORAGE_KEY = 'erun.language';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(language: string): void {
  // The server renderer (entry-server.tsx) has no document: its pages are Korean.
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

/** The full text tree of one language: Korean is in the entry, English a chunk fetched on first use. */
export async function loadLocaleTree(language: Language): Promise<LocaleTree> {
  return language === 'ko' ? koTree : (await import('./locale-en.ts')).enTree;
}

/** i18next asks this for a language it has no texts for yet, and switches only once they have arrived. */
const lazyLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    loadLocaleTree(language).then(
      (tree) => callback(null, tree),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

i18n.on('languageChanged', applyLanguage);

/** Resolves once the stored language's texts are in (at once for Korean): render after it, never showing keys. */
export const i18nReady = i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { ko: { translation: koTree } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });

export { i18n };
