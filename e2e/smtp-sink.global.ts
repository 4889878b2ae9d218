import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { SmtpSink } from '../apps/server/src/test/smtp-sink.ts';

/**
 * A mail server for the whole run: the app sends its mail here over real SMTP (SMTP_URL in
 * playwright.config.ts), and each message it accepts is appended to E2E_MAIL_FILE as one JSON line
 * ({ to, subject, text }), so a test can follow the link the app mailed (tests/mail.ts).
 */
export default async function startSmtpSink(): Promise<() => Promise<void>> {
  const file = process.env.E2E_MAIL_FILE ?? '';
  writeFileSync(file, '');
  const sink = await SmtpSink.start({
    port: Number(process.env.E2E_SMTP_PORT),
    onMail: (mail) => {
      for (const to of mail.to)
        appendFileSync(file, `${JSON.stringify({ to, subject: mail.subject, text: mail.text })}\n`);
    },
  });
  return async () => {
    await sink.close();
    rmSync(file, { force: true });
  };
}
