import { describe, expect, it } from 'vitest';
import { deviceInfo, maskIp } from './device-info.ts';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';
const SAMSUNG_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36';

describe('deviceInfo', () => {
  it('reads browser, OS and device type from common user agents', () => {
    expect(deviceInfo(CHROME_WINDOWS)).toEqual({
      browser: 'Chrome',
      browserVersion: '120',
      os: 'Windows',
      osVersion: '10',
      deviceType: 'desktop',
    });
    expect(deviceInfo(SAFARI_IPHONE)).toMatchObject({ browser: 'Safari', os: 'iOS', deviceType: 'mobile' });
    expect(deviceInfo(SAMSUNG_ANDROID)).toMatchObject({ os: 'Android', deviceType: 'mobile' });
  });

  it('answers unknown for an empty or meaningless user agent', () => {
    const unknown = { browser: null, browserVersion: null, os: null, osVersion: null, deviceType: 'unknown' };
    expect(deviceInfo('')).toEqual(unknown);
    expect(deviceInfo('lightMyRequest')).toEqual(unknown);
  });
});

describe('maskIp', () => {
  it('hides the last IPv4 byte, also when mapped into IPv6', () => {
    expect(maskIp('203.0.113.57')).toBe('203.0.113.x');
    expect(maskIp('::ffff:203.0.113.57')).toBe('203.0.113.x');
  });

  it('keeps only the first three IPv6 groups', () => {
    expect(maskIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::x');
    expect(maskIp('2001:db8::1')).toBe('2001:db8::x');
    expect(maskIp('::1')).toBe('::x');
  });

  it('shows nothing for nothing or garbage', () => {
    expect(maskIp(null)).toBeNull();
    expect(maskIp('not-an-ip')).toBeNull();
  });
});
