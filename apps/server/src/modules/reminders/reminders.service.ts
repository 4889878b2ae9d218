import type { Clock } from '../../ports/clock.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { DueRun, ExtraData, ReminderKind, RemindersRepository } from './reminders.repository.ts';

/** The forecast line's values for a run's D-day reminder (`wx*` keys), or null when there is none. */
export type ReminderForecast = (run: DueRun) => Promise<Record<string, string | number> | null>;

const KINDS: ReminderKind[] = ['dday', 'soon', 'review'];
const BATCH = 1000;
/** Runs whose D-day forecast one sweep looks up (the rest go out without the line, as without a key). */
const FORECAST_RUNS_MAX = 200;

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
    /** The weather at the start for D-day reminders (ADR 021); absent: none. */
    private readonly forecast?: ReminderForecast,
  ) {}

  async sweep(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (const kind of KINDS) {
      let sent: { userId: string; runId: string | null }[];
      // Fetched before and outside the statement that sends (it holds no lock while a provider answers).
      const extra = kind === 'dday' ? await this.forecasts(now) : {};
      do {
        sent = await this.notifications.sendFrom(this.repo.due(kind, now, BATCH, extra));
        total += sent.length;
        const userIds = sent.map((s) => s.userId);
        if (kind === 'review' && sent.length > 0) {
          await this.runsEnded([...new Set(sent.flatMap((s) => (s.runId ? [s.runId] : [])))], userIds);
        }
      } while (sent.length === BATCH);
    }
    return total;
  }

  /** The forecast line of each run whose D-day reminder is due (the weather's cache, or one short call per cell). */
  private async forecasts(now: Date): Promise<ExtraData> {
    const forecast = this.forecast;
    if (!forecast) return {};
    const runs = await this.repo.dueRuns('dday', now, FORECAST_RUNS_MAX);
    const lines = await Promise.all(runs.map(async (run) => [run.id, await forecast(run)] as const));
    return Object.fromEntries(lines.flatMap(([id, line]) => (line ? [[id, line]] : [])));
  }
}
