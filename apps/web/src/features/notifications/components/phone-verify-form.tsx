import { PhoneNumberSchema } from '@erun/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useConfirmPhoneCode, useRequestPhoneCode } from '../api/phone-verification.ts';
import styles from './notification-settings.module.css';
import { useCountdown } from '../../../lib/use-countdown.ts';

/** Number → "인증번호 받기" (again after 60 s) → the 6-digit code → verified. */
export function PhoneVerifyForm({ onVerified }: { onVerified: () => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [phoneError, setPhoneError] = useState<Message | undefined>();
  const [codeError, setCodeError] = useState<Message | undefined>();
  const request = useRequestPhoneCode();
  const confirm = useConfirmPhoneCode();
  const wait = useCountdown(request.data?.resendAt ?? null);
  const sentTo = request.isSuccess ? request.variables : null;
  const alert: Message | null = request.isError
    ? errorMessage(request.error)
    : confirm.isError
      ? errorMessage(confirm.error)
      : null;

  const send = () => {
    const parsed = PhoneNumberSchema.safeParse(phone);
    if (!parsed.success) return setPhoneError({ key: 'notifySettings.phone.invalid' });
    setPhoneError(undefined);
    confirm.reset();
    request.mutate(parsed.data);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sentTo) return send();
    if (!/^\d{6}$/.test(code)) return setCodeError({ key: 'notifySettings.phone.codeFormat' });
    setCodeError(undefined);
    confirm.mutate({ phone: sentTo, code }, { onSuccess: onVerified });
  };

  return (
    <form className={styles.block} style={{ padding: 0, border: 0 }} onSubmit={submit} noValidate>
      <div className={styles.row}>
        <TextField
          className={styles.grow}
          label={t('notifySettings.phone.label')}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          placeholder={t('notifySettings.phone.placeholder')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          error={phoneError}
        />
        <Button
          variant={sentTo ? 'outline' : 'primary'}
          pending={request.isPending}
          disabled={wait > 0 || phone.trim() === ''}
          onClick={send}
        >
          {sentTo
            ? wait > 0
              ? t('notifySettings.phone.resendIn', { seconds: wait })
              : t('notifySettings.phone.resend')
            : t('notifySettings.phone.send')}
        </Button>
      </div>
      {sentTo && (
        <>
          <p className={styles.live} role="status">
            {t('notifySettings.phone.sent')}
          </p>
          <div className={styles.row}>
            <TextField
              className={styles.grow}
              label={t('notifySettings.phone.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              error={codeError}
            />
            <Button type="submit" pending={confirm.isPending}>
              {t('notifySettings.phone.confirm')}
            </Button>
          </div>
        </>
      )}
      <FormAlert message={alert} />
    </form>
  );
}
