import type { Tx } from '../../ports/unit-of-work.ts';
import type { UsersService } from './users.service.ts';

/**
 * 여성 전용 runs and crews (DOMAIN.md "Safety and reliability", ADR 019): the join rule the users module adds
 * to joining a run (runs' `JoinCheck`) and a crew (crews' `CrewJoinCheck`) alike. Only a runner whose private
 * profile says female joins; anyone else, an unset gender included, is refused with 403 WOMEN_ONLY. The
 * gender is read in the join's unit of work; the runs and crews modules never learn it.
 */
export function womenOnlyJoinCheck(users: Pick<UsersService, 'requireWomen'>) {
  return {
    async check(tx: Tx, target: { womenOnly: boolean }, userId: string): Promise<void> {
      if (target.womenOnly) await users.requireWomen([userId], tx);
    },
  };
}
