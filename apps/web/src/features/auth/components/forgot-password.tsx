import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../components/tabs.tsx';
import { EmailResetForm } from './email-reset-form.tsx';
import { PhoneResetForm } from './phone-reset-form.tsx';

type Way = 'email' | 'phone';

/** "이메일로 찾기 / 휴대폰으로 찾기": a reset link by mail, or a code by text. */
export function ForgotPassword({ initial = 'email' }: { initial?: Way }) {
  const { t } = useTranslation();
  const [way, setWay] = useState<Way>(initial);
  return (
    <Tabs
      label={t('password.forgot.tabs')}
      selected={way}
      onSelect={setWay}
      tabs={[
        { key: 'email', label: t('password.forgot.byEmail'), panel: <EmailResetForm /> },
        { key: 'phone', label: t('password.forgot.byPhone'), panel: <PhoneResetForm /> },
      ]}
    />
  );
}
