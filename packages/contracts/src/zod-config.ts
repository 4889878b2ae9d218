import { z } from 'zod';

/*
 * In a browser, zod is told up front not to compile parsers with `new Function`. It would find out by trying
 * once, when the first object schema is built; the web app's Content-Security-Policy has no 'unsafe-eval', so
 * the try fails and the browser reports a CSP violation on every page (Lighthouse's best-practices "Issues"
 * audit). Parsing is the same either way: under that policy the compiled path was never available. This is
 * index.ts's first import, so it runs before any schema here is built; the server keeps its compiled parsers.
 */
if ('document' in globalThis) z.config({ jitless: true });
