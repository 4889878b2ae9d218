import en from '../locales/en.json';
import { mergeLocale, type LocaleTree } from './locale-tree.ts';

// Loaded on demand (src/lib/i18n.ts): a chunk of its own that Korean readers never download.
export const enTree = mergeLocale(
  en,
  import.meta.glob<LocaleTree>('../locales/extra/*.en.json', { eager: true, import: 'default' }),
);
