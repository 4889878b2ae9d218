import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { createQueryClient } from './query-client.ts';
import { meQueryKey } from './session.ts';

async function failWith(code: string) {
  const client = createQueryClient();
  client.setQueryData(meQueryKey, { id: 'me' });
  const mutation = client.getMutationCache().build(client, {
    mutationFn: () => Promise.reject(new ApiError({ status: 403, code, message: 'no' })),
  });
  await mutation.execute(undefined).catch(() => undefined);
  return client.getQueryState(meQueryKey)?.isInvalidated;
}

describe('createQueryClient', () => {
  it('refetches me after a write refused with CONSENT_REQUIRED (the app then asks to accept)', async () => {
    expect(await failWith('CONSENT_REQUIRED')).toBe(true);
    expect(await failWith('FORBIDDEN')).toBe(false);
  });
});
