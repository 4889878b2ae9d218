import type { Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useNotice } from '../../components/notice/notice-context.ts';
import { AvatarUpload } from '../../features/uploads/components/avatar-upload.tsx';
import { RunningStyleForm } from '../../features/users/components/running-style-form.tsx';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from '../../components/page.module.css';

export function OnboardingPage() {
  const session = useSession();
  return session.status === 'signed-in' ? <Onboarding user={session.user} /> : null;
}

function Onboarding({ user }: { user: Me }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const navigate = useNavigate();
  // Decided on arrival: saving the form makes the user onboarded, and that must not bounce them mid-flow.
  const [alreadyOnboarded] = useState(user.onboarded);
  useDocumentTitle(t('onboarding.title'));
  if (alreadyOnboarded) return <Navigate to="/" replace />;

  const onSaved = () => {
    notify(t('onboarding.welcome'));
    void navigate('/', { replace: true });
  };
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('onboarding.title')}</h1>
        <p className={styles.lead}>{t('onboarding.lead')}</p>
      </div>
      <RunningStyleForm
        me={user}
        submitLabel={t('onboarding.submit')}
        onSaved={onSaved}
        renderAvatarField={(field) => <AvatarUpload {...field} />}
      />
    </div>
  );
}
