import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The repository root: `node --import tsx apps/server/src/main.ts` runs from here. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');

export type Role = 'all' | 'api' | 'worker';

/** A real server process (`main.ts --role=…`), as deployed; its output is kept for error messages. */
export interface ServerProcess {
  name: string;
  role: Role;
  child: ChildProcess;
  /** http://127.0.0.1:<port> for roles that listen. */
  url: string;
  pid: number;
  /** The last 20 kB of stdout and stderr. */
  output(): string;
  exited(): boolean;
  /** Resolves with the exit code (null when a signal ended it) once the process is gone. */
  exit: Promise<number | null>;
  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL now: a crash, nothing finishes. */
  kill(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(
  name: string,
  role: Role,
  env: Record<string, string>,
  /** Extra node flags, e.g. `--cpu-prof` (which NODE_OPTIONS does not accept). */
  nodeArgs: string[] = [],
  options: SpawnOptions = {},
): Promise<ServerProcess> {
  const proc = await spawnServer(name, role, env, nodeArgs, options);
  if (role !== 'worker') await waitUntilReady(proc);
  return proc;
}

export interface SpawnOptions {
  /** Replaces `node main.ts`, e.g. `['npm', 'run', 'start:api']`. */
  command?: string[];
  /** A process group of its own (signals to the group). */
  detached?: boolean;
  /** The port to listen on (an instance restarted where the balancer expects it); default a free one. */
  port?: number;
}

/**
 * Spawns a server process without waiting for it to be ready (a start expected to fail, e.g. a second process
 * on one DATA_DIR). `command` replaces `node main.ts`, e.g. `['npm', 'run', 'start:api']`; `detached` puts it
 * in a process group of its own (signals to the group).
 */
export async function spawnServer(
  name: string,
  role: Role,
  env: Record<string, string>,
  nodeArgs: string[] = [],
  options: SpawnOptions = {},
): Promise<ServerProcess> {
  const port = role === 'worker' ? 0 : (options.port ?? (await freePort()));
  const [file, ...args] = options.command ?? [
    process.execPath,
    ...nodeArgs,
    '--import',
    'tsx',
    'apps/server/src/main.ts',
    `--role=${role}`,
  ];
  const child = spawn(file ?? process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port) },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gone = exit.then(() => undefined);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const proc: ServerProcess = {
    name,
    role,
    child,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    output: () => output,
    exited,
    exit,
    stop: async (graceMs = 15_000) => {
      if (exited()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
    kill: async () => {
      if (exited()) return;
      child.kill('SIGKILL');
      await gone;
    },
  };
  return proc;
}

export async function waitUntilReady(proc: ServerProcess, seconds = 90): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (proc.exited()) throw new Error(`${proc.name} exited before it was ready:\n${proc.output()}`);
    try {
      if ((await fetch(`${proc.url}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} was not ready within ${seconds} s:\n${proc.output()}`);
}

/** Resident memory of a process in bytes (Linux /proc), or undefined elsewhere. */
/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is not readable. */
export async function cpuMsOf(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th field.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** CPU time used so far by every process whose command line contains `marker` (e.g. PostgreSQL backends). */
export async function cpuMsOfAll(marker: string): Promise<number> {
  const { readdir, readFile } = await import('node:fs/promises');
  let total = 0;
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(marker)) total += (await cpuMsOf(Number(entry))) ?? 0;
  }
  return total;
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks (100 on every mainstream build). */
const CLOCK_TICKS = 100;

export async function rssOf(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
