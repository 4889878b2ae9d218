import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs } from '../db/tables.ts';
import { newRun, newUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { scriptJson } from './pages.ts';

/**
 * The page routes around the server renderer, with a stand-in for the web app's SSR bundle (the real one is built
 * by `npm run build` and exercised by e2e/tests/ssr.spec.ts): this test needs no build.
 */
const STUB = `
let calls = 0;
export async function render(url, { fetch }) {
  calls += 1;
  if (url.startsWith('/crews')) throw new Error('the renderer broke');
  if (url.startsWith('/courses')) return new Promise(() => undefined);
  const feed = await fetch('/api/runs');
  const { items } = await feed.json();
  const title = items[0] ? items[0].title : 'none';
  return {
    status: 200,
    html: '<main><h1>' + title.replace(/</g, '&lt;') + '</h1><p>render ' + calls + '</p></main>',
    state: JSON.stringify({ queries: [{ title: '</script><script>alert(1)</script>\\u2028' }] }),
    modules: ['src/app/routes/runs.tsx'],
  };
}
`;

let t: TestApp;
let dist: string;
let ssr: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'erun-web-'));
  ssr = await mkdtemp(path.join(tmpdir(), 'erun-ssr-'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<html><head><title>이RUN 저RUN</title></head><body><div id="root"></div></body></html>',
  );
  await mkdir(path.join(dist, '.vite'));
  await writeFile(
    path.join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'src/app/routes/runs.tsx': {
        file: 'assets/runs-1.js',
        css: ['assets/runs-1.css'],
        imports: ['_card.js'],
      },
      '_card.js': { file: 'assets/card-1.js', css: ['assets/card-1.css'] },
    }),
  );
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'assets', 'runs-1.css'), '.runs{color:#0a7}');
  // A stylesheet that could end the element it would be written into stays a link.
  await writeFile(path.join(dist, 'assets', 'card-1.css'), '.card::after{content:"</style><script>"}');
  await writeFile(path.join(ssr, 'entry-server.js'), STUB);
  t = await createTestApp({
    env: {
      WEB_DIST_DIR: dist,
      WEB_SSR_DIR: ssr,
      PUBLIC_URL: 'https://erun.example',
      RESPONSE_CACHE_MS: '60000',
    },
  });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
  await rm(ssr, { recursive: true, force: true });
});

describe('server-rendered pages', () => {
  it('puts the content in #root, the query cache in a JSON block, and the page CSS in the head, written in', async () => {
    const host = await newUser(t.app);
    await newRun(t.app, host, { title: '렌더링 <테스트> 런' });
    const response = await t.app.inject({ method: 'GET', url: '/runs' });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toMatch(
      /<div id="root" data-ssr=""><main><h1>[^<]*&lt;[^<]*<\/h1><p>render \d+<\/p><\/main><\/div>/,
    );
    expect(html).toContain('<script type="application/json" id="erun-ssr-state">');
    // Nothing in the data can close its element or start a script.
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    // The page's CSS is written in (no request before the first paint); its link stays, disabled, for the app's
    // loader to find.
    expect(html).toContain(
      '<style data-href="/assets/runs-1.css">.runs{color:#0a7}</style><link rel="stylesheet" href="/assets/runs-1.css" disabled />',
    );
    expect(html).toContain('<link rel="stylesheet" href="/assets/card-1.css" />');
    expect(html).not.toContain('<script>"}');
    expect(html).toContain('<link rel="modulepreload" href="/assets/runs-1.js" />');
    expect(html).toContain('<link rel="canonical" href="https://erun.example/runs" />');
    // The CSP is the app's: no inline script is allowed for this.
    expect(String(response.headers['content-security-policy'])).toMatch(
      /script-src 'self' https:\/\/t1\.kakaocdn\.net;/,
    );
  });

  it('renders a URL once for every guest for a moment; a write through the API renders it again', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/?a=1' });
    const second = await t.app.inject({ method: 'GET', url: '/?a=1' });
    const count = (body: string) => /render (\d+)/.exec(body)?.[1];
    expect(count(second.body)).toBe(count(first.body));
    const host = await newUser(t.app);
    await newRun(t.app, host);
    const third = await t.app.inject({ method: 'GET', url: '/?a=1' });
    expect(count(third.body)).not.toBe(count(first.body));
  });

  it('sends the plain page when the renderer fails or is too slow, never an error', async () => {
    for (const url of ['/crews', '/courses']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<div id="root"></div>');
      expect(page.body, url).not.toContain('erun-ssr-state');
      expect(page.body, url).toContain(`<link rel="canonical" href="https://erun.example${url}" />`);
    }
  }, 15_000);

  it('answers 404 for a run a guest may not see, with the app rendered and no canonical link', async () => {
    const host = await newUser(t.app);
    const run = await newRun(t.app, host);
    await t.database.db.update(runs).set({ hiddenAt: new Date() }).where(eq(runs.id, run.id));
    const page = await t.app.inject({ method: 'GET', url: `/runs/${run.id}` });
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('rel="canonical"');
    expect(page.body).not.toContain('og:title');
  });
});

describe('scriptJson', () => {
  it('escapes what could end the element or the line', () => {
    const json = JSON.stringify({ a: '</script>', b: '\u2028\u2029', c: '<!--', d: 'a&b' });
    const escaped = scriptJson(json);
    expect(escaped).not.toMatch(/[<>\u2028\u2029&]/);
    expect(JSON.parse(escaped)).toEqual(JSON.parse(json));
  });
});
