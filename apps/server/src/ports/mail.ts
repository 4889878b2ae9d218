/** One rendered message to one address. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail (SMTP, or the log when none is configured). */
export interface MailSender {
  /** Resolves once the server accepted the message; rejects when it did not (it is retried later). */
  send(message: MailMessage): Promise<void>;
  close?(): void;
}
