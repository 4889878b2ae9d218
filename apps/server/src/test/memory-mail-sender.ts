import type { MailMessage, MailSender } from '../ports/mail.ts';

/** Keeps what the app sent, for integration tests (the SMTP path has its own tests on a loopback server). */
export class MemoryMailSender implements MailSender {
  readonly sent: MailMessage[] = [];

  send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }

  /** The messages sent to one address, oldest first. */
  to(address: string): MailMessage[] {
    return this.sent.filter((m) => m.to === address);
  }

  /** The first link to `PUBLIC_URL` in the latest message to an address (the reset or verification link). */
  linkTo(address: string): URL {
    const last = this.to(address).at(-1);
    const match = last?.text.match(/https?:\/\/\S+/);
    if (!match) throw new Error(`no link in a mail to ${address}`);
    return new URL(match[0]);
  }
}
