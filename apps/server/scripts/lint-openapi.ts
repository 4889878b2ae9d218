/**
 * Lints the OpenAPI document the server generates: builds the app on an in-memory database (nothing listens),
 * writes the document to a temporary file and runs `redocly lint` on it with ./redocly.yaml. Exits with
 * Redocly's status; run by `npm run validate`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApiDocument } from '../src/http/openapi-document.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'erun-openapi-'));
const file = path.join(dir, 'openapi.json');
try {
  writeFileSync(file, JSON.stringify(await openApiDocument(), null, 2));
  const redocly = path.resolve('node_modules/.bin/redocly');
  const result = spawnSync(redocly, ['lint', file, '--config', 'redocly.yaml', '--format', 'stylish'], {
    stdio: 'inherit',
  });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
