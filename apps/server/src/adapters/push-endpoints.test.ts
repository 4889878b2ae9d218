import { describe, expect, it } from 'vitest';
import { checkEndpoint, checkUrl, isPublicAddress, type PushEndpointPolicy } from './push-endpoints.ts';

const policy = (over: Partial<PushEndpointPolicy> = {}): PushEndpointPolicy => ({
  allowedHosts: ['fcm.googleapis.com', '*.push.services.mozilla.com'],
  testLoopback: false,
  lookup: async () => [{ address: '142.250.196.106', family: 4 }],
  ...over,
});

describe('push endpoint policy', () => {
  it('counts only public unicast addresses as public', () => {
    for (const a of ['8.8.8.8', '142.250.196.106', '2607:f8b0:4004:c07::5f'])
      expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fe80::1',
      'fd12::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      'not an address',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('matches a wildcard on subdomains only, and exact names exactly', () => {
    expect(checkUrl('https://updates.push.services.mozilla.com/wpush/v2/x', policy())).toBeInstanceOf(URL);
    expect(checkUrl('https://push.services.mozilla.com/x', policy())).toBe('host_not_allowed');
    expect(checkUrl('https://evilpush.services.mozilla.com/x', policy())).toBe('host_not_allowed');
    expect(checkUrl('https://FCM.googleapis.com/fcm/send/x', policy())).toBeInstanceOf(URL);
    expect(checkUrl('https://fcm.googleapis.com.evil.example/x', policy())).toBe('host_not_allowed');
  });

  it('takes plain http on 127.0.0.1 only with the test switch', async () => {
    expect(checkUrl('http://127.0.0.1:4000/push/x', policy())).toBe('not_https');
    expect(checkUrl('http://localhost:4000/push/x', policy({ testLoopback: true }))).toBe('not_https');
    const checked = await checkEndpoint('http://127.0.0.1:4000/push/x', policy({ testLoopback: true }));
    expect(checked.ok && checked.addresses).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('refuses a name when any of its addresses is not public, and one that does not resolve', async () => {
    const mixed = policy({
      lookup: async () => [
        { address: '142.250.196.106', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ],
    });
    expect(await checkEndpoint('https://fcm.googleapis.com/x', mixed)).toEqual({
      ok: false,
      problem: 'private_address',
    });
    const none = policy({ lookup: () => Promise.reject(new Error('ENOTFOUND')) });
    expect(await checkEndpoint('https://fcm.googleapis.com/x', none)).toEqual({
      ok: false,
      problem: 'unresolved',
    });
  });
});
