import type { Logger } from 'pino';
import type { MailMessage, MailSender } from '../ports/mail.ts';

/**
 * The default mail "server" (no `SMTP_URL`): writes each message to the log, so development needs no mail
 * account. The plain-text part is logged in full — a developer follows the link printed there.
 */
export class LogMailSender implements MailSender {
  constructor(private readonly log: Pick<Logger, 'info'>) {}

  send(message: MailMessage): Promise<void> {
    this.log.info(
      { mail: { to: message.to, subject: message.subject, text: message.text } },
      'mail (log transport)',
    );
    return Promise.resolve();
  }
}
