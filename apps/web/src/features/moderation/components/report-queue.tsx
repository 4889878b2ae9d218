import { type ModerationAction, type ModerationEntry, type ReportQueueItem } from '@erun/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/button.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { ChoiceGroup } from '../../../components/choice-group.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { formatDateTime } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { type QueueStatus, useActOnReport, useReportQueue } from '../api/admin.ts';
import { ActionFields } from './action-fields.tsx';
import styles from './admin-console.module.css';

/** The reason the server writes for roles granted with `npm run admin` (shown as "명령줄" instead). */
const COMMAND_LINE_REASON = 'command line';

/** What may be done with this item, in the order offered. */
function actionsFor(item: ReportQueueItem, canActOnAccounts: boolean): ModerationAction[] {
  const content = item.content;
  const actions: ModerationAction[] = ['dismiss'];
  const hideable = item.targetType !== 'user' && content !== null && !content.removed;
  if (hideable && !content.hidden) actions.push('hide');
  if (hideable && content.hidden) actions.push('restore');
  if (canActOnAccounts && item.subject) actions.push('warn', 'suspend', 'ban');
  return actions;
}

export function EntryLine({ entry }: { entry: ModerationEntry }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={styles.entry}>
      <span className={styles.muted}>{formatDateTime(entry.createdAt, i18n.language)}</span>{' '}
      <strong>{t(`admin.action.${entry.action}`)}</strong>
      {entry.days !== null && ` (${t('admin.days', { count: entry.days })})`} ·{' '}
      {entry.subject?.nickname ?? entry.targetType} ·{' '}
      {entry.actor === null && entry.reason === COMMAND_LINE_REASON ? '' : `${entry.reason} · `}
      <span className={styles.muted}>{entry.actor?.nickname ?? t('admin.commandLine')}</span>
    </li>
  );
}

function DecideForm({ item, canActOnAccounts }: { item: ReportQueueItem; canActOnAccounts: boolean }) {
  const { t } = useTranslation();
  const act = useActOnReport();
  const notify = useNotice();
  const offered = actionsFor(item, canActOnAccounts);
  const [action, setAction] = useState<ModerationAction | undefined>(undefined);
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reportId = (item.reports.find((r) => r.status === 'open') ?? item.reports[0])?.id;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!action || !reportId) {
      setMissing(true);
      return;
    }
    act.mutate(
      { reportId, body: { action, reason, ...(action === 'suspend' ? { days: Number(days) } : {}) } },
      {
        onSuccess: () => {
          notify(t('admin.queue.done', { action: t(`admin.action.${action}`) }), 'info');
          setAction(undefined);
          setReason('');
        },
      },
    );
  }
  return (
    <form onSubmit={submit} className={styles.form} aria-label={t('admin.queue.decide')} noValidate={false}>
      <ChoiceGroup
        name={`decide-${item.targetType}-${item.targetId}`}
        legend={t('admin.queue.decide')}
        layout="chips"
        options={offered.map((a) => ({ key: a, value: a, label: t(`admin.queue.do.${a}`) }))}
        value={action}
        onChange={(value) => {
          setAction(value);
          setMissing(false);
        }}
        error={missing ? { key: 'admin.queue.pickAction' } : undefined}
      />
      <ActionFields
        suspend={action === 'suspend'}
        days={days}
        onDays={setDays}
        reason={reason}
        onReason={setReason}
        reasonHint={t('admin.queue.reasonHint')}
      />
      <FormAlert message={act.isError ? errorMessage(act.error) : null} />
      <Button type="submit" pending={act.isPending}>
        {t('admin.submit')}
      </Button>
    </form>
  );
}

function QueueItem({
  item,
  canActOnAccounts,
  onShowUser,
}: {
  item: ReportQueueItem;
  canActOnAccounts: boolean;
  onShowUser?: (userId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const content = item.content;
  const kind = t(`admin.queue.kind.${item.targetType}`);
  return (
    <article className={styles.item} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.itemHead}>
        <span className={styles.kind}>{kind}</span>
        {item.crew && <span className={styles.muted}>{item.crew.name}</span>}
        {item.openCount > 0 && (
          <span className={styles.count}>{t('admin.queue.openCount', { count: item.openCount })}</span>
        )}
        {content?.hidden && <span className={styles.flag}>{t('admin.queue.hidden')}</span>}
        {(content === null || content.removed) && (
          <span className={styles.flag}>{t('admin.queue.removed')}</span>
        )}
      </h3>
      {content?.title && <p className={styles.contentTitle}>{content.title}</p>}
      {content?.text && <blockquote className={styles.quote}>{content.text}</blockquote>}
      <p className={styles.meta}>
        {item.subject && (
          <>
            {t('admin.queue.subject', { nickname: item.subject.nickname })}
            {onShowUser && (
              <>
                {' · '}
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => item.subject && onShowUser(item.subject.id)}
                >
                  {t('admin.queue.history')}
                </button>
              </>
            )}
          </>
        )}
        {content?.link && (
          <>
            {item.subject && ' · '}
            <Link to={content.link}>{t('admin.queue.open')}</Link>
          </>
        )}
      </p>
      <ul className={styles.list} aria-label={t('admin.queue.reports')}>
        {item.reports.map((r) => (
          <li key={r.id} className={styles.entry}>
            <strong>{t(`reports.reason.${r.reason}`)}</strong>
            {r.note && ` · “${r.note}”`}
            {' · '}
            <span className={styles.muted}>
              {r.reporter ? `${r.reporter.nickname} · ` : ''}
              {formatDateTime(r.createdAt, i18n.language)}
              {r.status !== 'open' && ` · ${t(`admin.queue.status.${r.status}`)}`}
            </span>
          </li>
        ))}
      </ul>
      {item.actions.length > 0 && (
        <ul className={styles.list} aria-label={t('admin.actionsAbout')}>
          {item.actions.map((a) => (
            <EntryLine key={a.id} entry={a} />
          ))}
        </ul>
      )}
      <DecideForm item={item} canActOnAccounts={canActOnAccounts} />
    </article>
  );
}

/**
 * The report queue: open reports grouped by what they are about, oldest first, each with the content in
 * context and the decisions this reader may take (the server checks each one). `crewId`: one crew's, for its
 * staff.
 */
export function ReportQueue({
  crewId = null,
  onShowUser,
}: {
  crewId?: string | null;
  onShowUser?: (userId: string) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<QueueStatus>('open');
  const queue = useReportQueue(status, crewId);
  const pages = queue.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const canActOnAccounts = pages[0]?.canActOnAccounts ?? false;
  return (
    <section className={styles.section} aria-label={t('admin.queue.title')}>
      <h2 className={styles.subtitle}>{t('admin.queue.title')}</h2>
      <ChoiceGroup
        name="queue-status"
        legend={t('admin.queue.show')}
        layout="chips"
        options={(['open', 'closed'] as const).map((s) => ({
          key: s,
          value: s,
          label: t(`admin.queue.filter.${s}`),
        }))}
        value={status}
        onChange={setStatus}
      />
      {queue.isError && <FormAlert message={errorMessage(queue.error)} />}
      {queue.isPending && (
        <p className={styles.muted} role="status">
          {t('admin.loading')}
        </p>
      )}
      {queue.isSuccess && items.length === 0 && (
        <p className={styles.muted}>{t(status === 'open' ? 'admin.queue.empty' : 'admin.none')}</p>
      )}
      {items.map((item) => (
        <QueueItem
          key={`${item.targetType}:${item.targetId}`}
          item={item}
          canActOnAccounts={canActOnAccounts}
          {...(onShowUser ? { onShowUser } : {})}
        />
      ))}
      {queue.hasNextPage && (
        <Button
          variant="secondary"
          pending={queue.isFetchingNextPage}
          onClick={() => void queue.fetchNextPage()}
        >
          {t('admin.more')}
        </Button>
      )}
    </section>
  );
}
