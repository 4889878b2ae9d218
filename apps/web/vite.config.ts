import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type ConfigEnv, defineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { koreanTexts } from './ko-texts.ts';

const brotli = promisify(brotliCompress);
/** The browser's build; not the server renderer's (`vite build --ssr`, into dist-ssr/: ADR 023). */
const clientBuild = (_config: unknown, env: ConfigEnv) => env.command === 'build' && env.isSsrBuild !== true;
const gzipped = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;

/**
 * Writes `<file>.br` and `<file>.gz` next to each text file of the build — the bundle and the files copied from
 * public/ (sw.js, icons) alike — so that the API (@fastify/static `preCompressed`) and nginx (`gzip_static`,
 * `brotli_static`; deploy/nginx.conf) send them as they are instead of compressing on every request, at the
 * best ratio (brotli 11, gzip 9), which is too slow to do per request (ADR 022). Files under 1 KB other than
 * index.html are left alone: compression would not pay for its headers.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'erun-precompress',
    apply: clientBuild,
    configResolved(config: ResolvedConfig) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After the bundle is written and public/ copied: every file of the output folder.
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
        .map((e) => path.join(e.parentPath, e.name));
      await Promise.all(
        files.map(async (file) => {
          const data = await readFile(file);
          // The page itself always: it starts every visit, on the slowest leg of it.
          if (data.length < 1024 && !file.endsWith('.html')) return;
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzipped(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/** Files of public/ that the service worker keeps with the shell (the offline page is always kept). */
const PUBLIC_SHELL = ['/manifest.webmanifest', '/favicon.svg', '/icons/icon-192.png'];

/** The entry's files (JS and CSS) with everything it imports statically: what every page loads first. */
function entryFiles(bundle: Rolldown.OutputBundle): string[] {
  const files = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (!chunk || chunk.type !== 'chunk' || files.has(name)) return;
    files.add(name);
    chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
    chunk.imports.forEach(visit);
  };
  for (const chunk of Object.values(bundle))
    if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
  return [...files];
}

/**
 * Writes the release's app shell into the built sw.js (public/sw.js, line `const BUILD = …`): the entry's files
 * and a few public ones, with a version drawn from their content, so that a new release installs a new cache
 * and drops the old one.
 */
function serviceWorkerShell(): Plugin {
  return {
    name: 'erun-sw-shell',
    apply: clientBuild,
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const shell = [...entryFiles(bundle).map((file) => `/${file}`), ...PUBLIC_SHELL];
      const hash = createHash('sha256');
      for (const file of [...shell, '/offline.html']) hash.update(await readFile(path.join(dir, file)));
      const build = JSON.stringify({ version: hash.digest('hex').slice(0, 12), shell });
      const sw = path.join(dir, 'sw.js');
      const source = await readFile(sw, 'utf8');
      const replaced = source.replace(/^const BUILD = .*;$/m, `const BUILD = ${build};`);
      if (replaced === source) throw new Error('public/sw.js has no `const BUILD = …;` line to fill in');
      await writeFile(sw, replaced);
    },
  };
}

// In development the API runs on its own port; the browser still talks same-origin through this proxy,
// so the refresh cookie (scoped to /api/auth) behaves as in production.
const API_TARGET = 'http://localhost:3000';
const proxy = {
  '/api': { target: API_TARGET, changeOrigin: false },
  '/uploads': { target: API_TARGET, changeOrigin: false },
  '/socket.io': { target: API_TARGET, ws: true },
};

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), koreanTexts(), precompress(), serviceWorkerShell()],
  // The server renderer bundles every package it renders with, React's production build among them: left in
  // node_modules, React picks its development build wherever NODE_ENV is not "production" (`npm start`), which
  // renders a page several times slower. One bundle also means one copy of React for everything that uses it.
  ssr: { noExternal: isSsrBuild ? true : ['@erun/contracts'] },
  ...(isSsrBuild ? { define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  build: isSsrBuild
    ? { outDir: 'dist-ssr', emptyOutDir: true, target: 'node20', copyPublicDir: false }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        // scripts/check-bundle.ts reads it to weigh what the home page loads first (`npm run check:bundle`).
        manifest: true,
        rolldownOptions: {
          output: {
            // Libraries change less often than the app: separate chunks stay cached across releases.
            codeSplitting: {
              groups: [
                {
                  name: 'react',
                  test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
                  priority: 4,
                },
                // Maps load with the first map on screen (a lazy import), not with every page. Below react, so
                // react-leaflet's dependency on react stays in the react chunk instead of pulling leaflet in.
                {
                  name: 'leaflet',
                  test: /node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/,
                  priority: 3,
                },
                { name: 'gpx', test: /node_modules[\\/]@tmcw[\\/]/, priority: 3 },
                // Only the libraries every page needs: a catch-all would pull each page's own libraries
                // (socket.io, supercluster, simplify-js…) into the first load. zod comes with the contracts'
                // schemas (lib/load-contracts.ts), which the first paint does without.
                {
                  name: 'vendor',
                  test: /node_modules[\\/](@tanstack|i18next|react-i18next)[\\/]/,
                  priority: 1,
                },
              ],
            },
          },
        },
      },
  server: { proxy },
  preview: { proxy },
}));
