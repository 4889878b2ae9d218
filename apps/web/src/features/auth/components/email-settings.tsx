import { ChangeEmailSchema, type EmailLinkSent, type Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import pageStyles from '../../../components/page.module.css';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { cx } from '../../../lib/cx.ts';
import { useZodForm } from '../../../lib/form.ts';
import { useChangeEmail } from '../api/change-email.ts';
import { ResendVerification } from './resend-verification.tsx';
import styles from './email-verification.module.css';

/** `/me/settings` → 이메일: the address and whether it is verified, another link, and a change of address. */
export function EmailSettings({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  const [pending, setPending] = useState<EmailLinkSent | null>(null);
  if (!me) return null;
  return (
    <section className={pageStyles.section} aria-labelledby="settings-email">
      <h2 id="settings-email" className={pageStyles.sectionTitle}>
        {t('emailSettings.title')}
      </h2>
      {me.email ? (
        <p className={styles.address}>
          <span data-testid="account-email">{me.email}</span>
          <span className={cx(styles.badge, me.emailVerified ? styles.verified : styles.unverified)}>
            {me.emailVerified ? t('emailSettings.verified') : t('emailSettings.unverified')}
          </span>
        </p>
      ) : (
        <p className={styles.status}>{t('emailSettings.none')}</p>
      )}
      {me.email && !me.emailVerified && (
        <>
          <p className={styles.status}>{t('emailSettings.unverifiedHelp')}</p>
          <ResendVerification />
        </>
      )}
      {pending && (
        <p className={styles.pending} role="status">
          {me.email
            ? t('emailSettings.pending', { email: pending.email, current: me.email })
            : t('emailSettings.pendingNew', { email: pending.email })}
        </p>
      )}
      {changing ? (
        <ChangeEmailForm
          me={me}
          onSent={(sent) => {
            setPending(sent);
            setChanging(false);
          }}
          onCancel={() => setChanging(false)}
        />
      ) : (
        <div className={styles.actions}>
          <Button variant="outline" size="sm" onClick={() => setChanging(true)}>
            {me.email ? t('emailSettings.change') : t('emailSettings.add')}
          </Button>
        </div>
      )}
    </section>
  );
}

function ChangeEmailForm({
  me,
  onSent,
  onCancel,
}: {
  me: Me;
  onSent: (sent: EmailLinkSent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeEmail();
  const form = useZodForm(
    ChangeEmailSchema,
    { email: '', currentPassword: '' },
    { codeFields: { EMAIL_TAKEN: 'email', EMAIL_UNCHANGED: 'email' } },
  );
  const onSubmit = form.handleSubmit((data) =>
    change.mutate(
      { email: data.email, ...(me.hasPassword ? { currentPassword: data.currentPassword } : {}) },
      { onSuccess: onSent, onError: form.applyServerError },
    ),
  );
  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('emailSettings.change')}>
      <FormAlert message={form.formError} />
      <TextField
        label={t('emailSettings.newEmail')}
        type="email"
        inputMode="email"
        autoComplete="email"
        hint={t('emailSettings.newEmailHint')}
        {...form.register('email')}
        // Focus moves into the form that just opened.
        autoFocus
      />
      {me.hasPassword && (
        <TextField
          label={t('emailSettings.currentPassword')}
          type="password"
          autoComplete="current-password"
          {...form.register('currentPassword')}
        />
      )}
      <div className={styles.actions}>
        <Button type="submit" size="sm" pending={change.isPending}>
          {t('emailSettings.submit')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t('emailSettings.cancel')}
        </Button>
      </div>
    </form>
  );
}
