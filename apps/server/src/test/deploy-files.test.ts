import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../config/env.ts';
import { MAX_UPLOAD_BYTES } from '../modules/uploads/uploads.routes.ts';
import { repoRoot } from './processes.ts';

/**
 * deploy/ holds settings that must agree with the code: the stop timeout with the shutdown's, the start command
 * with package.json's, the body size with the upload limit, nginx's fail_timeout with the rolling restart's
 * wait. These break quietly when one side changes; this says which. (rolling-restart.fault.test.ts runs nginx
 * and the script for real; `systemd-analyze verify` checks the units where systemd runs, deploy/README.md.)
 */
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/** A unit's [Service] settings (a key given twice keeps every value). */
function serviceOf(file: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const raw of read(file).split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) section = line;
    else if (section === '[Service]') {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      settings.set(key, [...(settings.get(key) ?? []), line.slice(at + 1)]);
    }
  }
  return settings;
}

const defaults = parseEnv({});
const units = {
  api: serviceOf('deploy/systemd/erun-api@.service'),
  worker: serviceOf('deploy/systemd/erun-worker.service'),
};

describe('deploy/systemd units', () => {
  it.each(Object.entries(units))('%s: node directly, as package.json starts it', (role, unit) => {
    const script = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts[
      `start:${role}`
    ];
    expect(script).toMatch(/^exec node /);
    expect(unit.get('ExecStart')).toEqual([script?.replace(/^exec node /, '/usr/bin/node ')]);
  });

  it.each(Object.entries(units))(
    '%s: SIGTERM, and systemd waits longer than the drain and the shutdown',
    (_, unit) => {
      expect(unit.get('KillSignal')).toEqual(['SIGTERM']);
      const stopSeconds = Number(unit.get('TimeoutStopSec')?.[0]);
      expect(stopSeconds).toBeGreaterThan(
        defaults.SHUTDOWN_DRAIN_SECONDS + defaults.SHUTDOWN_TIMEOUT_SECONDS,
      );
      expect(unit.get('Restart')).toEqual(['on-failure']);
    },
  );

  it.each(Object.entries(units))('%s: an unprivileged user, a read-only system but DATA_DIR', (_, unit) => {
    expect(unit.get('User')?.[0]).toMatch(/^(?!root$)\w+$/);
    expect(unit.get('EnvironmentFile')).toEqual(['/etc/erun/env']);
    expect(unit.get('NoNewPrivileges')).toEqual(['yes']);
    expect(unit.get('ProtectSystem')).toEqual(['strict']);
    expect(unit.get('PrivateTmp')).toEqual(['yes']);
    expect(unit.get('ReadWritePaths')).toEqual([`/var/lib/${unit.get('StateDirectory')?.[0]}`]);
    // V8 writes machine code at run time: with this, node dies at start.
    expect(unit.has('MemoryDenyWriteExecute')).toBe(false);
  });

  it('an API instance listens on the port it is named after', () => {
    expect(units.api.get('Environment')).toEqual(['PORT=%i']);
  });
});

describe('deploy/nginx.conf', () => {
  const conf = read('deploy/nginx.conf');
  const directives = conf
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('takes a whole photo upload', () => {
    const size = /^client_max_body_size (\d+)m;$/.exec(directives.find((d) => d.startsWith('client_')) ?? '');
    expect(Number(size?.[1]) * 1024 * 1024).toBeGreaterThan(MAX_UPLOAD_BYTES);
  });

  it('sets the client address itself and never resends a request that reached an instance', () => {
    expect(directives.filter((d) => d.includes('X-Forwarded-For'))).toEqual([
      'proxy_set_header X-Forwarded-For $remote_addr;',
      'proxy_set_header X-Forwarded-For $remote_addr;',
    ]);
    expect(directives.filter((d) => d.startsWith('proxy_next_upstream '))).toEqual([
      'proxy_next_upstream error timeout;',
    ]);
  });

  // The API never closes an idle connection under nginx (src/http/drain.ts): nginx must close it first, both
  // in normal times (the API's keep-alive timeout, fastify's default) and during a drain.
  it('closes an idle connection to an instance itself, before the instance would and within its drain', () => {
    const timeouts = directives.filter((d) => d.startsWith('keepalive_timeout '));
    expect(timeouts).toHaveLength(1);
    const seconds = Number(/^keepalive_timeout (\d+)s;$/.exec(timeouts[0] ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(defaults.SHUTDOWN_DRAIN_SECONDS);
    expect(seconds * 1000).toBeLessThan(Fastify().initialConfig.keepAliveTimeout ?? 0);
  });

  it('is back in rotation before rolling-restart.sh stops the next instance', () => {
    const failTimeouts = [...conf.matchAll(/fail_timeout=(\d+)s/g)].map((m) => Number(m[1]));
    const settle = Number(
      /SETTLE_SECONDS="\$\{SETTLE_SECONDS:-(\d+)\}"/.exec(read('deploy/rolling-restart.sh'))?.[1],
    );
    expect(failTimeouts.length).toBeGreaterThan(0);
    for (const seconds of failTimeouts) expect(seconds).toBeLessThan(settle);
  });
});
