import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw.ts';
import { outboundMails } from '../../db/tables.ts';
import { sqlOf } from '../../db/transaction.ts';
import type { Tx } from '../../ports/unit-of-work.ts';

export interface QueuedMail {
  userId: string | null;
  toAddress: string;
  locale: string;
  template: string;
  data: Record<string, string | number | null>;
}

export interface ClaimedMail extends QueuedMail {
  id: string;
  attempts: number;
}

export interface MailOutbox {
  pending: number;
  oldestPendingSeconds: number;
}

export class MailRepository {
  constructor(private readonly db: Db) {}

  async insert(tx: Tx, mail: QueuedMail): Promise<void> {
    await sqlOf(tx).insert(outboundMails).values(mail);
  }

  /**
   * Claims up to `limit` due messages: each gets a lease (its next attempt moved `leaseSeconds` ahead) and one
   * more attempt counted, in one statement that skips rows another sweep holds, so each message has one sender
   * at a time. A sender that dies before finishing leaves the row to be claimed again when the lease runs out.
   */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
    const m = outboundMails;
    return rawRows<ClaimedMail>(
      this.db,
      sql`update ${m} set next_attempt_at = now() + make_interval(secs => ${leaseSeconds}::int),
            attempts = attempts + 1
          where id in (select id from ${m} where status = 'pending' and next_attempt_at <= now()
            order by next_attempt_at limit ${limit} for update skip locked)
          returning id, user_id as "userId", to_address as "toAddress", locale, template, data, attempts`,
    );
  }

  /** Sent: what the message carried (a link with a token) is not kept. */
  async markSent(id: string): Promise<void> {
    await this.db
      .update(outboundMails)
      .set({ status: 'sent', sentAt: sql`now()`, data: {}, error: null })
      .where(and(eq(outboundMails.id, id), eq(outboundMails.status, 'pending')));
  }

  /** A failed attempt: tried again after `retryInSeconds`, or given up (null) and emptied. */
  async markFailed(id: string, error: string, retryInSeconds: number | null): Promise<void> {
    await this.db
      .update(outboundMails)
      .set(
        retryInSeconds === null
          ? { status: 'failed', error, data: {} }
          : { error, nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds}::int)` },
      )
      .where(and(eq(outboundMails.id, id), eq(outboundMails.status, 'pending')));
  }

  /** Deletes sent and given-up messages written more than `days` ago; returns how many. */
  async deleteFinished(days: number): Promise<number> {
    const [row] = await rawRows<{ n: number }>(
      this.db,
      sql`with deleted as (delete from ${outboundMails} where status in ('sent', 'failed')
            and created_at < now() - make_interval(days => ${days}::int) returning 1)
          select count(*)::int as n from deleted`,
    );
    return Number(row?.n ?? 0);
  }

  async outbox(): Promise<MailOutbox> {
    const [row] = await rawRows<{ pending: number; oldest: number | null }>(
      this.db,
      sql`select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest
          from ${outboundMails} where status = 'pending'`,
    );
    return { pending: Number(row?.pending ?? 0), oldestPendingSeconds: Number(row?.oldest ?? 0) };
  }

  /** Messages of one template sent to an account since a moment (caps such as "3 verification mails an hour"). */
  async countSince(userId: string, template: string, since: Date): Promise<number> {
    const [row] = await rawRows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from ${outboundMails}
          where user_id = ${userId} and template = ${template} and created_at > ${since.toISOString()}::timestamptz`,
    );
    return Number(row?.n ?? 0);
  }
}
