import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { PushEndpointProblem } from '../ports/push.ts';

/** Resolves a host name to every address it has (as `dns.lookup(host, { all: true })`). */
export type HostLookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemLookup: HostLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Where the server may post push messages (issue 12): a browser's push service, nothing else. An endpoint is
 * an https URL on the default port whose host is on the allow-list (`*.example.com` = any subdomain), and
 * every address its name resolves to is public unicast. `testLoopback` (tests only, refused in production)
 * also takes plain http on 127.0.0.1, where the tests' fake push service listens.
 */
export interface PushEndpointPolicy {
  allowedHosts: readonly string[];
  testLoopback: boolean;
  lookup: HostLookup;
}

export type Checked =
  | { ok: true; url: URL; addresses: { address: string; family: number }[] }
  | { ok: false; problem: PushEndpointProblem };

const LOOPBACK = [{ address: '127.0.0.1', family: 4 }];

/** Public unicast only: not loopback, private, link-local, unique-local, CGNAT, multicast, reserved, … */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

function hostAllowed(host: string, patterns: readonly string[]): boolean {
  return patterns.some((p) =>
    p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p,
  );
}

function isTestLoopback(url: URL, policy: PushEndpointPolicy): boolean {
  return policy.testLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

/** The rules that need no name resolution: scheme, credentials, port and host. */
export function checkUrl(endpoint: string, policy: PushEndpointPolicy): URL | PushEndpointProblem {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'invalid';
  if (isTestLoopback(url, policy)) return url;
  if (url.protocol !== 'https:') return 'not_https';
  const host = url.hostname.toLowerCase();
  const literal = host.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(literal) && !isPublicAddress(literal)) return 'private_address';
  if (url.port !== '' || !hostAllowed(host, policy.allowedHosts)) return 'host_not_allowed';
  return url;
}

/**
 * The whole check, name resolved: the addresses it answers are the only ones a send may connect to, so a
 * name that changes its answer between the check and the connection (DNS rebinding) gains nothing.
 * `unresolved` when the name has no address (or the lookup failed).
 */
export async function checkEndpoint(endpoint: string, policy: PushEndpointPolicy): Promise<Checked> {
  const url = checkUrl(endpoint, policy);
  if (typeof url === 'string') return { ok: false, problem: url };
  if (isTestLoopback(url, policy)) return { ok: true, url, addresses: LOOPBACK };
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = ipaddr.isValid(literal)
      ? [{ address: literal, family: ipaddr.parse(literal).kind() === 'ipv6' ? 6 : 4 }]
      : await policy.lookup(url.hostname);
  } catch {
    return { ok: false, problem: 'unresolved' };
  }
  if (addresses.length === 0) return { ok: false, problem: 'unresolved' };
  if (!addresses.every((a) => isPublicAddress(a.address))) return { ok: false, problem: 'private_address' };
  return { ok: true, url, addresses };
}
