import { isIPv4, isIPv6 } from 'node:net';
import type { DeviceType } from '@erun/contracts';
import Bowser from 'bowser';

/** How much of a user agent is kept: enough for any real browser, not a place to store a novel. */
export const USER_AGENT_MAX = 300;

export interface DeviceInfo {
  browser: string | null;
  browserVersion: string | null;
  os: string | null;
  osVersion: string | null;
  deviceType: DeviceType;
}

const TYPES: Record<string, DeviceType> = { desktop: 'desktop', mobile: 'mobile', tablet: 'tablet' };

/** Browser, OS and kind of device read from a user agent (bowser); nulls for what it does not say. */
export function deviceInfo(userAgent: string): DeviceInfo {
  const unknown: DeviceInfo = {
    browser: null,
    browserVersion: null,
    os: null,
    osVersion: null,
    deviceType: 'unknown',
  };
  if (userAgent.trim() === '') return unknown;
  try {
    const { browser, os, platform } = Bowser.parse(userAgent);
    return {
      browser: browser.name || null,
      browserVersion: majorOf(browser.version),
      os: os.name || null,
      // "10" for Windows NT 10.0, "17.1" for iOS; macOS and Android give their marketing names too.
      osVersion: os.versionName ?? (os.version || null),
      deviceType: TYPES[platform.type ?? ''] ?? 'unknown',
    };
  } catch {
    return unknown;
  }
}

function majorOf(version: string | undefined): string | null {
  const major = version?.split('.')[0];
  return major ? major : null;
}

/**
 * An address shown to its owner without pinning a household: the last IPv4 byte (`203.0.113.x`), or all but
 * the first three IPv6 groups (`2001:db8:85a3::x`, a provider's /48). Anything else is not shown.
 */
export function maskIp(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.x`;
  if (!isIPv6(ip)) return null;
  const [head = ''] = ip.split('::');
  const groups = head.split(':').filter((g) => g !== '');
  const shown = groups.slice(0, 3);
  return shown.length === 0 ? '::x' : `${shown.join(':')}::x`;
}
