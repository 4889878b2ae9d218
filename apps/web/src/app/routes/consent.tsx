import type { Me } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/button.tsx';
import { useNotice } from '../../components/notice/notice-context.ts';
import { useLogout } from '../../features/auth/api/logout.ts';
import { ConsentGateForm } from '../../features/legal/components/consent-gate-form.tsx';
import { cx } from '../../lib/cx.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { safeNext } from '../shell/guards.tsx';
import { useSession } from '../use-session.ts';
import styles from '../../components/page.module.css';

/** `/consent`: a signed-in user who has yet to accept the required documents in force comes here first. */
export function ConsentPage() {
  const session = useSession();
  return session.status === 'signed-in' ? <Consent user={session.user} /> : null;
}

function Consent({ user }: { user: Me }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const navigate = useNavigate();
  const logout = useLogout();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next')) ?? '/';
  // Decided on arrival: accepting empties the list, and that must not swap the form away mid-flow.
  const [required] = useState(user.consentsRequired);
  useDocumentTitle(t('consent.gate.title'));
  if (required.length === 0) return <Navigate to={next} replace />;

  const newcomer = required.length === 3;
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('consent.gate.title')}</h1>
        <p className={styles.lead}>{t(newcomer ? 'consent.gate.leadNew' : 'consent.gate.leadUpdated')}</p>
      </div>
      <ConsentGateForm
        required={required}
        askMarketing={newcomer}
        onAccepted={() => {
          notify(t('consent.gate.done'));
          void navigate(next, { replace: true });
        }}
      />
      <p className={styles.lead}>
        {t('consent.gate.decline')} <Link to="/me/settings">{t('consent.gate.toSettings')}</Link>
      </p>
      <Button variant="ghost" onClick={() => logout.mutate()} pending={logout.isPending}>
        {t('consent.gate.signOut')}
      </Button>
    </div>
  );
}
