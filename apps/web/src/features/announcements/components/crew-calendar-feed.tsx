import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog, Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { CalendarIcon } from '../../../components/icons.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCrewCalendarFeed, useRotateCrewCalendarFeed } from '../api/crew-calendar-feed.ts';
import styles from './announcements.module.css';

/** 캘린더에 추가: every crew run as a feed a calendar app subscribes to; staff may replace its secret URL. */
export function CrewCalendarFeed({ crewId, canRotate }: { crewId: string; canRotate: boolean }) {
  const { t } = useTranslation();
  const inputId = useId();
  const notify = useNotice();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const feed = useCrewCalendarFeed(crewId, { enabled: open });
  const rotate = useRotateCrewCalendarFeed(crewId);
  const url = feed.data?.url ?? '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify(t('announcements.feed.copied'), 'success');
    } catch {
      notify(t('announcements.feed.copyFailed'), 'error');
    }
  };
  const replace = () =>
    rotate.mutate(undefined, {
      onSettled: () => setConfirming(false),
      onSuccess: () => notify(t('announcements.feed.rotated'), 'success'),
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
    });

  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        <CalendarIcon width={18} height={18} /> {t('announcements.feed.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('announcements.feed.title')}>
        <div className={styles.feedBody}>
          <p>{t('announcements.feed.description')}</p>
          {feed.isError && <FormAlert message={errorMessage(feed.error)} />}
          <label className={styles.feedLabel} htmlFor={inputId}>
            {t('announcements.feed.urlLabel')}
          </label>
          <input
            id={inputId}
            className={styles.feedUrl}
            readOnly
            value={feed.isPending ? t('shell.loading') : url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className={styles.feedActions}>
            <Button size="sm" onClick={() => void copy()} disabled={!url}>
              {t('announcements.feed.copy')}
            </Button>
            {url && (
              <a className={styles.feedLink} href={url.replace(/^https?:/, 'webcal:')}>
                {t('announcements.feed.subscribe')}
              </a>
            )}
            {canRotate && (
              <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} disabled={!url}>
                {t('announcements.feed.rotate')}
              </Button>
            )}
          </div>
          <p className={styles.muted}>{t('announcements.feed.secret')}</p>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('announcements.feed.rotateTitle')}
        message={t('announcements.feed.rotateMessage')}
        confirmLabel={t('announcements.feed.rotateConfirm')}
        onConfirm={replace}
        onCancel={() => setConfirming(false)}
        pending={rotate.isPending}
      />
    </>
  );
}
