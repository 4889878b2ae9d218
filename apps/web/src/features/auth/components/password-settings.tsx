import { ChangePasswordSchema, type Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import styles from '../../../components/page.module.css';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { useChangePassword } from '../api/change-password.ts';
import form$ from './auth-form.module.css';
import { NewPasswordFields, passwordsMatch } from './new-password-fields.tsx';

const formSchema = (hasPassword: boolean) =>
  ChangePasswordSchema.extend({
    currentPassword: hasPassword ? z.string().min(1, { message: 'password.required' }) : z.string(),
    passwordConfirm: z.string(),
  }).refine(...passwordsMatch);

/**
 * "비밀번호 변경" on /me/settings, or "비밀번호 설정" for an account without one (Kakao/Naver only). Every other
 * device is signed out; this one continues.
 */
export function PasswordSettings({ me }: { me: Me | undefined }) {
  const [round, setRound] = useState(0);
  if (!me) return null;
  // A fresh (empty) form after each change, and one asking for the current password once there is one.
  return (
    <PasswordSettingsForm
      key={`${String(me.hasPassword)}-${round}`}
      hasPassword={me.hasPassword}
      hasEmail={me.email !== null}
      onDone={() => setRound((n) => n + 1)}
    />
  );
}

interface FormProps {
  hasPassword: boolean;
  hasEmail: boolean;
  onDone: () => void;
}

function PasswordSettingsForm({ hasPassword, hasEmail, onDone }: FormProps) {
  const { t } = useTranslation();
  const notify = useNotice();
  const change = useChangePassword();
  const [schema] = useState(() => formSchema(hasPassword));
  const form = useZodForm(
    schema,
    { currentPassword: '', password: '', passwordConfirm: '' },
    { codeFields: { CURRENT_PASSWORD_WRONG: 'currentPassword' } },
  );
  const onSubmit = form.handleSubmit(({ currentPassword, password }) =>
    change.mutate(hasPassword ? { currentPassword, password } : { password }, {
      onSuccess: () => {
        notify(t(hasPassword ? 'password.change.done' : 'password.change.setDone'), 'success');
        onDone();
      },
      onError: form.applyServerError,
    }),
  );
  const title = t(hasPassword ? 'password.change.title' : 'password.change.setTitle');

  return (
    <section className={styles.section} aria-labelledby="settings-password">
      <h2 id="settings-password" className={styles.sectionTitle}>
        {title}
      </h2>
      <p className={form$.muted}>{t(hasPassword ? 'password.change.lead' : 'password.change.setLead')}</p>
      {!hasEmail && <p className={form$.muted}>{t('password.change.needsEmail')}</p>}
      <form className={form$.form} onSubmit={onSubmit} noValidate aria-label={title}>
        <FormAlert message={form.formError} />
        {hasPassword && (
          <TextField
            label={t('password.fields.currentPassword')}
            type="password"
            autoComplete="current-password"
            {...form.register('currentPassword')}
          />
        )}
        <NewPasswordFields password={form.register('password')} confirm={form.register('passwordConfirm')} />
        <Button type="submit" pending={change.isPending}>
          {t(hasPassword ? 'password.change.submit' : 'password.change.setSubmit')}
        </Button>
      </form>
    </section>
  );
}
