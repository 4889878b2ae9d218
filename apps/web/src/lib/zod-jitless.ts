/*
 * zod must not try to compile parsers with `new Function`: the app's Content-Security-Policy has no
 * 'unsafe-eval', so its one try, at the first object schema built, is a CSP violation that the browser reports
 * on every page that loads schemas (Lighthouse's best-practices "Issues" audit). Parsing is the same either way.
 * zod keeps its settings on `globalThis.__zod_globalConfig`, shared by every copy of it and read when it is
 * first evaluated, so the entry sets `jitless` there before any chunk with zod runs — without importing zod,
 * which stays off the first load. The contracts' own `zod-config.ts` does not run in the web build: the bundler
 * skips their side-effect-free index module, and that import with it, when only its re-exports are used.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
