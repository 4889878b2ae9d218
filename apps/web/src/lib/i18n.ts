import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import koFirstPaint from 'virtual:ko-texts/first-paint';
import { mergeLocale, type LocaleTree } from './locale-tree.ts';

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

let koreanRest: Promise<LocaleTree> | undefined;

/**
 * The Korean texts beyond the first paint's (apps/web/ko-texts.ts), fetched once and added to i18next's store.
 * A failed fetch (offline) is tried again by the next caller.
 */
export function loadKoreanTexts(): Promise<LocaleTree> {
  koreanRest ??= import('virtual:ko-texts/rest').then(
    ({ default: rest }) => {
      i18n.addResourceBundle('ko', 'translation', rest, true, true);
      return rest;
    },
    (error: unknown) => {
      koreanRest = undefined;
      throw error;
    },
  );
  return koreanRest;
}

/**
 * What a page other than home waits for with its chunk (src/app/router.tsx): the rest of the Korean texts, when
 * Korean is shown. English comes whole (one chunk, before the first render).
 */
export async function pageTextsReady(): Promise<void> {
  if (i18n.resolvedLanguage !== 'en') await loadKoreanTexts();
}

/** Shows another language once all its texts are in, so that no page shows a key meanwhile. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language === 'ko') await loadKoreanTexts();
  await i18n.changeLanguage(language);
}

/**
 * The full text tree of one language: Korean's first paint is in the entry and the rest a chunk; English is a
 * chunk fetched on first use.
 */
export async function loadLocaleTree(language: Language): Promise<LocaleTree> {
  if (language === 'ko') return mergeLocale(koFirstPaint, { rest: await loadKoreanTexts() });
  return (await import('./locale-en.ts')).enTree;
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

/**
 * Resolves once the stored language's texts for the first paint are in (at once for Korean): render after it,
 * never showing keys.
 */
export const i18nReady = i18n
  .use(lazyLocales)
  .use(initReactI18next)
  .init({
    resources: { ko: { translation: koFirstPaint } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });

export { i18n };
