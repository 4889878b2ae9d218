/**
 * The bundle-size budget: what a first visit to the home page downloads (JS + CSS, gzip as served), from the
 * Vite manifest of the last web build (`apps/web/dist/.vite/manifest.json`, `build.manifest`). Prints the
 * figures and fails over budget; run by `npm run check:bundle` (which builds first), part of `npm run validate`.
 *
 * First load of home = the entry (index.html's script) with every chunk it imports statically, plus the home
 * page's own lazy chunk with its static imports (the router fetches it before the first paint). Chunks that are
 * only imported dynamically (other pages, maps, charts, English texts, socket.io) are left out.
 *
 * It also checks that those files name only Korean texts the first paint carries (FIRST_PAINT_TEXTS in
 * apps/web/ko-texts.ts): a key written whole (`'home.title'`) must be there, and so must everything under a key
 * built at run time (`` `region.${code}` ``). Others would show as keys until another page fetched the rest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { FIRST_PAINT_TEXTS, koreanTree, splitTree, textAt } from '../apps/web/ko-texts.ts';

/** KB (1,000 bytes) gzip. The goal is 100; see docs/architecture.md ("Front-end build") for the rest. */
const BUDGET_KB = 185;
const HOME_PAGE = 'src/app/routes/home.tsx';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const dist = path.resolve('apps/web/dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

/** The files `key` loads at once: its own, its CSS, and the same for each static import, recursively. */
function closure(key: string, seen = new Set<string>(), files = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return files;
  seen.add(key);
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, seen, files);
  return files;
}

function weigh(files: Iterable<string>) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = readFileSync(path.join(dist, file));
    raw += data.length;
    // Level 9: what the build's precompressed .gz files hold, hence what is sent.
    gzip += gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!entryKey) throw new Error('the manifest has no entry: run `npm run build` first');
if (!manifest[HOME_PAGE]) throw new Error(`the manifest has no chunk for ${HOME_PAGE}`);

const entryFiles = closure(entryKey);
const homeFiles = [...closure(HOME_PAGE)].filter((file) => !entryFiles.has(file));
const rows: [string, string[]][] = [
  ['entry + static imports', [...entryFiles]],
  ['home page chunk', homeFiles],
  ['first load of home', [...entryFiles, ...homeFiles]],
];
for (const [label, files] of rows) {
  const { raw, gzip } = weigh(files);
  const js = weigh(files.filter((f) => f.endsWith('.js')));
  const css = weigh(files.filter((f) => f.endsWith('.css')));
  console.log(
    `${label.padEnd(24)} ${String(files.length).padStart(3)} files  ${kb(raw).padStart(9)} raw  ` +
      `${kb(gzip).padStart(8)} gzip  (JS ${kb(js.gzip)}, CSS ${kb(css.gzip)})`,
  );
}
/** Texts named by the first load that the first paint's Korean texts lack (keys, or `prefix.*`). */
function textsLeftOut(files: string[]): string[] {
  const tree = koreanTree();
  const { picked } = splitTree(tree, FIRST_PAINT_TEXTS);
  const sections = new Set(Object.keys(tree));
  const inTexts = (key: string) => sections.has(key.split('.')[0] ?? '') && textAt(tree, key) !== undefined;
  const carried = (key: string) => isDeepStrictEqual(textAt(picked, key), textAt(tree, key));
  const missing = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(path.join(dist, file), 'utf8');
    for (const [, key = ''] of code.matchAll(/["'`]([A-Za-z]\w*(?:\.\w+)+)["'`]/g)) {
      if (inTexts(key) && !carried(key)) missing.add(key);
    }
    for (const [, prefix = ''] of code.matchAll(/`([A-Za-z]\w*(?:\.\w+)*)\.\$\{/g)) {
      if (inTexts(prefix) && !carried(prefix)) missing.add(`${prefix}.*`);
    }
  }
  return [...missing].sort();
}

const leftOut = textsLeftOut([...entryFiles, ...homeFiles]);
if (leftOut.length > 0) {
  console.error(
    `The first load names Korean texts its first paint lacks: ${leftOut.join(', ')}. ` +
      'Add them (or their section) to FIRST_PAINT_TEXTS in apps/web/ko-texts.ts.',
  );
  process.exit(1);
}

const total = weigh([...entryFiles, ...homeFiles]).gzip;
if (total > BUDGET_KB * 1000) {
  console.error(`Over budget: the first load of home is ${kb(total)} gzip, the budget ${BUDGET_KB} KB.`);
  process.exit(1);
}
console.log(`Within budget: ${kb(total)} of ${BUDGET_KB} KB gzip.`);
