// The layering of docs/architecture.md as lint, so `npm run validate` refuses the next leak (issue 14, point 5).
// Imported by eslint.config.js; scripts/boundaries.test.ts proves each rule fires.
import { readdirSync } from 'node:fs';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const ROOT = import.meta.dirname;
const SERVER = 'apps/server/src';
const WEB = 'apps/web/src';

const dirsOf = (dir) =>
  readdirSync(`${ROOT}/${dir}`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/**
 * Wiring may import any module's files: app.ts and services.ts compose the modules, main.ts starts them, seed/
 * and test/ build data and apps for tests, admin/ is the role command (`npm run admin`). Everything else goes through a module's public surface.
 */
const COMPOSITION = ['seed', 'test', 'admin'];
const SERVER_LAYERS = dirsOf(SERVER).filter((dir) => dir !== 'modules' && !COMPOSITION.includes(dir));

/**
 * A module's public surface: its services (`*.service.ts`), its types (`*.types.ts`) and its `index.ts` (what it
 * offers beyond a service, e.g. a writer that runs inside another module's transaction). Repositories, queries,
 * presenters and helpers stay inside.
 */
const PUBLIC_SURFACE = (module) => `**/${SERVER}/modules/${module}/{index,*.service,*.types}.ts`;

const moduleZones = dirsOf(`${SERVER}/modules`).map((module) => ({
  target: [`${SERVER}/modules/!(${module})/**`, ...SERVER_LAYERS.map((dir) => `${SERVER}/${dir}/**`)],
  from: `${SERVER}/modules/${module}/**`,
  except: [PUBLIC_SURFACE(module)],
  message: `Use the ${module} module's public surface: its *.service.ts, *.types.ts or index.ts.`,
}));

const serverZones = [
  ...moduleZones,
  {
    target: ['lib', 'db', 'ports', 'config', 'adapters'].map((dir) => `${SERVER}/${dir}/**`),
    from: ['modules', 'http', 'jobs', 'seed', 'admin', 'app.ts', 'services.ts', 'main.ts'].map(
      (p) => `${SERVER}/${p}`,
    ),
    message: 'Shared layers (lib, db, ports, config, adapters) never depend on the modules or HTTP.',
  },
  {
    target: `${SERVER}/modules/*/*.service.ts`,
    from: ['db', 'http', 'adapters'].map((dir) => `${SERVER}/${dir}`),
    message: 'A service reaches the database through its repository and the world through ports, never HTTP.',
  },
  {
    target: `${SERVER}/modules/*/*.routes.ts`,
    from: [`${SERVER}/**/*.repository.ts`, `${SERVER}/db/**`],
    message: 'A route calls a service; only services use repositories.',
  },
];

const webZones = [
  ...dirsOf(`${WEB}/features`).map((feature) => ({
    target: `${WEB}/features/${feature}/**`,
    from: `${WEB}/features/!(${feature})/**`,
    message: 'A feature never imports another: share through components/ or lib/, or compose them in app/.',
  })),
  {
    target: `${WEB}/features/**`,
    from: `${WEB}/app/**`,
    message: 'Features are composed by app/, never the other way round.',
  },
  {
    target: ['components', 'lib'].map((dir) => `${WEB}/${dir}/**`),
    from: ['features', 'app'].map((dir) => `${WEB}/${dir}/**`),
    message: 'components/ and lib/ are shared by every feature and know none of them.',
  },
];

const workspaceZones = [
  { target: 'apps/web', from: 'apps/server', message: 'The web app talks to the server over HTTP only.' },
  { target: 'apps/server', from: 'apps/web', message: 'The server never imports web code.' },
  { target: 'packages', from: 'apps', message: 'Packages are shared by the apps and import none of them.' },
];

const SERVICE_PACKAGES = [
  {
    group: ['fastify', 'fastify-*', '@fastify/*'],
    message: 'Services know nothing of HTTP: map in the route.',
  },
  {
    group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
    message: 'Services reach the database through their repository.',
  },
];

export const boundaries = [
  {
    files: ['apps/**/*.{ts,tsx}', 'packages/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [...serverZones, ...webZones, ...workspaceZones] },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: [`${SERVER}/modules/*/*.service.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: SERVICE_PACKAGES }] },
  },
];
