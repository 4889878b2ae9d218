import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog, Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCalendarFeed, useRotateCalendarFeed } from '../api/calendar-feed.ts';
import styles from './calendar-feed.module.css';

/** 캘린더 구독: my runs as a feed any calendar app can subscribe to; the secret URL can be replaced. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const notify = useNotice();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const feed = useCalendarFeed({ enabled: open });
  const rotate = useRotateCalendarFeed();
  const url = feed.data?.url ?? '';
  const webcal = url.replace(/^https?:/, 'webcal:');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      notify(t('calendar.feed.copied'), 'success');
    } catch {
      notify(t('calendar.feed.copyFailed'), 'error');
    }
  };
  const replace = () =>
    rotate.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notify(t('calendar.feed.rotated'), 'success');
      },
      onError: (error) => {
        setConfirming(false);
        notify(t(errorMessage(error).key), 'error');
      },
    });

  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        {t('calendar.feed.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('calendar.feed.title')}>
        <div className={styles.body}>
          <p>{t('calendar.feed.description')}</p>
          {feed.isError && <FormAlert message={errorMessage(feed.error)} />}
          <label className={styles.label} htmlFor="calendar-feed-url">
            {t('calendar.feed.urlLabel')}
          </label>
          <input
            id="calendar-feed-url"
            className={styles.url}
            readOnly
            value={feed.isPending ? t('shell.loading') : url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className={styles.actions}>
            <Button size="sm" onClick={() => void copy()} disabled={!url}>
              {t('calendar.feed.copy')}
            </Button>
            {url && (
              <a className={styles.link} href={webcal}>
                {t('calendar.feed.subscribe')}
              </a>
            )}
            <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} disabled={!url}>
              {t('calendar.feed.rotate')}
            </Button>
          </div>
          <p className={styles.warning}>{t('calendar.feed.secret')}</p>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('calendar.feed.rotateTitle')}
        message={t('calendar.feed.rotateMessage')}
        confirmLabel={t('calendar.feed.rotateConfirm')}
        onConfirm={replace}
        onCancel={() => setConfirming(false)}
        pending={rotate.isPending}
      />
    </>
  );
}
