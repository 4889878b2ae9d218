import { SAFETY_LIMITS } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/text-field.tsx';

interface ActionFieldsProps {
  /** A suspension asks for its days (1–365). */
  suspend: boolean;
  days: string;
  onDays: (value: string) => void;
  reason: string;
  onReason: (value: string) => void;
  /** What the reason field says about who reads it. */
  reasonHint: string;
}

/** The days of a suspension and the reason the user sees: what every moderator's decision asks for. */
export function ActionFields({ suspend, days, onDays, reason, onReason, reasonHint }: ActionFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      {suspend && (
        <TextField
          label={t('admin.daysLabel')}
          type="number"
          min={SAFETY_LIMITS.suspendDaysMin}
          max={SAFETY_LIMITS.suspendDaysMax}
          value={days}
          onChange={(e) => onDays(e.target.value)}
          required
        />
      )}
      <TextField
        label={t('admin.reasonLabel')}
        hint={reasonHint}
        value={reason}
        minLength={SAFETY_LIMITS.moderationReasonMin}
        maxLength={SAFETY_LIMITS.moderationReasonMax}
        onChange={(e) => onReason(e.target.value)}
        required
      />
    </>
  );
}
