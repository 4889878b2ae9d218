import ko from '../locales/ko.json';
import { mergeLocale, type LocaleTree } from './locale-tree.ts';

// Korean is the default language: it is part of the entry, so the first paint never waits for a text file.
export const koTree = mergeLocale(
  ko,
  import.meta.glob<LocaleTree>('../locales/extra/*.ko.json', { eager: true, import: 'default' }),
);
