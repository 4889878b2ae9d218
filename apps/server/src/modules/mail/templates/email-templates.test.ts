import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES } from './index.ts';

const context = { locale: 'ko', publicUrl: 'https://erun.example' } as const;

describe('the account address mails', () => {
  it('mail the link to /verify-email in the text and the HTML, with what the user typed escaped', () => {
    const data = { nickname: '<b>곰</b>', email: 'runner@example.com', token: 'abc_DEF-123', hours: 24 };
    const mail = MAIL_TEMPLATES.email_verification(data, context);
    expect(mail.text).toContain('https://erun.example/verify-email?token=abc_DEF-123');
    expect(mail.text).toContain('24시간');
    expect(mail.html).toContain('href="https://erun.example/verify-email?token=abc_DEF-123"');
    expect(mail.html).not.toContain('<b>곰</b>');
    const english = MAIL_TEMPLATES.email_change(data, { ...context, locale: 'en' });
    expect(english.subject).toBe('[이RUN 저RUN] Please verify your new email address');
    expect(english.text).toContain('for 24 hours');
  });

  it('tell the owner of a taken address where to sign in and reset', () => {
    const mail = MAIL_TEMPLATES.signup_attempt({}, context);
    expect(mail.text).toContain('https://erun.example/login');
    expect(mail.text).toContain('https://erun.example/forgot-password');
  });
});
