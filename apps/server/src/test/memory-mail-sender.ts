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

  /**
   * The first link in the latest message to an address (the reset or verification link); with `path`, the
   * latest link whose path starts with it (other mail, such as a sign-in alert, may have come since).
   */
  linkTo(address: string, path?: string): URL {
    for (const mail of this.to(address).reverse()) {
      const links = (mail.text.match(/https?:\/\/\S+/g) ?? []).map((href) => new URL(href));
      const link = path === undefined ? links[0] : links.find((l) => l.pathname.startsWith(path));
      if (link) return link;
    }
    throw new Error(`no link${path ? ` to ${path}` : ''} in a mail to ${address}`);
  }
}
