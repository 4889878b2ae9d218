import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface Running {
  url: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * The real API in its own process (as deployed: one `start:api` instance), rate limits off. BENCH_SERVER_ROOT
 * runs the server of another checkout (e.g. a `git worktree` of an older commit) for before/after figures.
 */
export async function startApi(port: number, extraEnv: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', '--role=api'], {
    cwd: process.env.BENCH_SERVER_ROOT ?? root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'off',
      DATA_DIR: process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'erun-bench-')),
      ...extraEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/ready`, child);
  return { url, stop: stopper(child) };
}

/** A body for the bare Node yardstick: bytes as a server sends them, with their type and encoding. */
export interface BareBody {
  bytes: Buffer;
  type: string;
  /** `Content-Encoding` of the bytes (`br`, `gzip`), absent for plain ones. */
  encoding?: string;
}

/**
 * The yardstick: a bare Node http server answering "ok", in its own process too. Given a body, it answers
 * that instead, from memory, with its `Content-Encoding`: what the machine can do for a response of that size
 * without any framework (and without compressing anything).
 */
export async function startBareNode(port: number, body?: BareBody): Promise<Running> {
  const headers: Record<string, string> = { 'content-type': body?.type ?? 'text/plain' };
  if (body?.encoding) headers['content-encoding'] = body.encoding;
  if (body?.encoding) headers.vary = 'accept-encoding';
  const bytes = (body?.bytes ?? Buffer.from('ok')).toString('base64');
  const code = `const b = Buffer.from('${bytes}', 'base64'); const h = ${JSON.stringify(headers)};
    require('http').createServer((q, s) => { s.writeHead(200, h); s.end(b); })
      .listen(${port}, '127.0.0.1')`;
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child);
  return { url, stop: stopper(child) };
}

/** A response's bytes exactly as they came over the wire (fetch would undo the Content-Encoding). */
export function rawGet(url: string, headers: Record<string, string>): Promise<BareBody> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            bytes: Buffer.concat(chunks),
            type: String(response.headers['content-type'] ?? 'application/json'),
            encoding: response.headers['content-encoding'],
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}
