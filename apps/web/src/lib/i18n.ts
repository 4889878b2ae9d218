import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import ko from '../locales/ko.json';

/**
 * Feature locale files: `locales/extra/<feature>.<lang>.json`, deep-merged into the main ones, so features
 * keep their own texts in their own files.
 */
const extraFiles = import.meta.glob<Record<string, unknown>>('../locales/extra/*.json', {
  eager: true,
  import: 'default',
});

type Tree = Record<string, unknown>;
function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function deepMerge(target: Tree, source: Tree): Tree {
  const out: Tree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = isTree(existing) && isTree(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

/** The full text tree of one language: the main file plus every `extra/*.<lang>.json`. */
export function localeTree(language: 'ko' | 'en'): Tree {
  let tree: Tree = language === 'ko' ? ko : en;
  for (const [file, content] of Object.entries(extraFiles).sort(([a], [b]) => a.localeCompare(b))) {
    if (file.endsWith(`.${language}.json`)) tree = deepMerge(tree, content);
  }
  return tree;
}

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
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: localeTree('ko') }, en: { translation: localeTree('en') } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

export { i18n };
