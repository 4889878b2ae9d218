import type { CrewMembershipCrew, Gender, MyCrewMembership } from '@erun/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button, ButtonLink } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { cx } from '../../../lib/cx.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useRealtimeEvent } from '../../../lib/use-realtime.ts';
import { useAuthStatus } from '../../../lib/session.ts';
import { useJoinCrew, useLeaveCrew, useMyCrewMembership } from '../api/crew-membership.ts';
import { membershipState, type MembershipState } from '../utils/membership-state.ts';
import { CrewJoinDialog } from './crew-membership-join-dialog.tsx';
import { CrewMembershipMenu } from './crew-membership-menu.tsx';
import { WomenOnlyNote } from '../../../components/women-only-badge.tsx';
import styles from './crew-membership.module.css';

type MembershipCrew = Pick<CrewMembershipCrew, 'id' | 'name' | 'joinPolicy' | 'questions'>;

interface CrewMembershipProps {
  crew: MembershipCrew;
  /** The secret of an invite link (the join page passes it on). */
  invite?: string;
  /** 여성 전용 크루 and the signed-in user's private gender: a runner who may not join is told before a click. */
  womenOnly?: boolean;
  viewerGender?: Gender | null;
  className?: string;
}

/**
 * The crew page's join button, its state in words (가입하기 / 가입 신청 / 승인 대기 중 / 초대 링크로만 / banned /
 * 크루원), the guest's way to membership ("정회원까지 2회") and, for staff, the way to the member management.
 * An approval while the page is open turns it into membership at once (the `crew:membership` event).
 */
export function CrewMembership({
  crew,
  invite,
  womenOnly = false,
  viewerGender = null,
  className,
}: CrewMembershipProps) {
  const { t } = useTranslation();
  const signedIn = useAuthStatus() === 'signed-in';
  const queryClient = useQueryClient();
  const mine = useMyCrewMembership(crew.id, signedIn);
  useRealtimeEvent('crew:membership', ({ crewId }) => {
    if (crewId === crew.id) void queryClient.invalidateQueries({ queryKey: ['crews'] });
  });
  const state = membershipState(crew, mine.data, signedIn, invite);
  const [title, detail] = statusText(state, t);
  return (
    <section className={cx(styles.panel, className)} aria-label={t('crewMembers.label')}>
      <div className={styles.row}>
        <p className={cx(styles.status, styles[state.kind])} aria-live="polite">
          <strong className={styles.title}>{title}</strong>
          {detail && <span className={styles.detail}>{detail}</span>}
        </p>
        {womenOnly &&
        viewerGender !== 'female' &&
        (state.kind === 'open' || state.kind === 'invited' || state.kind === 'approval') ? (
          <WomenOnlyNote kind="crew" genderSet={viewerGender !== null} />
        ) : (
          <MembershipAction crew={crew} state={state} invite={invite} />
        )}
      </div>
      {mine.data && <GuestProgress mine={mine.data} />}
      {mine.data?.pendingCount !== null && mine.data?.pendingCount !== undefined && (
        <Link className={styles.staffLink} to={`/crews/${crew.id}/members`}>
          {mine.data.pendingCount > 0
            ? t('crewMembers.manageWithPending', { count: mine.data.pendingCount })
            : t('crewMembers.manage')}
        </Link>
      )}
    </section>
  );
}

function statusText(state: MembershipState, t: ReturnType<typeof useTranslation>['t']): [string, string?] {
  switch (state.kind) {
    case 'member':
      return [t(`crewMembers.role.${state.role}`), t('crewMembers.detail.member')];
    case 'loading':
      return [t('shell.loading')];
    default:
      return [t(`crewMembers.status.${state.kind}`), t(`crewMembers.detail.${state.kind}`)];
  }
}

/** Why a 여성 전용 크루 has no join button for this runner, and (gender unset) where to set it. */

function GuestProgress({ mine }: { mine: MyCrewMembership }) {
  const { t } = useTranslation();
  const needed = mine.crew.autoMemberAfter;
  if (mine.runsToMember === null || needed === null) return null;
  return (
    <div className={styles.progress}>
      <span>{t('crewMembers.guest.toGo', { count: mine.runsToMember })}</span>
      <ProgressBar
        value={(mine.attendedRuns / needed) * 100}
        label={t('crewMembers.guest.label')}
        valueText={t('crewMembers.guest.value', { attended: mine.attendedRuns, needed })}
      />
    </div>
  );
}

function MembershipAction({
  crew,
  state,
  invite,
}: {
  crew: MembershipCrew;
  state: MembershipState;
  invite: string | undefined;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const notify = useNotice();
  const join = useJoinCrew(crew.id);
  const leave = useLeaveCrew(crew.id);
  const [asking, setAsking] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const onError = (error: unknown) => notify(t(errorMessage(error).key), 'error');

  switch (state.kind) {
    case 'signedOut': {
      const next = encodeURIComponent(location.pathname + location.search);
      return (
        <ButtonLink to={`/login?next=${next}`} size="lg">
          {t('crewMembers.actions.loginToJoin')}
        </ButtonLink>
      );
    }
    case 'open':
    case 'invited': {
      const onJoin = () =>
        join.mutate(invite ? { invite } : {}, {
          onSuccess: () => notify(t('crewMembers.done.joined', { name: crew.name })),
          onError,
        });
      return (
        <Button size="lg" onClick={onJoin} pending={join.isPending}>
          {t('crewMembers.actions.join')}
        </Button>
      );
    }
    case 'approval':
      return (
        <>
          <Button size="lg" onClick={() => setAsking(true)}>
            {t('crewMembers.actions.request')}
          </Button>
          <CrewJoinDialog
            open={asking}
            crew={crew}
            pending={join.isPending}
            onCancel={() => setAsking(false)}
            onSubmit={(answers) =>
              join.mutate(
                { answers },
                {
                  onSuccess: () => {
                    setAsking(false);
                    notify(t('crewMembers.done.requested'));
                  },
                  onError,
                },
              )
            }
          />
        </>
      );
    case 'pending':
      return (
        <>
          <Button variant="outline" size="lg" onClick={() => setWithdrawing(true)}>
            {t('crewMembers.actions.withdraw')}
          </Button>
          <ConfirmDialog
            open={withdrawing}
            title={t('crewMembers.confirm.withdrawTitle')}
            message={t('crewMembers.confirm.withdrawMessage')}
            confirmLabel={t('crewMembers.actions.withdraw')}
            pending={leave.isPending}
            onCancel={() => setWithdrawing(false)}
            onConfirm={() =>
              leave.mutate(undefined, {
                onSuccess: () => notify(t('crewMembers.done.withdrawn'), 'info'),
                onError,
                onSettled: () => setWithdrawing(false),
              })
            }
          />
        </>
      );
    case 'member':
      return <CrewMembershipMenu crew={crew} role={state.role} />;
    default:
      return null;
  }
}
