import { PasswordResetRequestSchema } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCountdown } from '../../../lib/use-countdown.ts';
import { useRequestPasswordReset } from '../api/request-password-reset.ts';
import styles from './auth-form.module.css';

/**
 * The address → a neutral confirmation (the same whether or not it has an account), with a resend once the
 * server allows it.
 */
export function EmailResetForm() {
  const { t } = useTranslation();
  const notify = useNotice();
  const request = useRequestPasswordReset();
  const form = useZodForm(PasswordResetRequestSchema, { email: '' });
  const [sent, setSent] = useState<{ email: string; resendAt: string } | null>(null);
  const wait = useCountdown(sent?.resendAt ?? null);
  const onSubmit = form.handleSubmit(({ email }) =>
    request.mutate(
      { email },
      { onSuccess: ({ resendAt }) => setSent({ email, resendAt }), onError: form.applyServerError },
    ),
  );

  if (!sent) {
    return (
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('password.forgot.byEmail')}>
        <FormAlert message={form.formError} />
        <TextField
          label={t('auth.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          placeholder={t('auth.fields.emailPlaceholder')}
          hint={t('password.email.hint')}
          {...form.register('email')}
        />
        <Button type="submit" size="lg" block pending={request.isPending}>
          {t('password.email.submit')}
        </Button>
      </form>
    );
  }

  const resend = () =>
    request.mutate(
      { email: sent.email },
      {
        onSuccess: ({ resendAt }) => {
          setSent({ email: sent.email, resendAt });
          notify(t('password.email.resent'), 'success');
        },
      },
    );
  return (
    <div className={styles.form}>
      <div role="status" className={styles.sent}>
        <h2 className={styles.sentTitle}>{t('password.email.sentTitle')}</h2>
        <p>{t('password.email.sent', { email: sent.email })}</p>
      </div>
      <p className={styles.muted}>{t('password.email.spam')}</p>
      <FormAlert message={request.isError ? errorMessage(request.error) : null} />
      <Button variant="outline" block pending={request.isPending} disabled={wait > 0} onClick={resend}>
        {wait > 0 ? t('password.email.resendIn', { seconds: wait }) : t('password.email.resend')}
      </Button>
      <Button
        variant="ghost"
        block
        onClick={() => {
          request.reset();
          setSent(null);
        }}
      >
        {t('password.email.otherAddress')}
      </Button>
    </div>
  );
}
