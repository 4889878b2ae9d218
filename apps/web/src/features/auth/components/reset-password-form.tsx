import { PasswordResetConfirmSchema } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useZodForm } from '../../../lib/form.ts';
import { useConfirmPasswordReset } from '../api/confirm-password-reset.ts';
import styles from './auth-form.module.css';
import { NewPasswordFields, passwordsMatch } from './new-password-fields.tsx';

const ResetFormSchema = PasswordResetConfirmSchema.extend({ passwordConfirm: z.string() }).refine(
  ...passwordsMatch,
);

/**
 * The mailed link's form: the new password twice → signed in, home, with a notice. A link expired or used
 * calls `onInvalid` (the page then offers to ask again).
 */
export function ResetPasswordForm({ token, onInvalid }: { token: string; onInvalid: () => void }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const form = useZodForm(ResetFormSchema, { token, password: '', passwordConfirm: '' });
  const onSubmit = form.handleSubmit(({ passwordConfirm: _confirm, ...body }) =>
    confirm.mutate(body, {
      onSuccess: () => {
        notify(t('password.reset.done'), 'success');
        void navigate('/', { replace: true });
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'RESET_TOKEN_INVALID') onInvalid();
        else form.applyServerError(error);
      },
    }),
  );

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label={t('password.reset.title')}>
      <FormAlert message={form.formError} />
      <NewPasswordFields password={form.register('password')} confirm={form.register('passwordConfirm')} />
      <Button type="submit" size="lg" block pending={confirm.isPending}>
        {t('password.reset.submit')}
      </Button>
    </form>
  );
}
