import { EmailSchema } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { cx } from '../../../lib/cx.ts';
import { errorMessage, type Message } from '../../../lib/messages.ts';
import { useCheckEmailAvailability } from '../api/check-email-availability.ts';
import styles from './email-verification.module.css';

type Checked = { email: string; available: boolean } | { email: string; error: Message };

/**
 * 중복확인 for the sign-up form: on the button, or when the field is left with a new valid address. The
 * answer belongs to the address it was asked for (editing the field clears it) and is announced; the server
 * still decides at sign-up.
 */
export function useEmailAvailability(value: string) {
  const check = useCheckEmailAvailability();
  const [checked, setChecked] = useState<Checked | null>(null);
  const parsed = EmailSchema.safeParse(value);
  const email = parsed.success ? parsed.data : null;

  function run(force: boolean): void {
    if (email === null || check.isPending) return;
    if (!force && checked?.email === email) return;
    check.mutate(email, {
      onSuccess: ({ available }) => setChecked({ email, available }),
      onError: (error) => setChecked({ email, error: errorMessage(error) }),
    });
  }

  return {
    /** The "중복확인" button. */
    check: () => run(true),
    /** Leaving the field: asks once per address. */
    onBlur: () => run(false),
    pending: check.isPending,
    result: checked && checked.email === email ? checked : null,
    canCheck: email !== null,
  };
}

export function EmailAvailabilityButton({
  availability,
}: {
  availability: ReturnType<typeof useEmailAvailability>;
}) {
  const { t } = useTranslation();
  return (
    <Button
      variant="outline"
      size="sm"
      className={styles.checkButton}
      pending={availability.pending}
      onClick={availability.check}
      disabled={!availability.canCheck}
    >
      {t('emailAvailability.check')}
    </Button>
  );
}

export function EmailAvailabilityStatus({
  availability,
}: {
  availability: ReturnType<typeof useEmailAvailability>;
}) {
  const { t } = useTranslation();
  const { result, pending } = availability;
  const taken = result !== null && 'available' in result && !result.available;
  return (
    <p
      role="status"
      className={cx(
        styles.status,
        result && 'available' in result && result.available && styles.available,
        (taken || (result && 'error' in result)) && styles.error,
      )}
    >
      {pending && t('emailAvailability.checking')}
      {!pending && result && 'available' in result && result.available && t('emailAvailability.available')}
      {!pending && taken && (
        <>
          {t('emailAvailability.taken')} <Link to="/login">{t('emailAvailability.login')}</Link>
        </>
      )}
      {!pending && result && 'error' in result && t(result.error.key, result.error.values)}
    </p>
  );
}
