import {
  PasswordResetPhoneConfirmSchema,
  PhoneNumberSchema,
  type PasswordResetPhoneSent,
} from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { TextField } from '../../../components/text-field.tsx';
import { useZodForm } from '../../../lib/form.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCountdown } from '../../../lib/use-countdown.ts';
import { useConfirmPasswordResetByPhone } from '../api/confirm-password-reset-by-phone.ts';
import { useRequestPasswordResetByPhone } from '../api/request-password-reset-by-phone.ts';
import styles from './auth-form.module.css';
import { NewPasswordFields, passwordsMatch } from './new-password-fields.tsx';

const PhoneResetSchema = PasswordResetPhoneConfirmSchema.extend({ passwordConfirm: z.string() }).refine(
  ...passwordsMatch,
);

const mmss = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * The number → "인증번호 받기" (again after 60 s) → the code with the new password twice, within 3 minutes →
 * signed in, home. The answer to the number is the same whether or not it has an account.
 */
export function PhoneResetForm() {
  const { t } = useTranslation();
  const notify = useNotice();
  const navigate = useNavigate();
  const request = useRequestPasswordResetByPhone();
  const confirm = useConfirmPasswordResetByPhone();
  const form = useZodForm(
    PhoneResetSchema,
    { phone: '', code: '', password: '', passwordConfirm: '' },
    { codeFields: { PHONE_CODE_INVALID: 'code', PHONE_CODE_EXPIRED: 'code' } },
  );
  const [sent, setSent] = useState<PasswordResetPhoneSent | null>(null);
  const resendWait = useCountdown(sent?.resendAt ?? null);
  const left = useCountdown(sent?.expiresAt ?? null);

  const send = () => {
    if (!form.checkFields(['phone'])) return;
    const phone = PhoneNumberSchema.safeParse(form.values.phone);
    if (!phone.success) return;
    confirm.reset();
    request.mutate({ phone: phone.data }, { onSuccess: setSent });
  };
  const onSend = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  // Signed in, the guest-only /forgot-password unmounts this form before `mutate`'s own callbacks would run
  // (React Query drops them then): the promise still settles, so the notice is shown from there.
  const onSubmit = form.handleSubmit(({ passwordConfirm: _confirm, ...body }) => {
    void confirm.mutateAsync(body).then(() => {
      notify(t('password.reset.done'), 'success');
      void navigate('/', { replace: true });
    }, form.applyServerError);
  });

  return (
    <form
      className={styles.form}
      onSubmit={sent ? onSubmit : onSend}
      noValidate
      aria-label={t('password.forgot.byPhone')}
    >
      <FormAlert message={request.isError ? errorMessage(request.error) : form.formError} />
      <div className={styles.row}>
        <TextField
          label={t('password.fields.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          placeholder={t('password.fields.phonePlaceholder')}
          {...form.register('phone')}
        />
        <Button
          variant={sent ? 'outline' : 'primary'}
          pending={request.isPending}
          disabled={resendWait > 0}
          onClick={send}
        >
          {sent
            ? resendWait > 0
              ? t('password.phone.resendIn', { seconds: resendWait })
              : t('password.phone.resend')
            : t('password.phone.send')}
        </Button>
      </div>
      {!sent && <p className={styles.muted}>{t('password.phone.hint')}</p>}
      {sent && (
        <>
          <p role="status">{t('password.phone.sent')}</p>
          <TextField
            label={t('password.fields.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            hint={
              left > 0 ? t('password.phone.expiresIn', { time: mmss(left) }) : t('password.phone.expired')
            }
            {...form.register('code')}
          />
          <NewPasswordFields
            password={form.register('password')}
            confirm={form.register('passwordConfirm')}
          />
          <Button type="submit" size="lg" block pending={confirm.isPending} disabled={left === 0}>
            {t('password.phone.submit')}
          </Button>
        </>
      )}
    </form>
  );
}
