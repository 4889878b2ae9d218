import type { Logger } from 'pino';
import type { SmsSender } from '../ports/sms.ts';

/**
 * The default SMS "provider": writes each message to the log, so development and tests need no account.
 * The number is logged masked; the text in full (a developer reads the verification code there).
 */
export class LogSmsSender implements SmsSender {
  constructor(private readonly log: Pick<Logger, 'info'>) {}

  send(to: string, text: string): Promise<void> {
    this.log.info({ sms: { to: `${to.slice(0, 3)}****${to.slice(-4)}`, text } }, 'sms (log provider)');
    return Promise.resolve();
  }
}
