import type { Db } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

export type NewNotification = typeof notifications.$inferInsert;

export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  async insert(rows: NewNotification[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(notifications).values(rows);
  }
}
