import { type Locale, LOCALES } from '@erun/contracts';
import { CoalescingSweep } from '../../lib/coalescing-sweep.ts';
import type { MailSender } from '../../ports/mail.ts';
import type { Tx } from '../../ports/unit-of-work.ts';
import type { ClaimedMail, MailOutbox, MailRepository } from './mail.repository.ts';
import { MAIL_TEMPLATES, type MailData, type MailTemplateName } from './templates/index.ts';
import type { MailTemplate } from './templates/layout.ts';

/** A claimed message not finished within this long is claimed again (its sender died). Above SMTP timeouts. */
export const MAIL_LEASE_SECONDS = 120;
/** Attempts before a message is given up (its link would have expired long before). */
export const MAIL_MAX_ATTEMPTS = 6;
const BATCH = 50;
const KICK_GAP_MS = 200;

/** Seconds before attempt n+1 after attempt n failed: 30 s, 1 min, 2 min, 4 min, 8 min. */
export const retryDelaySeconds = (attempts: number) => 30 * 2 ** Math.max(0, attempts - 1);

export interface OutgoingMail<K extends MailTemplateName> {
  to: string;
  /** The account it concerns, if any. */
  userId: string | null;
  locale: Locale;
  template: K;
  data: MailData<K>;
}

/** What a sweep could not send (logged as one line, not one per message). */
export interface MailFailures {
  /** Messages whose attempt failed in this sweep (the server refused, timed out or could not be reached). */
  failed: number;
  /** Of those, the ones given up for good (their last attempt). */
  givenUp: number;
  /** The last failure's message (never the message's content). */
  error: string;
}

export interface MailDeps {
  sender: MailSender;
  publicUrl: string;
  onError: (error: unknown) => void;
  /** Told after a sweep in which some messages failed. */
  onFailures?: (failures: MailFailures) => void;
}

/** Sent and given-up messages are deleted this long after they were written (housekeeping). */
export const MAIL_KEPT_DAYS = 30;

/**
 * Mail through an outbox (issue 15, ADR 017): `enqueue` writes the message in the caller's transaction and
 * wakes a sweep once it commits; the sweep renders and sends. A slow or failing mail server never holds up a
 * request, a rolled-back decision never mails, and a failure is retried with backoff. Every worker also
 * sweeps on an interval (messages of a process that died).
 */
export class MailService {
  private readonly sweeps: CoalescingSweep;

  constructor(
    private readonly repo: MailRepository,
    private readonly deps: MailDeps,
  ) {
    this.sweeps = new CoalescingSweep(
      () => this.sweep(),
      KICK_GAP_MS,
      (error) => this.deps.onError(error),
    );
  }

  async enqueue<K extends MailTemplateName>(tx: Tx, mail: OutgoingMail<K>): Promise<void> {
    await this.repo.insert(tx, {
      userId: mail.userId,
      toAddress: mail.to,
      locale: mail.locale,
      template: mail.template,
      data: mail.data,
    });
    tx.afterCommit(() => this.kick());
  }

  /** How many messages of a template an account was sent since a moment (resend caps). */
  sentSince(userId: string, template: MailTemplateName, since: Date): Promise<number> {
    return this.repo.countSince(userId, template, since);
  }

  /** Sweeps soon, in the background; calls while one runs fold into one more pass. Never throws. */
  kick(): void {
    this.sweeps.kick();
  }

  /** Resolves when no background sweep is running (shutdown, tests). */
  async idle(): Promise<void> {
    await this.sweeps.idle();
  }

  outbox(): Promise<MailOutbox> {
    return this.repo.outbox();
  }

  /** Deletes sent and given-up messages older than MAIL_KEPT_DAYS (daily job); returns how many. */
  purgeFinished(): Promise<number> {
    return this.repo.deleteFinished(MAIL_KEPT_DAYS);
  }

  /** Sends everything due; returns how many messages were attempted. */
  async sweep(): Promise<number> {
    let total = 0;
    const failures: MailFailures = { failed: 0, givenUp: 0, error: '' };
    let claimed: ClaimedMail[];
    do {
      claimed = await this.repo.claim(BATCH, MAIL_LEASE_SECONDS);
      total += claimed.length;
      await Promise.all(claimed.map((m) => this.send(m, failures)));
    } while (claimed.length === BATCH);
    if (failures.failed > 0) this.deps.onFailures?.(failures);
    return total;
  }

  private async send(mail: ClaimedMail, failures: MailFailures): Promise<void> {
    try {
      const template = MAIL_TEMPLATES[mail.template as MailTemplateName] as MailTemplate<unknown> | undefined;
      if (!template) throw new Error(`unknown mail template ${mail.template}`);
      const locale: Locale = (LOCALES as readonly string[]).includes(mail.locale)
        ? (mail.locale as Locale)
        : 'ko';
      const rendered = template(mail.data, { locale, publicUrl: this.deps.publicUrl.replace(/\/+$/, '') });
      await this.deps.sender.send({ to: mail.toAddress, ...rendered });
      await this.repo.markSent(mail.id);
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 500) : 'failed';
      const retry = mail.attempts < MAIL_MAX_ATTEMPTS ? retryDelaySeconds(mail.attempts) : null;
      failures.failed += 1;
      if (retry === null) failures.givenUp += 1;
      failures.error = message;
      await this.repo.markFailed(mail.id, message, retry).catch(this.deps.onError);
    }
  }
}
