import { NICKNAME, PASSWORD, SignupSchema } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { useSignup } from '../api/signup.ts';
import {
  EmailAvailabilityButton,
  EmailAvailabilityStatus,
  useEmailAvailability,
} from './email-availability.tsx';
import own from './email-verification.module.css';
import styles from './auth-form.module.css';
import { NO_CONSENTS, SignupConsentsField } from './signup-consents.tsx';

/** Email sign-up. A new account is not onboarded yet, so the app continues to the running-style step. */
export function SignupForm() {
  const { t, i18n } = useTranslation();
  const signup = useSignup();
  const form = useZodForm(
    SignupSchema,
    { email: '', password: '', nickname: '', consents: NO_CONSENTS },
    { codeFields: { EMAIL_TAKEN: 'email' } },
  );
  const availability = useEmailAvailability(form.values.email);
  const emailField = form.register('email');
  // The account's mail is written in the language the app is shown in now.
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'ko';
  const onSubmit = form.handleSubmit((data) =>
    signup.mutate({ ...data, locale }, { onError: form.applyServerError }),
  );

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('auth.signup.title')}>
      <FormAlert message={form.formError} />
      <div className={own.emailRow}>
        <TextField
          label={t('auth.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          placeholder={t('auth.fields.emailPlaceholder')}
          {...emailField}
          onBlur={() => {
            emailField.onBlur();
            availability.onBlur();
          }}
        />
        <EmailAvailabilityButton availability={availability} />
      </div>
      <EmailAvailabilityStatus availability={availability} />
      <TextField
        label={t('auth.fields.password')}
        type="password"
        autoComplete="new-password"
        hint={t('auth.fields.passwordHint', { min: PASSWORD.min })}
        {...form.register('password')}
      />
      <TextField
        label={t('auth.fields.nickname')}
        autoComplete="nickname"
        hint={t('auth.fields.nicknameHint', { min: NICKNAME.min, max: NICKNAME.max })}
        {...form.register('nickname')}
      />
      <SignupConsentsField
        name="consents"
        value={form.values.consents}
        onChange={(consents) => form.setValue('consents', consents)}
        error={form.errorOf('consents')}
      />
      <Button type="submit" size="lg" block pending={signup.isPending}>
        {t('auth.signup.submit')}
      </Button>
    </form>
  );
}
