import type { Gender, Run } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from '../../../../components/button.tsx';
import { ConfirmDialog } from '../../../../components/dialog.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { cx } from '../../../../lib/cx.ts';
import { formatShortDateTime, formatTime } from '../../../../lib/datetime.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useJoinRun } from '../../api/join-run.ts';
import { useCountdown } from '../../../../lib/use-countdown.ts';
import { useClaimSeatOffer } from '../../api/seat-offer.ts';
import { useLeaveRun } from '../../api/leave-run.ts';
import { useSeatsOffered } from '../../hooks/use-seats-offered.ts';
import { joinPanelState, type JoinPanelState } from '../../utils/join-state.ts';
import { WomenOnlyNote } from '../../../../components/women-only-badge.tsx';
import styles from './join-panel.module.css';
import hidden from '../../../../components/visually-hidden.module.css';

interface JoinPanelProps {
  run: Run;
  /** The signed-in user's id, null when signed out. */
  viewerId: string | null;
  /** The signed-in user's private gender (a 여성 전용 run explains itself instead of a join button). */
  viewerGender?: Gender | null;
  className?: string;
  /** The viewer's account is suspended or banned: joining is shown disabled, with why (issue 17). */
  restricted?: boolean;
}

/** Join, wait or leave, with the state explained in words: seats, deadline, place on the waitlist. */
export function JoinPanel({
  run,
  viewerId,
  viewerGender = null,
  className,
  restricted = false,
}: JoinPanelProps) {
  const { t, i18n } = useTranslation();
  // A seat offered to the caller closes with its countdown, whether or not the page has heard yet.
  const offerSeconds = useCountdown(run.myOffer?.status === 'open' ? run.myOffer.expiresAt : null);
  const state = joinPanelState(run, viewerId, offerSeconds > 0);
  // Within 24 h of the start a freed seat is offered to confirm in 30 minutes, not given (issue 17).
  const offered = useSeatsOffered(run);
  const when = {
    deadline: formatShortDateTime(run.joinDeadline, i18n.language),
    start: formatShortDateTime(run.startsAt, i18n.language),
  };
  const [title, detail, separator] = statusText(state, when, offered, t);
  return (
    <section className={cx(styles.panel, className)} aria-label={t('join.label')}>
      <p className={cx(styles.status, styles[state.kind])} aria-live="polite">
        <strong className={styles.title}>{title}</strong>
        {detail && (
          <>
            {/* Read as one sentence; shown on two lines. */}
            <span className={hidden.srOnly}>{separator}</span>
            <span className={styles.detail}>{detail}</span>
          </>
        )}
      </p>
      <JoinActions
        run={run}
        state={state}
        signedIn={viewerId !== null}
        gender={viewerGender}
        restricted={restricted}
        offered={offered}
      />
    </section>
  );
}

type Line = [title: string, detail?: string, separator?: string];

function statusText(
  state: JoinPanelState,
  when: { deadline: string; start: string },
  offered: boolean,
  t: ReturnType<typeof useTranslation>['t'],
): Line {
  const deadline = t('join.detail.deadline', { deadline: when.deadline });
  switch (state.kind) {
    case 'open':
      return [t('join.status.open', { count: state.seatsLeft }), deadline, ' · '];
    case 'host':
      return state.seatsLeft > 0
        ? [t('join.status.host'), `${t('join.status.open', { count: state.seatsLeft })} · ${deadline}`, ' · ']
        : [t('join.status.host'), t('join.status.full'), ' · '];
    case 'full':
      return [t('join.status.full'), t(offered ? 'seatOffer.waitlist.full' : 'join.detail.full'), ' — '];
    case 'waitlisted':
      return [
        state.position === null
          ? t('join.status.waitlistedUnknown')
          : t('join.status.waitlisted', { position: state.position }),
        t(offered ? 'seatOffer.waitlist.waitlisted' : 'join.detail.waitlisted'),
        ' — ',
      ];
    case 'offered':
      return [
        t('seatOffer.panel.title'),
        t('seatOffer.panel.detail', { time: formatTime(state.expiresAt) }),
        ' — ',
      ];
    case 'joined':
      return [t('join.status.joined'), t('join.detail.joined', { start: when.start }), ' · '];
    case 'removed':
      return [t('join.status.removed'), t('join.detail.removed'), ' — '];
    default:
      return [t(`join.status.${state.kind}`)];
  }
}

function JoinActions({
  run,
  state,
  signedIn,
  gender,
  restricted,
  offered,
}: {
  run: Run;
  state: JoinPanelState;
  signedIn: boolean;
  gender: Gender | null;
  restricted: boolean;
  /** A freed seat is offered (to confirm), not given: the waitlist is explained so. */
  offered: boolean;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const notify = useNotice();
  const join = useJoinRun();
  const leave = useLeaveRun();
  const claim = useClaimSeatOffer();
  const [confirming, setConfirming] = useState(false);

  // The seat offered to the caller: confirmed here too, where the phone keeps the run's one action at hand
  // (the notice above has both choices and the countdown).
  if (state.kind === 'offered') {
    const onClaim = () =>
      claim.mutate(run.id, {
        onSuccess: () => notify(t('seatOffer.claimed'), 'success'),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      });
    return (
      <Button size="lg" className={styles.action} onClick={onClaim} pending={claim.isPending}>
        {t('seatOffer.claim')}
      </Button>
    );
  }

  if (state.kind === 'open' || state.kind === 'full') {
    const label = t(state.kind === 'open' ? 'join.actions.join' : 'join.actions.waitlist');
    if (!signedIn) {
      const next = encodeURIComponent(location.pathname);
      return (
        <ButtonLink to={`/login?next=${next}`} size="lg" className={styles.action}>
          {t('join.actions.loginToJoin')}
        </ButtonLink>
      );
    }
    if (restricted) {
      return (
        <div className={styles.restricted}>
          <Button size="lg" className={styles.action} disabled>
            {label}
          </Button>
          <p className={styles.detail}>{t('errors.accountSuspended')}</p>
        </div>
      );
    }
    // 여성 전용: said before the click, not refused after it; with no gender stated, where to state it.
    if (run.womenOnly && gender !== 'female') return <WomenOnlyNote kind="run" genderSet={gender !== null} />;
    // A run with pace groups is joined into one: the button takes the runner to the groups' cards.
    if (run.paceGroups.length > 0)
      return (
        <Button
          size="lg"
          className={styles.action}
          onClick={() => document.getElementById('pace-groups')?.scrollIntoView({ behavior: 'smooth' })}
        >
          {t('paceGroups.board.choose')}
        </Button>
      );
    const onJoin = () =>
      join.mutate(run.id, {
        onSuccess: (result) =>
          notify(
            result.status === 'joined'
              ? t('join.done.joined')
              : t(offered ? 'seatOffer.waitlist.done' : 'join.done.waitlisted', {
                  position: result.position,
                }),
          ),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      });
    return (
      <Button size="lg" className={styles.action} onClick={onJoin} pending={join.isPending}>
        {label}
      </Button>
    );
  }

  if (!(state.kind === 'joined' && state.canLeave) && state.kind !== 'waitlisted') return null;
  const waiting = state.kind === 'waitlisted';
  const onLeave = () =>
    leave.mutate(run.id, {
      onSuccess: () => notify(t(waiting ? 'join.done.leftWaitlist' : 'join.done.left'), 'info'),
      onError: (error) => notify(t(errorMessage(error).key), 'error'),
      onSettled: () => setConfirming(false),
    });
  return (
    <>
      <Button variant="outline" size="lg" className={styles.action} onClick={() => setConfirming(true)}>
        {t(waiting ? 'join.actions.leaveWaitlist' : 'join.actions.leave')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t(waiting ? 'join.confirm.leaveWaitlistTitle' : 'join.confirm.leaveTitle')}
        message={t(waiting ? 'join.confirm.leaveWaitlistMessage' : 'join.confirm.leaveMessage')}
        confirmLabel={t(waiting ? 'join.actions.leaveWaitlist' : 'join.actions.leave')}
        onConfirm={onLeave}
        onCancel={() => setConfirming(false)}
        pending={leave.isPending}
      />
    </>
  );
}

/** Why a 여성 전용 run has no join button for this runner, and (gender unset) where to set it. */
