import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { cx } from '../../../lib/cx.ts';
import { useResendVerification } from '../hooks/use-resend-verification.ts';
import styles from './email-verification.module.css';

/**
 * "Resend the verification mail" and what came of it, announced to screen readers; while the server's wait
 * runs the button counts down.
 */
export function ResendVerification({
  label,
  variant = 'outline',
  className,
}: {
  label?: string;
  variant?: 'outline' | 'ghost' | 'primary';
  className?: string;
}) {
  const { t } = useTranslation();
  const { send, pending, secondsLeft, result } = useResendVerification();
  const text = label ?? t('emailVerify.resend');
  return (
    <span className={cx(styles.resend, className)}>
      <Button variant={variant} size="sm" pending={pending} disabled={secondsLeft > 0} onClick={send}>
        {secondsLeft > 0 ? t('emailVerify.resendIn', { label: text, seconds: secondsLeft }) : text}
      </Button>
      <span role="status" className={cx(styles.status, result?.kind === 'error' && styles.error)}>
        {result?.kind === 'sent' && t('emailVerify.sent', { email: result.email })}
        {result?.kind === 'error' && t(result.message.key, result.message.values)}
      </span>
    </span>
  );
}
