import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LogMailSender } from './log-mail-sender.ts';
import { smtpTarget } from './smtp-mail-sender.ts';

describe('smtpTarget', () => {
  it('names scheme, host and port, never the user name or password', () => {
    expect(smtpTarget('smtp://relay-user:pa%40ss%3Aword@smtp.relay.example:587')).toBe(
      'smtp://smtp.relay.example:587',
    );
    expect(smtpTarget('smtps://u:secret@mail.example:465?requireTLS=true')).toBe('smtps://mail.example:465');
  });
});

describe('LogMailSender (no SMTP_URL)', () => {
  it('writes one line "mail (log transport)" with the recipient, the subject and the whole text part', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const text =
      '비밀번호를 다시 설정하세요.\n\n비밀번호 재설정: http://localhost:3000/reset-password?token=abc';
    const subject = '[이RUN 저RUN] 비밀번호 재설정';
    await new LogMailSender(log).send({ to: 'runner@example.com', subject, text, html: '<p>…</p>' });
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'mail (log transport)',
        mail: { to: 'runner@example.com', subject, text },
      }),
    ]);
  });
});
