import type { Session } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from '../../../components/page.module.css';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { formatDateTime, formatRelativeTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useSessions } from '../api/get-sessions.ts';
import { useRevokeOtherSessions } from '../api/revoke-other-sessions.ts';
import { useRevokeSession } from '../api/revoke-session.ts';
import own from './signed-in-devices.module.css';

/** "Chrome · Windows 10", or what is known of it. */
export function deviceName(session: Session, unknown: string): string {
  const os = [session.os, session.osVersion].filter(Boolean).join(' ');
  return [session.browser, os].filter(Boolean).join(' · ') || unknown;
}

/** `/me/settings` "로그인된 기기" (issue 15): where the account is signed in; sign any device out. */
export function SignedInDevices() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const [confirming, setConfirming] = useState<Session | 'others' | null>(null);
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current);

  return (
    <section className={styles.section} aria-labelledby="settings-sessions">
      <h2 id="settings-sessions" className={styles.sectionTitle}>
        {t('sessions.title')}
      </h2>
      <p className={own.text}>{t('sessions.lead')}</p>
      {sessions.isPending && (
        <p className={own.text} role="status">
          {t('sessions.loading')}
        </p>
      )}
      {sessions.isError && (
        <div className={own.block}>
          <FormAlert message={errorMessage(sessions.error)} />
          <div>
            <Button variant="outline" size="sm" onClick={() => void sessions.refetch()}>
              {t('sessions.retry')}
            </Button>
          </div>
        </div>
      )}
      {sessions.isSuccess && items.length === 0 && <p className={own.text}>{t('sessions.empty')}</p>}
      {items.length > 0 && (
        <ul className={own.list} aria-label={t('sessions.title')}>
          {items.map((session) => (
            <DeviceItem key={session.id} session={session} onSignOut={() => setConfirming(session)} />
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div>
          <Button variant="outline" onClick={() => setConfirming('others')}>
            {t('sessions.signOutOthers')}
          </Button>
        </div>
      )}
      <Confirm target={confirming} onDone={() => setConfirming(null)} />
    </section>
  );
}

function DeviceItem({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const name = deviceName(session, t('sessions.unknownDevice'));
  return (
    <li className={own.item}>
      <div className={own.info}>
        <p className={own.name}>
          <span>{name}</span>
          {session.current && <span className={own.badge}>{t('sessions.thisDevice')}</span>}
        </p>
        <p className={own.meta}>
          <span>
            {t('sessions.lastUsed')}{' '}
            <time dateTime={session.lastUsedAt} title={formatDateTime(session.lastUsedAt, i18n.language)}>
              {formatRelativeTime(session.lastUsedAt, i18n.language, now)}
            </time>
          </span>
          <span>
            {t('sessions.firstSignedIn')}{' '}
            <time dateTime={session.createdAt}>{formatDateTime(session.createdAt, i18n.language)}</time>
          </span>
          {session.ip && <span>{t('sessions.ip', { ip: session.ip })}</span>}
        </p>
      </div>
      {!session.current && (
        <Button
          variant="outline"
          size="sm"
          aria-label={t('sessions.signOutLabel', { device: name })}
          onClick={onSignOut}
        >
          {t('sessions.signOut')}
        </Button>
      )}
    </li>
  );
}

/** "Sign this device out?" / "Sign out every other device?", and the call once confirmed. */
function Confirm({ target, onDone }: { target: Session | 'others' | null; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const single = target !== null && target !== 'others' ? target : null;
  const name = single ? deviceName(single, t('sessions.unknownDevice')) : '';

  const onConfirm = () => {
    const handlers = {
      onSuccess: () => {
        notify(t(single ? 'sessions.signedOut' : 'sessions.signedOutOthers'), 'success');
        onDone();
      },
      onError: (error: Error) => {
        // Already gone: the list is read again, which is what the person wanted.
        if (error instanceof ApiError && error.code === 'SESSION_NOT_FOUND') {
          notify(t('sessions.signedOut'), 'info');
        } else notify(t(errorMessage(error).key), 'error');
        onDone();
      },
    };
    if (single) revoke.mutate(single.id, handlers);
    else revokeOthers.mutate(undefined, handlers);
  };

  return (
    <ConfirmDialog
      open={target !== null}
      title={single ? t('sessions.confirmTitle') : t('sessions.confirmOthersTitle')}
      message={single ? t('sessions.confirmMessage', { device: name }) : t('sessions.confirmOthersMessage')}
      confirmLabel={single ? t('sessions.signOut') : t('sessions.signOutOthers')}
      onConfirm={onConfirm}
      onCancel={onDone}
      pending={revoke.isPending || revokeOthers.isPending}
    />
  );
}
