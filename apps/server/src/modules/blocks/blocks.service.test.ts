import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import { fakeOf } from '../../test/fake-unit-of-work.ts';
import type { JoinCheck } from '../runs/participation.service.ts';
import type { BlocksRepository } from './blocks.repository.ts';
import { BlocksService } from './blocks.service.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const tx: Tx = { afterCommit: () => undefined };
type RunRow = Parameters<JoinCheck['check']>[1];

function setup(repo: Partial<BlocksRepository>) {
  return new BlocksService(
    fakeOf<BlocksRepository>(repo),
    { imageOf: () => ({}) as never },
    { now: () => NOW },
  );
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error('expected an AppError');
  return error;
}

describe('BlocksService', () => {
  it('refuses blocking oneself before asking the database anything', async () => {
    const error = await refusal(setup({}).block('me', 'me'));
    expect([error.statusCode, error.code]).toEqual([400, 'CANNOT_BLOCK_SELF']);
  });

  it('refuses an unknown user (404) and writes nothing', async () => {
    const added: string[] = [];
    const service = setup({ userExists: async () => false, add: async (_a, b) => void added.push(b) });
    const error = await refusal(service.block('me', 'ghost'));
    expect([error.statusCode, error.code]).toEqual([404, 'USER_NOT_FOUND']);
    expect(added).toEqual([]);
  });

  it('blocks with the clock’s time', async () => {
    const added: [string, string, Date][] = [];
    const service = setup({
      userExists: async () => true,
      add: async (a, b, at) => void added.push([a, b, at]),
    });
    await service.block('me', 'them');
    expect(added).toEqual([['me', 'them', NOW]]);
  });

  it('refuses a join silently: 403 JOIN_NOT_ALLOWED whose message never says "block"', async () => {
    const service = setup({ runRefuses: async () => true, crewRefuses: async () => true });
    const run = fakeOf<RunRow>({ id: 'run', hostId: 'host' });
    for (const error of [
      await refusal(service.runJoinCheck.check(tx, run, 'runner', NOW)),
      await refusal(
        service.crewJoinCheck.check(tx, { id: 'crew', name: '크루', womenOnly: false }, 'runner', NOW),
      ),
    ]) {
      expect([error.statusCode, error.code]).toEqual([403, 'JOIN_NOT_ALLOWED']);
      expect(error.message.toLowerCase()).not.toContain('block');
    }
  });

  it('lets a join through when nobody in charge blocked the runner', async () => {
    const service = setup({ runRefuses: async () => false, crewRefuses: async () => false });
    const run = fakeOf<RunRow>({ id: 'run', hostId: 'host' });
    await expect(service.runJoinCheck.check(tx, run, 'runner', NOW)).resolves.toBeUndefined();
    await expect(
      service.crewJoinCheck.check(tx, { id: 'crew', name: '크루', womenOnly: false }, 'runner', NOW),
    ).resolves.toBeUndefined();
  });
});
