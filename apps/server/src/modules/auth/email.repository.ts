import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface EmailAccount {
  id: string;
  email: string | null;
  emailVerifiedAt: Date | null;
  nickname: string;
  locale: string;
  passwordHash: string | null;
  deletedAt: Date | null;
}

const accountColumns = {
  id: users.id,
  email: users.email,
  emailVerifiedAt: users.emailVerifiedAt,
  nickname: users.nickname,
  locale: users.locale,
  passwordHash: users.passwordHash,
  deletedAt: users.deletedAt,
};

/** The account rows EmailService reads (its links are AccountTokensRepository's). */
export class EmailRepository {
  constructor(private readonly db: Db) {}

  async account(userId: string): Promise<EmailAccount | undefined> {
    const [row] = await this.db.select(accountColumns).from(users).where(eq(users.id, userId));
    return row;
  }

  async accountByEmail(email: string): Promise<EmailAccount | undefined> {
    const [row] = await this.db.select(accountColumns).from(users).where(eq(users.email, email));
    return row;
  }

  /** The account's row, locked until the unit of work ends (its address cannot change meanwhile). */
  async lockAccount(tx: Tx, userId: string): Promise<EmailAccount | undefined> {
    const [row] = await sqlOf(tx)
      .select(accountColumns)
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    return row;
  }
}
