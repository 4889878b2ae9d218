import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import type { SharedReads } from '../ports/shared-reads.ts';
import { escapeHtml, withPreview } from './run-preview.ts';

/** What apps/web/src/entry-server.tsx renders for a URL (see there). */
export interface RenderedPage {
  status: number;
  /** The page's markup, to go inside `<div id="root">`. */
  html: string;
  /** The dehydrated query cache, JSON. */
  state: string;
  /** Source modules of the page (e.g. `src/app/routes/runs.tsx`): their CSS is linked in the head. */
  modules: string[];
}

export type RenderPage = (url: string, options: { fetch: typeof fetch }) => Promise<RenderedPage | null>;

/**
 * The SSR bundle's render, loaded once; null when the web app was built without it. A rebuilt bundle needs a
 * restart (its chunks import the entry back by its plain URL: loading it again under another URL would make a
 * second copy of its modules).
 */
export function ssrRendererOf(ssrDir: string | undefined): () => Promise<RenderPage | null> {
  let loaded: Promise<RenderPage | null> | null = null;
  return () =>
    (loaded ??= (async () => {
      const entry = ssrDir ? path.join(ssrDir, 'entry-server.js') : null;
      if (!entry || !(await stat(entry).catch(() => null))) return null;
      const module = (await import(pathToFileURL(entry).href)) as { render: RenderPage };
      return module.render;
    })());
}

interface Manifest {
  [source: string]: { file: string; css?: string[]; imports?: string[]; isEntry?: boolean };
}

/** The stylesheets (and module preloads) of the page's own chunks, so the HTML paints styled before the JS. */
function assetLinks(manifest: Manifest, modules: string[]): string {
  const css = new Set<string>();
  const js = new Set<string>();
  const visit = (key: string, top: boolean) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry) return;
    if (top) js.add(chunk.file);
    chunk.css?.forEach((file) => css.add(file));
    chunk.imports?.forEach((k) => visit(k, false));
  };
  modules.forEach((m) => visit(m, true));
  return [
    ...[...css].map((f) => `<link rel="stylesheet" href="/${escapeHtml(f)}" />`),
    ...[...js].map((f) => `<link rel="modulepreload" href="/${escapeHtml(f)}" />`),
  ].join('\n    ');
}

/** JSON inside a `<script>` element: nothing in it may close the element or break the line as JavaScript. */
export function scriptJson(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface PagesOptions {
  distDir: string;
  publicUrl: string;
  /** The item's Open Graph tags, or null when a guest may not see it (then the page is a 404). */
  previews: {
    runs: (id: string) => Promise<string | null>;
    courses: (id: string) => Promise<string | null>;
    crews: (id: string) => Promise<string | null>;
  };
  render: () => Promise<RenderPage | null>;
  /** A guest's page is the same for everyone for a moment: one render serves them (ADR 023). */
  cache: SharedReads;
  /** A render taking longer than this is abandoned: the plain page is sent instead. */
  renderTimeoutMs?: number;
}

const ROOT = '<div id="root"></div>';
const Id = z.uuid();

/**
 * The public pages — home, the lists of runs, courses and crews, and a run's, a course's or a crew's page — with
 * a canonical link, the item's preview tags, and their content rendered on the server (ADR 023). Everything else
 * is the plain SPA page. Guests only: the server never sees a session on a page load.
 */
export function registerPages(app: FastifyInstance, options: PagesOptions): void {
  const { distDir, publicUrl } = options;
  const timeout = options.renderTimeoutMs ?? 3000;
  /** The guest's own API calls, made in-process: the same routes, hooks, rate limits and guest cache. */
  const inject =
    (request: FastifyRequest): typeof fetch =>
    async (input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { accept: 'application/json' },
        // The reader's address: their own rate limits, not one bucket for every page load.
        remoteAddress: request.ip,
      });
      const hasBody = response.statusCode !== 204 && response.statusCode !== 304;
      return new Response(hasBody ? response.rawPayload : null, {
        status: response.statusCode,
        headers: { 'content-type': String(response.headers['content-type'] ?? 'application/json') },
      });
    };

  async function renderBody(request: FastifyRequest, url: string): Promise<RenderedPage | null> {
    const render = await options.render();
    if (!render) return null;
    return options.cache.shared(`page:${url}`, () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`server rendering took over ${timeout} ms`)), timeout);
      });
      return Promise.race([render(url, { fetch: inject(request) }), late]).finally(() => clearTimeout(timer));
    });
  }

  /** The page's content, or null when rendering is off or fails (never a 500 for a page load). */
  async function rendered(request: FastifyRequest): Promise<RenderedPage | null> {
    try {
      return await renderBody(request, request.url);
    } catch (error) {
      request.log.error({ err: error }, 'server rendering failed: sent the page without its content');
      return null;
    }
  }

  async function page(request: FastifyRequest, preview: Promise<string | null> | null) {
    // Rendering and the preview's read at once (the preview's item is in the guest cache by the render's call).
    const content = rendered(request);
    // Read each time (a few KB from the page cache): a rebuilt web app is served without a restart.
    const index = await readFile(path.join(distDir, 'index.html'), 'utf8');
    const pathname = request.url.split('?')[0] ?? '/';
    const tags = preview ? await preview : '';
    const page = await content;
    // An item a guest may not see: the app's "not found", without a canonical URL or preview.
    if (tags === null) return { status: 404, html: await withContent(index, page) };
    const canonical = `<link rel="canonical" href="${escapeHtml(`${publicUrl}${pathname}`)}" />`;
    const head = addToHead(tags ? withPreview(index, tags) : index, canonical);
    return { status: page?.status ?? 200, html: await withContent(head, page) };
  }

  /** The page's markup inside #root, its query cache as a JSON data block (no script runs: CSP unchanged). */
  async function withContent(index: string, page: RenderedPage | null): Promise<string> {
    if (!page || !index.includes(ROOT)) return index;
    const manifest = await readManifest();
    const state = `<script type="application/json" id="erun-ssr-state">${scriptJson(page.state)}</script>`;
    const html = addToHead(index, assetLinks(manifest, page.modules)).replace(
      ROOT,
      () => `<div id="root" data-ssr="">${page.html}</div>\n    ${state}`,
    );
    return inlineStyles(html, (file) => styles.read(path.join(distDir, file)));
  }

  async function readManifest(): Promise<Manifest> {
    try {
      return JSON.parse(await readFile(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return {};
    }
  }

  const styles = new StyleFiles();

  const send = (reply: FastifyReply, result: { status: number; html: string }) =>
    reply
      .status(result.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(result.html);

  for (const list of ['/', '/runs', '/courses', '/crews']) {
    app.get(list, { schema: { hide: true } }, async (request, reply) =>
      send(reply, await page(request, null)),
    );
  }
  for (const kind of ['runs', 'courses', 'crews'] as const) {
    app.get(`/${kind}/:id`, { schema: { hide: true } }, async (request, reply) => {
      const id = Id.safeParse((request.params as { id: string }).id);
      const preview = id.success
        ? options.previews[kind](id.data).catch(notFoundAsNull)
        : Promise.resolve(null);
      return send(reply, await page(request, preview));
    });
  }
}

const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[\w.-]+\.css)"\s*\/?>/g;

/**
 * A rendered page's stylesheets written into it (ADR 023): it paints as soon as it arrives, not after a request per
 * stylesheet (a dozen small files, each a round trip on a phone's line). Each link stays, `disabled`, so the
 * browser does not fetch it, and the app's loader, which looks for a page's CSS among the document's stylesheet
 * links before adding one, finds it there and adds none. A file that cannot be read keeps its plain link.
 */
export async function inlineStyles(html: string, read: (file: string) => Promise<string | null>) {
  const files = [...new Set([...html.matchAll(STYLESHEET)].map((m) => m[1] ?? ''))];
  const css = new Map(await Promise.all(files.map(async (file) => [file, await read(file)] as const)));
  return html.replace(STYLESHEET, (link, file: string) => {
    const text = css.get(file);
    if (text === null || text === undefined || /<\/style/i.test(text)) return link;
    return `<style data-href="/${file}">${text}</style><link rel="stylesheet" href="/${file}" disabled />`;
  });
}

/** The build's stylesheets, read once each (their names change with their content); at most 200 kept. */
class StyleFiles {
  private readonly files = new Map<string, Promise<string | null>>();

  read(file: string): Promise<string | null> {
    let text = this.files.get(file);
    if (!text) {
      text = readFile(file, 'utf8').catch(() => null);
      this.files.set(file, text);
      void text.then((found) => {
        if (found === null) this.files.delete(file);
      });
      for (const oldest of this.files.keys()) {
        if (this.files.size <= 200) break;
        this.files.delete(oldest);
      }
    }
    return text;
  }
}

function addToHead(html: string, tags: string): string {
  return tags ? html.replace('</head>', () => `    ${tags}\n  </head>`) : html;
}

export function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.statusCode === 404) return null;
  throw error;
}
