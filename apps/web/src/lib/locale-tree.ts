/**
 * One language's text tree: its main file (`locales/<lang>.json`) with each feature file
 * (`locales/extra/<feature>.<lang>.json`) deep-merged in, so features keep their own texts in their own files.
 */
export type LocaleTree = Record<string, unknown>;

function isTree(value: unknown): value is LocaleTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(target: LocaleTree, source: LocaleTree): LocaleTree {
  const out: LocaleTree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = isTree(existing) && isTree(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

/** `extras`: an eager `import.meta.glob` of one language's feature files (path → content). */
export function mergeLocale(main: LocaleTree, extras: Record<string, LocaleTree>): LocaleTree {
  let tree = main;
  for (const [, content] of Object.entries(extras).sort(([a], [b]) => a.localeCompare(b))) {
    tree = deepMerge(tree, content);
  }
  return tree;
}
