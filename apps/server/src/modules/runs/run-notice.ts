import type { NotificationCategory } from '@erun/contracts';
import type { NewNotification } from '../notifications/notifications.service.ts';
import type { RunRow } from './runs.repository.ts';

/** A notice about a run to one user: the run's title (and any extra) in its data, a link to its page. */
export function notice(
  userId: string,
  category: NotificationCategory,
  run: RunRow,
  extra: Record<string, string> = {},
): NewNotification {
  return { userId, category, runId: run.id, data: { title: run.title, ...extra }, link: `/runs/${run.id}` };
}
