import type { Clock } from '../../ports/clock.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { ReminderKind, RemindersRepository } from './reminders.repository.ts';

const KINDS: ReminderKind[] = ['dday', 'soon', 'review'];
const BATCH = 1000;

/**
 * Reminders by sweeping: a job every minute sends what is due and not yet sent. Editing a run moves its
 * reminders (the sweep reads the current times), cancelling or leaving drops them (only live runs and
 * joined participants are due), and a reminder missed while everything was down goes out late only while
 * it still makes sense (no D-day reminder after the start, no review request after a week).
 */
export class RemindersService {
  constructor(
    private readonly repo: RemindersRepository,
    private readonly clock: Clock,
    private readonly notifications: Pick<NotificationsService, 'sendFrom'>,
    /** A run has ended (its review requests went out): badges are evaluated for its people. */
    private readonly runsEnded: (runIds: string[], userIds: string[]) => Promise<void> = async () => {},
  ) {}

  async sweep(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (const kind of KINDS) {
      let sent: { userId: string; runId: string | null }[];
      do {
        sent = await this.notifications.sendFrom(this.repo.due(kind, now, BATCH));
        total += sent.length;
        const userIds = sent.map((s) => s.userId);
        if (kind === 'review' && sent.length > 0) {
          await this.runsEnded([...new Set(sent.flatMap((s) => (s.runId ? [s.runId] : [])))], userIds);
        }
      } while (sent.length === BATCH);
    }
    return total;
  }
}
