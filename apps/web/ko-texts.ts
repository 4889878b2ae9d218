import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { mergeLocale, type LocaleTree } from './src/lib/locale-tree.ts';

/**
 * The Korean texts of the first paint of home — the shell's and the home page's — as paths in the text tree (a
 * section, or a dotted path inside one). They are part of the entry, so that home never waits for a text file;
 * the others are a chunk that every other page waits for with its own (src/app/router.tsx), and the language
 * switch before it shows Korean. `npm run check:bundle` fails when a chunk of the first load names a text left
 * out here: add its section (or path) when the shell or home starts using one.
 */
// The member parts of the shell (chats, notificationCenter, userMenu, emailVerify, moderation) are a lazy chunk
// (src/app/shell/member-parts.tsx), but their texts stay here: a member's header must not wait for the rest.
export const FIRST_PAINT_TEXTS = [
  'badges',
  'bookmark',
  'brand',
  'carousel',
  'chats',
  'common',
  'crewRuns',
  'crews',
  'distance',
  'duration',
  'emailVerify',
  'errors',
  'feed',
  'footer',
  'home',
  'install',
  'language',
  'legal',
  'level',
  'moderation',
  'nav',
  'notificationCenter',
  'paceGroupsMore',
  'region',
  'runs',
  // The page descriptions of home and its default (lib/use-document-description.ts).
  'seo.default',
  'seo.home',
  'shell',
  'theme',
  'time',
  'timeOfDay',
  'userMenu',
  // START_TOO_SOON, a client code lib/messages.ts knows (the run form shows it).
  'validation.startsAt',
  'weather',
  'womenOnly',
] as const;

const LOCALES = path.join(import.meta.dirname, 'src/locales');

/** The Korean files: `ko.json`, then each feature's `extra/*.ko.json` (merged in this order, as the app does). */
export function koreanFiles(): string[] {
  const extras = readdirSync(path.join(LOCALES, 'extra'))
    .filter((name) => name.endsWith('.ko.json'))
    .sort()
    .map((name) => path.join(LOCALES, 'extra', name));
  return [path.join(LOCALES, 'ko.json'), ...extras];
}

function readTree(file: string): LocaleTree {
  return JSON.parse(readFileSync(file, 'utf8')) as LocaleTree;
}

/** The whole Korean tree, as `src/lib/locale-tree.ts` merges it. */
export function koreanTree(): LocaleTree {
  const [main, ...extras] = koreanFiles();
  if (main === undefined) throw new Error('no ko.json');
  return mergeLocale(readTree(main), Object.fromEntries(extras.map((file) => [file, readTree(file)])));
}

const isTree = (value: unknown): value is LocaleTree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path of the tree, if any. */
export function textAt(tree: LocaleTree, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree);
}

/** The tree cut in two: the paths given (with their parents), and everything else. */
export function splitTree(
  tree: LocaleTree,
  paths: readonly string[],
): { picked: LocaleTree; rest: LocaleTree } {
  const picked: LocaleTree = {};
  const rest = structuredClone(tree);
  for (const dotted of paths) {
    const keys = dotted.split('.');
    const last = keys.pop();
    if (last === undefined) continue;
    let from: unknown = rest;
    let to = picked;
    const parents: [LocaleTree, string][] = [];
    for (const key of keys) {
      if (!isTree(from)) break;
      parents.push([from, key]);
      from = from[key];
      const next = to[key];
      to = isTree(next) ? next : (to[key] = {});
    }
    if (!isTree(from) || !(last in from)) throw new Error(`FIRST_PAINT_TEXTS: no Korean text at ${dotted}`);
    to[last] = from[last];
    delete from[last];
    // Drop the parents the move left empty.
    for (const [parent, key] of parents.reverse()) {
      const child = parent[key];
      if (isTree(child) && Object.keys(child).length === 0) delete parent[key];
    }
  }
  return { picked, rest };
}

const MODULES = {
  'virtual:ko-texts/first-paint': 'picked',
  'virtual:ko-texts/rest': 'rest',
} as const;

/**
 * `virtual:ko-texts/first-paint` and `virtual:ko-texts/rest`: the Korean tree cut by FIRST_PAINT_TEXTS, each a
 * module exporting its part (src/lib/i18n.ts). The split is done from the source files on every build (and
 * again in development when one changes), so texts are still edited in ko.json and extra/*.ko.json.
 */
export function koreanTexts(): Plugin {
  return {
    name: 'erun-ko-texts',
    resolveId(id) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(id) {
      const name = id.slice(1);
      if (!id.startsWith('\0') || !(name in MODULES)) return undefined;
      const files = koreanFiles();
      for (const file of files) this.addWatchFile(file);
      const part = splitTree(koreanTree(), FIRST_PAINT_TEXTS)[MODULES[name as keyof typeof MODULES]];
      return `export default ${JSON.stringify(part)};`;
    },
  };
}
