import { createTransport } from 'nodemailer';
import type { MailMessage, MailSender } from '../ports/mail.ts';

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS at once). */
  url: string;
  /** The From header of every message. */
  from: string;
  /** Connecting, the greeting and each exchange give up after this long; a whole message after three times it. */
  timeoutMs: number;
}

/** How many SMTP connections the pool keeps open at most (relays limit concurrent connections per client). */
const MAX_CONNECTIONS = 5;

/**
 * Mail through an SMTP server (`SMTP_URL`), with nodemailer's pooled transport: connections are reused across
 * messages and closed when idle. Every step has a deadline so that a frozen server fails a message instead
 * of holding the outbox's sweep; the outbox (not the transport) retries, so nodemailer's own requeue is off.
 */
export class SmtpMailSender implements MailSender {
  private readonly transport;
  private readonly deadlineMs: number;

  constructor(config: SmtpConfig) {
    this.deadlineMs = config.timeoutMs * 3;
    this.transport = createTransport(
      {
        url: config.url,
        pool: true,
        maxConnections: MAX_CONNECTIONS,
        maxRequeues: 0,
        connectionTimeout: config.timeoutMs,
        greetingTimeout: config.timeoutMs,
        socketTimeout: config.timeoutMs,
        dnsTimeout: config.timeoutMs,
        // Messages are built from our templates alone: never read a file or fetch a URL for their content.
        disableFileAccess: true,
        disableUrlAccess: true,
      },
      { from: config.from },
    );
  }

  async send(message: MailMessage): Promise<void> {
    // Also bounds the wait in the pool's queue behind connections that are timing out (a frozen server).
    await this.transport.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      signal: AbortSignal.timeout(this.deadlineMs),
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** Where mail goes, as it may be logged: scheme, host and port, never the user name or password. */
export function smtpTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
