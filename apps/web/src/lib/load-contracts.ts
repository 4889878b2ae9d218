/**
 * The contracts' schemas (with zod), as a chunk fetched the first time something is checked against them: the
 * modules of the entry use the contracts' types and a few zod-free values only, so the first paint does without
 * zod and the schemas (about 40 KB gzip; docs/architecture.md, "Front-end build"). Pages that load later import
 * the contracts as usual.
 */
export const loadContracts = () => import('./contract-schemas.ts');
