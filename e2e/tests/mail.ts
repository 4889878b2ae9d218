import { readFileSync } from 'node:fs';

/** A message the app sent, as the loopback SMTP server received it (smtp-sink.global.ts). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Every message the app sent to an address, oldest first. */
export function mailsTo(address: string): Mail[] {
  return readFileSync(process.env.E2E_MAIL_FILE ?? '', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail)
    .filter((m) => m.to.toLowerCase() === address.toLowerCase());
}

/**
 * The newest message to an address that satisfies `predicate` (e.g. by subject), waiting for it to arrive:
 * the app sends mail from its outbox right after the request commits, so it lands within a second or two.
 */
export async function waitForMail(
  to: string,
  predicate: (mail: Mail) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailsTo(to).filter(predicate).at(-1);
    if (mail) return mail;
    if (Date.now() > deadline) {
      const seen = mailsTo(to).map((m) => m.subject);
      throw new Error(`no matching mail to ${to} within ${timeoutMs} ms (received: ${JSON.stringify(seen)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The link of a mail (its button, written out in the text part) on the app's own address; with `path`, the
 * first one whose path starts with it. A full URL, for `page.goto`.
 */
export function linkIn(mail: Mail, path = '/'): string {
  const origin = new URL(process.env.E2E_BASE_URL ?? 'http://localhost:3100').origin;
  const link = (mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])
    .map((href) => new URL(href))
    .find((url) => url.origin === origin && url.pathname.startsWith(path));
  if (!link) throw new Error(`no link to ${origin}${path} in the mail "${mail.subject}" to ${mail.to}`);
  return link.href;
}
