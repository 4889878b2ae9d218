import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layering rules of eslint.boundaries.config.js fire on a leak (issue 14, point 5). Each case lints a few
// lines as if they were a file at that path, with the project's own eslint.config.js; only the import rules run
// (the type-aware ones need the file on disk).
const eslint = new ESLint({
  cwd: `${import.meta.dirname}/..`,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId.startsWith('import-x/') || ruleId === 'no-restricted-imports',
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const SERVER = 'apps/server/src';
const WEB = 'apps/web/src';

describe('layering lint', () => {
  // The first lint loads the config and parses the modules an import leads to; later ones reuse that.
  beforeAll(
    () => problems(`${SERVER}/modules/account/warm-up.ts`, `import '../runs/runs.service.ts';`),
    60_000,
  );

  it.each([
    ['a repository', `import { RunsRepository } from '../runs/runs.repository.ts';`],
    ['a presenter', `import { toRunSummary } from '../runs/runs.presenter.ts';`],
    ['a helper', `import { timeOfDayOf } from '../runs/run-rules.ts';`],
  ])("refuses a module importing another module's %s", async (_, code) => {
    expect(await problems(`${SERVER}/modules/account/leak.ts`, code)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*the runs module's public surface/),
    ]);
  });

  it("lets a module use another's service, types and index", async () => {
    const code = [
      `import type { RunsService } from '../runs/runs.service.ts';`,
      `import type { AccessTokens } from '../auth/index.ts';`,
    ].join('\n');
    expect(await problems(`${SERVER}/modules/account/fine.ts`, code)).toEqual([]);
  });

  it('refuses HTTP and the database in a service', async () => {
    const file = `${SERVER}/modules/runs/leak.service.ts`;
    expect(await problems(file, `import type { FastifyRequest } from 'fastify';`)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*know nothing of HTTP/),
    ]);
    expect(await problems(file, `import { eq } from 'drizzle-orm';`)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*through their repository/),
    ]);
    expect(await problems(file, `import { runs } from '../../db/tables.ts';`)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*through its repository/),
    ]);
  });

  it('refuses a route importing a repository', async () => {
    const code = `import { RunsRepository } from './runs.repository.ts';`;
    expect(await problems(`${SERVER}/modules/runs/leak.routes.ts`, code)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*only services use repositories/),
    ]);
  });

  it('refuses a shared layer importing a module', async () => {
    const code = `import type { RunsService } from '../modules/runs/runs.service.ts';`;
    expect(await problems(`${SERVER}/lib/leak.ts`, code)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*never depend on the modules/),
    ]);
  });

  it('refuses a web feature importing another feature, or app/', async () => {
    const file = `${WEB}/features/account/leak.ts`;
    expect(await problems(file, `import { useMe } from '../users/api/get-me.ts';`)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*A feature never imports another/),
    ]);
    expect(await problems(file, `import { useSession } from '../../app/use-session.ts';`)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*composed by app/),
    ]);
    expect(
      await problems(`${WEB}/components/leak.ts`, `import { useMe } from '../features/users/api/get-me.ts';`),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*know none of them/)]);
  });

  it('refuses the web importing server code, and back', async () => {
    expect(
      await problems(`${WEB}/lib/leak.ts`, `import { AppError } from '../../../server/src/lib/errors.ts';`),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*over HTTP only/)]);
    expect(
      await problems(`${SERVER}/lib/leak.ts`, `import { cx } from '../../../web/src/lib/cx.ts';`),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*never imports web code/)]);
  });

  it('refuses an import cycle', async () => {
    // As if lib/errors.ts imported lib/cursor.ts, which imports lib/errors.ts.
    const code = `import { encodeCursor } from './cursor.ts';\nexport const again = encodeCursor;`;
    expect(await problems(`${SERVER}/lib/errors.ts`, code)).toEqual([
      expect.stringMatching(/^import-x\/no-cycle: /),
    ]);
  });
});
