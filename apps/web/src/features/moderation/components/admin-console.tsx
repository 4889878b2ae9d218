import { USER_MODERATION_ACTIONS, type UserModerationAction } from '@erun/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { formatDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useAudit, useFindUser, useModerateUser, useUserHistory } from '../api/admin.ts';
import { EscalatedDisputes } from './escalated-disputes.tsx';
import { EntryLine, ReportQueue } from './report-queue.tsx';
import { ActionFields } from './action-fields.tsx';
import styles from './admin-console.module.css';

function ActionForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const moderate = useModerateUser(userId);
  const [action, setAction] = useState<UserModerationAction>('warn');
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    moderate.mutate(
      { action, reason, ...(action === 'suspend' ? { days: Number(days) } : {}) },
      { onSuccess: () => setReason('') },
    );
  }
  return (
    <form onSubmit={submit} className={styles.form} aria-label={t('admin.act')}>
      <label className={styles.select}>
        {t('admin.actionLabel')}
        <select value={action} onChange={(e) => setAction(e.target.value as UserModerationAction)}>
          {USER_MODERATION_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`admin.action.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <ActionFields
        suspend={action === 'suspend'}
        days={days}
        onDays={setDays}
        reason={reason}
        onReason={setReason}
        reasonHint={t('admin.reasonHint')}
      />
      <FormAlert message={moderate.isError ? errorMessage(moderate.error) : null} />
      <Button type="submit" pending={moderate.isPending}>
        {t('admin.submit')}
      </Button>
    </form>
  );
}

function UserPanel({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const history = useUserHistory(userId);
  if (history.isError) return <FormAlert message={errorMessage(history.error)} />;
  if (!history.data) return <p className={styles.muted}>{t('admin.loading')}</p>;
  const { user, actions, reports } = history.data;
  const restriction = user.restriction;
  return (
    <section className={styles.section} aria-label={t('admin.userTitle', { nickname: user.nickname })}>
      <h2 className={styles.subtitle}>{t('admin.userTitle', { nickname: user.nickname })}</h2>
      <p>
        {user.email ?? '-'} · {t(`admin.role.${user.role}`)} ·{' '}
        {restriction
          ? restriction.until
            ? t('admin.suspendedUntil', { until: formatDateTime(restriction.until, i18n.language) })
            : t('admin.banned')
          : t('admin.inGoodStanding')}
      </p>
      <ActionForm userId={user.id} />
      <h3 className={styles.subtitle}>{t('admin.actionsAbout')}</h3>
      {actions.length === 0 ? (
        <p className={styles.muted}>{t('admin.none')}</p>
      ) : (
        <ul className={styles.list}>
          {actions.map((a) => (
            <EntryLine key={a.id} entry={a} />
          ))}
        </ul>
      )}
      <h3 className={styles.subtitle}>{t('admin.reportsAbout')}</h3>
      {reports.length === 0 ? (
        <p className={styles.muted}>{t('admin.none')}</p>
      ) : (
        <ul className={styles.list}>
          {reports.map((r) => (
            <li key={r.id} className={styles.entry}>
              <span className={styles.muted}>{formatDateTime(r.createdAt, i18n.language)}</span>{' '}
              {t(`admin.queue.kind.${r.targetType}`)} · {t(`reports.reason.${r.reason}`)}
              {r.note && ` · ${r.note}`} · {t(`admin.queue.status.${r.status}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * `/admin`: the report queue, a user looked up (from the queue or by address) with their history and the
 * actions on them, and the audit log, a page at a time (the server checks every call).
 */
export function AdminConsole() {
  const { t } = useTranslation();
  const find = useFindUser();
  const audit = useAudit();
  const [text, setText] = useState('');
  const [userId, setUserId] = useState<string | null>(null);
  function lookUp(event: FormEvent) {
    event.preventDefault();
    find.mutate(text, { onSuccess: setUserId });
  }
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ReportQueue onShowUser={setUserId} />
      <EscalatedDisputes />
      <section className={styles.section} aria-label={t('admin.usersTitle')}>
        <h2 className={styles.subtitle}>{t('admin.usersTitle')}</h2>
        <form onSubmit={lookUp} className={styles.form} role="search" aria-label={t('admin.lookup')}>
          <TextField
            label={t('admin.lookupLabel')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
          />
          <FormAlert message={find.isError ? errorMessage(find.error) : null} />
          <Button type="submit" variant="secondary" pending={find.isPending}>
            {t('admin.lookup')}
          </Button>
        </form>
        {userId && <UserPanel userId={userId} />}
      </section>
      <section className={styles.section} aria-label={t('admin.auditTitle')}>
        <h2 className={styles.subtitle}>{t('admin.auditTitle')}</h2>
        {audit.isError && <FormAlert message={errorMessage(audit.error)} />}
        {audit.isSuccess && entries.length === 0 && <p className={styles.muted}>{t('admin.none')}</p>}
        <ul className={styles.list}>
          {entries.map((entry) => (
            <EntryLine key={entry.id} entry={entry} />
          ))}
        </ul>
        {audit.hasNextPage && (
          <Button
            variant="secondary"
            pending={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('admin.more')}
          </Button>
        )}
      </section>
    </>
  );
}
