import { type ErrorIssue, type PaceGroupInput, paceGroupIssues } from '@erun/contracts';
import { ConflictError, ValidationError } from '../../lib/errors.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { PaceGroupRow, ParticipationRepository } from './participation.repository.ts';

type GroupRepo = Pick<
  ParticipationRepository,
  | 'groupsOf'
  | 'saveGroups'
  | 'ungrouped'
  | 'groupHasRunners'
  | 'placeInGroup'
  | 'ungroupAll'
  | 'seatsOf'
  | 'runnerOf'
>;

/**
 * A run's pace groups as the host writes them (DOMAIN.md "Pace groups"), on the locked run in the create's or
 * the edit's unit of work: the groups are saved, then everyone gets a group — the host (participant #1) and the
 * co-hosts first, each in the group they pace if any, else the fastest group with a free seat — and each pacer
 * runs in the group they pace.
 */
export class PaceGroups {
  constructor(private readonly repo: GroupRepo) {}

  /**
   * The edit's groups checked against the stored ones: kept groups are the run's own (400), a removed group is
   * empty (409 PACE_GROUP_NOT_EMPTY), a kept group keeps the seats taken or offered in it (409
   * CAPACITY_BELOW_PARTICIPANTS). Returns the run's capacity: the groups' sum.
   */
  async checkEdit(
    tx: Tx,
    runId: string,
    groups: PaceGroupInput[],
    capacity: number | undefined,
  ): Promise<number> {
    const problems = paceGroupIssues({ paceGroups: groups, capacity });
    if (problems.length > 0)
      throw new ValidationError(
        'The pace groups do not add up',
        problems.map((p) => issue(p.path, p.message)),
      );
    const stored = await this.repo.groupsOf(tx, runId);
    const ids = new Set(stored.map((g) => g.id));
    if (groups.some((g) => g.id !== undefined && !ids.has(g.id)))
      throw new ValidationError('No such pace group', [issue('paceGroups', 'paceGroups.id.unknown')]);
    for (const old of stored) {
      const kept = groups.find((g) => g.id === old.id);
      if (!kept) {
        if (await this.repo.groupHasRunners(tx, old.id))
          throw new ConflictError('PACE_GROUP_NOT_EMPTY', 'Runners are still in that pace group');
        continue;
      }
      const held = await this.repo.seatsOf(tx, runId, old.id);
      if (kept.capacity < held.participants + held.offered)
        throw new ConflictError(
          'CAPACITY_BELOW_PARTICIPANTS',
          'More seats are taken or offered in that pace group than its capacity',
        );
    }
    return groups.reduce((n, g) => n + g.capacity, 0);
  }

  /**
   * A series' groups for one of its runs ("this and following", DOMAIN.md "Series"): `undefined` when the
   * template's groups did not change — a run with groups then keeps its seats too (its capacity is their sum).
   * A group of the same pace is kept (its runners and pacer stay), the others are added, and groups the template
   * no longer has are removed. When the run's runners do not fit (a removed group not empty, a kept one holding
   * more seats than it would have, more runners than seats), the run keeps its own groups and seats.
   */
  async forOccurrence(
    tx: Tx,
    runId: string,
    groups: { paceSecPerKm: number; capacity: number }[] | null | undefined,
    held: number,
  ): Promise<{ groups?: PaceGroupInput[] | null; keepCapacity: boolean }> {
    const stored = await this.repo.groupsOf(tx, runId);
    if (groups === undefined) return { keepCapacity: stored.length > 0 };
    if (!groups || groups.length === 0)
      return stored.length === 0 ? { keepCapacity: false } : { groups: null, keepCapacity: false };
    const planned = groups.map((g) => {
      const same = stored.find((s) => s.paceSecPerKm === g.paceSecPerKm);
      return same
        ? { id: same.id, paceSecPerKm: g.paceSecPerKm, capacity: g.capacity, pacerId: same.pacerId }
        : { paceSecPerKm: g.paceSecPerKm, capacity: g.capacity };
    });
    if (planned.reduce((n, g) => n + g.capacity, 0) < held) return { keepCapacity: true };
    try {
      await this.checkEdit(tx, runId, planned, undefined);
    } catch (error) {
      if (error instanceof ConflictError) return { keepCapacity: true };
      throw error;
    }
    return { groups: planned, keepCapacity: false };
  }

  /** Saves the groups (null: the run has none any more) and places whoever has no group yet. */
  async save(tx: Tx, runId: string, groups: PaceGroupInput[] | null, now: Date): Promise<void> {
    if (groups === null) {
      await this.repo.ungroupAll(tx, runId);
      await this.repo.saveGroups(tx, runId, [], now);
      return;
    }
    await this.repo.saveGroups(
      tx,
      runId,
      groups.map((g) => ({ ...g, pacerId: g.pacerId ?? null })),
      now,
    );
    await this.place(tx, runId);
  }

  /**
   * Everyone seated or waiting gets a group: pacers the group they pace (they must be seated in the run: the
   * host, a co-host or a participant — 400 otherwise; 409 PACE_GROUP_FULL when it has no seat for them), then
   * the rest, first come first, the fastest group with a free seat (waiting runners the fastest group's
   * waitlist). A run without groups: nothing to do.
   */
  async place(tx: Tx, runId: string): Promise<void> {
    const groups = await this.repo.groupsOf(tx, runId);
    if (groups.length === 0) return;
    for (const group of groups) {
      if (!group.pacerId) continue;
      const pacer = await this.repo.runnerOf(tx, runId, group.pacerId);
      if (pacer?.status !== 'joined')
        throw new ValidationError('A pacer runs in the run', [
          issue('paceGroups', 'paceGroups.pacer.notInRun'),
        ]);
      if (pacer.paceGroupId === group.id) continue;
      if (!(await this.free(tx, runId, group)))
        throw new ConflictError('PACE_GROUP_FULL', 'The pacer’s group has no free seat');
      await this.repo.placeInGroup(tx, runId, group.pacerId, group.id, 'joined');
    }
    const [fastest] = groups;
    for (const runner of await this.repo.ungrouped(tx, runId)) {
      if (runner.status === 'waitlisted') {
        if (fastest) await this.repo.placeInGroup(tx, runId, runner.userId, fastest.id, 'waitlisted');
        continue;
      }
      let target: PaceGroupRow | undefined;
      for (const group of groups) {
        if (await this.free(tx, runId, group)) {
          target = group;
          break;
        }
      }
      if (!target) throw new ConflictError('PACE_GROUP_FULL', 'No pace group has a free seat');
      await this.repo.placeInGroup(tx, runId, runner.userId, target.id, 'joined');
    }
  }

  private async free(tx: Tx, runId: string, group: PaceGroupRow): Promise<boolean> {
    const seats = await this.repo.seatsOf(tx, runId, group.id);
    return seats.participants + seats.offered < group.capacity;
  }
}

function issue(field: string, message: string): ErrorIssue {
  return { path: ['body', field], code: 'custom', message };
}
