import type { Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/button.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { cx } from '../../../../lib/cx.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useCountdown } from '../../../../lib/use-countdown.ts';
import { useClaimSeatOffer, useDeclineSeatOffer } from '../../api/seat-offer.ts';
import styles from './seat-offer-notice.module.css';

/**
 * A seat freed late, offered to the caller (issue 17): "자리가 났어요 — 30분 안에 확정하세요", a live mm:ss
 * countdown, 참여 확정 / 양보하기; once the window has passed, that the seat went to the next runner. The
 * countdown itself is not announced; a polite live region says the minutes left, so it changes once a minute.
 */
export function SeatOfferNotice({ run, className }: { run: Run; className?: string }) {
  const { t } = useTranslation();
  const offer = run.myOffer;
  const seconds = useCountdown(offer?.status === 'open' ? offer.expiresAt : null);
  const claim = useClaimSeatOffer();
  const decline = useDeclineSeatOffer();
  const notify = useNotice();
  if (!offer) return null;
  if (offer.status === 'lapsed' || seconds === 0) {
    return (
      <section className={cx(styles.notice, styles.lapsed, className)} aria-label={t('seatOffer.label')}>
        <p className={styles.title} role="status">
          {t('seatOffer.lapsed')}
        </p>
      </section>
    );
  }
  const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const busy = claim.isPending || decline.isPending;
  const onError = (error: unknown) => notify(t(errorMessage(error).key), 'error');
  return (
    <section className={cx(styles.notice, className)} aria-label={t('seatOffer.label')}>
      <p className={styles.title}>{t('seatOffer.title')}</p>
      <p className={styles.countdown}>
        <span aria-hidden="true" className={styles.clock} data-testid="seat-offer-clock">
          {clock}
        </span>
        <span className={styles.live} aria-live="polite">
          {t('seatOffer.minutesLeft', { count: Math.ceil(seconds / 60) })}
        </span>
      </p>
      <div className={styles.actions}>
        <Button
          disabled={busy}
          onClick={() =>
            claim.mutate(run.id, { onSuccess: () => notify(t('seatOffer.claimed'), 'success'), onError })
          }
        >
          {t('seatOffer.claim')}
        </Button>
        <Button variant="outline" disabled={busy} onClick={() => decline.mutate(run.id, { onError })}>
          {t('seatOffer.decline')}
        </Button>
      </div>
      <p className={styles.hint}>{t('seatOffer.declineHint')}</p>
    </section>
  );
}
