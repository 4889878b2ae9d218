import { describe, expect, it } from 'vitest';
import { pinnedLookup } from './web-push-sender.ts';

const checked = [
  { address: '142.250.196.106', family: 4 },
  { address: '2404:6800:4004:80a::200a', family: 6 },
];

function ask(options: { all?: boolean; family?: number }, addresses = checked) {
  return new Promise<unknown[]>((resolve) => {
    pinnedLookup(addresses)('fcm.googleapis.com', options, (...args: unknown[]) => resolve(args));
  });
}

describe('pinnedLookup', () => {
  it('answers only the checked addresses, whatever the name resolves to by now', async () => {
    expect(await ask({ all: true })).toEqual([null, checked]);
    expect(await ask({})).toEqual([null, '142.250.196.106', 4]);
    expect(await ask({ family: 6 })).toEqual([null, '2404:6800:4004:80a::200a', 6]);
    const [error] = await ask({ family: 6 }, checked.slice(0, 1));
    expect((error as { code?: string }).code).toBe('ENOTFOUND');
  });
});
