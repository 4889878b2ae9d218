import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { until } from './faults.ts';
import { repoRoot } from './processes.ts';

/** Debian's nginx (the `nginx` package; .ci/run installs it). */
export const NGINX_BINARY = '/usr/sbin/nginx';

export interface NginxSettings {
  /** Ports of the API instances, in place of the file's 3001 and 3002. */
  apiPorts: [number, number];
  /** Where nginx listens (127.0.0.1), in place of `listen 80`. */
  port: number;
  /** The built web app, in place of /opt/erun/apps/web/dist. */
  webRoot: string;
  /** A folder of the test's own for the logs, the pid file and nginx's temporary files. */
  dir: string;
}

/**
 * deploy/nginx.conf with the lines its header marks EDIT replaced, as an operator edits them. Each one must be
 * found exactly as documented: a changed file fails here instead of testing something else.
 */
export async function renderNginxConf(settings: NginxSettings): Promise<string> {
  let conf = await readFile(path.join(repoRoot, 'deploy/nginx.conf'), 'utf8');
  const edits: [string, string][] = [
    ['server 127.0.0.1:3001 ', `server 127.0.0.1:${settings.apiPorts[0]} `],
    ['server 127.0.0.1:3002 ', `server 127.0.0.1:${settings.apiPorts[1]} `],
    ['listen 80;', `listen 127.0.0.1:${settings.port};`],
    ['root /opt/erun/apps/web/dist;', `root ${settings.webRoot};`],
    ['access_log /var/log/nginx/erun.access.log;', `access_log ${path.join(settings.dir, 'access.log')};`],
  ];
  for (const [from, to] of edits) {
    const count = conf.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy/nginx.conf: expected "${from}" once, found it ${count} times`);
    conf = conf.replace(from, to);
  }
  return conf;
}

export interface RunningNginx {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * nginx as a child in the foreground (`daemon off`), with deploy/nginx.conf rendered into the http block of a
 * minimal main configuration, as Debian's /etc/nginx/nginx.conf includes conf.d/*.conf.
 */
export async function startNginx(settings: NginxSettings): Promise<RunningNginx> {
  const { dir } = settings;
  await mkdir(dir, { recursive: true });
  const site = path.join(dir, 'erun.conf');
  await writeFile(site, await renderNginxConf(settings));
  const main = path.join(dir, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  await writeFile(
    main,
    [
      'worker_processes 2;',
      'events { worker_connections 1024; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${site};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(
    NGINX_BINARY,
    [
      '-p',
      dir,
      '-c',
      main,
      '-g',
      `daemon off; pid ${path.join(dir, 'nginx.pid')}; error_log ${path.join(dir, 'error.log')} warn;`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${settings.port}`;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  await until(
    'nginx answering',
    async () => {
      if (exited()) throw new Error(`nginx exited:\n${output}`);
      return fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    20_000,
  );
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (exited()) return;
      child.kill('SIGQUIT'); // graceful: finish what is in flight
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
