import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/**
 * The app on a port and embedded database of its own, as `npm start` runs it, for a journey that must stop the
 * server and use the command line on its data folder (the embedded database belongs to one process).
 */
export interface PrivateServer {
  baseURL: string;
  dataDir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** `npm run admin -- <args>` on this server's data folder (the server must be stopped). */
  admin(...args: string[]): Promise<{ code: number; output: string }>;
  /** Stops it and removes its data folder. */
  dispose(): Promise<void>;
}

/** `extraEnv`: variables of this server alone (e.g. a provider's key and a fake's URL). */
export function privateServer(port: number, extraEnv: Record<string, string> = {}): PrivateServer {
  const baseURL = `http://localhost:${port}`;
  const dataDir = path.join(
    os.tmpdir(),
    `erun-e2e-private-${port}-${process.pid}-${Date.now().toString(36)}`,
  );
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseURL,
    DATA_DIR: dataDir,
    DEMO_DATA: 'off',
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    REDIS_URL: '',
    SMTP_URL: '',
    SMS_PROVIDER: 'log',
    TEST_CLOCK_FILE: '',
    ...extraEnv,
  };
  let child: ChildProcess | null = null;
  let output = '';

  async function ready(): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child?.exitCode !== null) throw new Error(`the private server exited:\n${output}`);
      try {
        if ((await fetch(`${baseURL}/api/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the private server did not become ready:\n${output}`);
  }

  const server: PrivateServer = {
    baseURL,
    dataDir,
    async start() {
      output = '';
      child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await ready();
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGTERM');
      await exited;
    },
    async admin(...args) {
      const cli = spawn('npm', ['run', '--silent', 'admin', '--', ...args], {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      cli.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      cli.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const [code] = (await once(cli, 'exit')) as [number | null];
      return { code: code ?? -1, output: text };
    },
    async dispose() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
