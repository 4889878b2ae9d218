import { LoginSchema } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { useLogin } from '../api/login.ts';
import styles from './auth-form.module.css';

/** Email sign-in. On success the session starts; the page's guard takes the user on. */
export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useZodForm(LoginSchema, { email: '', password: '' });
  const onSubmit = form.handleSubmit((data) => login.mutate(data, { onError: form.applyServerError }));

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('auth.login.title')}>
      <FormAlert message={form.formError} />
      <TextField
        label={t('auth.fields.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
        placeholder={t('auth.fields.emailPlaceholder')}
        {...form.register('email')}
      />
      <TextField
        label={t('auth.fields.password')}
        type="password"
        autoComplete="current-password"
        {...form.register('password')}
      />
      <Button type="submit" size="lg" block pending={login.isPending}>
        {t('auth.login.submit')}
      </Button>
    </form>
  );
}
