import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `<file>.gz` and `<file>.br` next to each text file of the build, so that a web server sends them as they
 * are (nginx `gzip_static`, `brotli_static`; deploy/nginx.conf) instead of compressing on every request. Files
 * under 1 KB are left alone: compression would not pay for its headers.
 */
function precompress(): Plugin {
  return {
    name: 'erun-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(name)) continue;
        const file = path.join(dir, name);
        const data = await readFile(file);
        if (data.length < 1024) continue;
        await writeFile(`${file}.gz`, gzipSync(data, { level: 9 }));
        await writeFile(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
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

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
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
            // (socket.io, supercluster, simplify-js…) into the first load.
            {
              name: 'vendor',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
