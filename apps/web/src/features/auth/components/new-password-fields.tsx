import { PASSWORD } from '@erun/contracts';
import type { ChangeEvent, FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/text-field.tsx';
import type { Message } from '../../../lib/messages.ts';

/** What `useZodForm().register(name)` gives a text field. */
interface Registered {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: (event: FocusEvent<HTMLInputElement>) => void;
  error?: Message;
}

/** The new password (with the sign-up rules as hint) and its confirmation, validated by the form's schema. */
export function NewPasswordFields({ password, confirm }: { password: Registered; confirm: Registered }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('password.fields.newPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('auth.fields.passwordHint', { min: PASSWORD.min })}
        {...password}
      />
      <TextField
        label={t('password.fields.newPasswordConfirm')}
        type="password"
        autoComplete="new-password"
        {...confirm}
      />
    </>
  );
}

/** A form's schema refinement: the confirmation repeats the new password (else an error on the confirmation). */
export const passwordsMatch: [
  (v: { password: string; passwordConfirm: string }) => boolean,
  { path: string[]; message: string },
] = [(v) => v.password === v.passwordConfirm, { path: ['passwordConfirm'], message: 'password.mismatch' }];
