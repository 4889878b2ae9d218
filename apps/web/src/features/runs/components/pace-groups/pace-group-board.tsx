import type { Gender, PaceGroup, Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Avatar } from '../../../../components/avatar.tsx';
import { Button, ButtonLink } from '../../../../components/button.tsx';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { cx } from '../../../../lib/cx.ts';
import { formatPace } from '../../../../lib/format.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useJoinRun } from '../../api/join-run.ts';
import { useMovePaceGroup } from '../../api/move-pace-group.ts';
import styles from './pace-groups.module.css';

interface PaceGroupBoardProps {
  run: Run;
  viewerId: string | null;
  viewerGender?: Gender | null;
  /** The viewer's account is suspended or banned: no joining (the join panel says why). */
  restricted?: boolean;
}

/** What a group's card offers the viewer. */
export type GroupAction = 'join' | 'waitlist' | 'move' | 'login' | null;

/**
 * A group's button for the viewer: join it (or its waitlist, when full) while the run takes runners; move to it
 * (a seated runner, into a free seat) until the start; sign in first as a guest.
 */
export function groupAction(
  run: Pick<Run, 'joinState' | 'myStatus' | 'myPaceGroupId' | 'removedByHost' | 'host'>,
  group: Pick<PaceGroup, 'id' | 'capacity' | 'participantCount'>,
  viewerId: string | null,
): GroupAction {
  if (run.joinState === 'cancelled' || run.joinState === 'started' || run.removedByHost) return null;
  const free = group.capacity - group.participantCount > 0;
  const inRun = run.myStatus !== null || (viewerId !== null && run.host.id === viewerId);
  if (inRun) return run.myPaceGroupId !== group.id && run.myStatus === 'joined' && free ? 'move' : null;
  if (run.joinState === 'closed') return null;
  if (viewerId === null) return 'login';
  return free ? 'join' : 'waitlist';
}

/** The group a join under way is for. */
function joiningId(variables: Parameters<ReturnType<typeof useJoinRun>['mutate']>[0] | undefined) {
  return typeof variables === 'object' ? variables.paceGroupId : undefined;
}

/** The run's pace groups side by side (stacked on phones): pace, pacer, seats left, and a button each. */
export function PaceGroupBoard({
  run,
  viewerId,
  viewerGender = null,
  restricted = false,
}: PaceGroupBoardProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const notify = useNotice();
  const join = useJoinRun();
  const move = useMovePaceGroup();
  // 여성 전용: the join panel explains; the cards offer no join button to a runner who may not join.
  const mayJoin = !restricted && (!run.womenOnly || viewerGender === 'female');

  const onJoin = (group: PaceGroup) =>
    join.mutate(
      { runId: run.id, paceGroupId: group.id },
      {
        onSuccess: (result) =>
          notify(
            result.status === 'joined'
              ? t('paceGroups.done.joined', { pace: formatPace(group.paceSecPerKm) })
              : t('paceGroups.done.waitlisted', {
                  pace: formatPace(group.paceSecPerKm),
                  position: result.position,
                }),
          ),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      },
    );
  const onMove = (group: PaceGroup) => {
    if (!viewerId) return;
    move.mutate(
      { runId: run.id, userId: viewerId, paceGroupId: group.id },
      {
        onSuccess: () => notify(t('paceGroups.done.moved', { pace: formatPace(group.paceSecPerKm) })),
        onError: (error) => notify(t(errorMessage(error).key), 'error'),
      },
    );
  };

  return (
    <ul className={styles.board}>
      {run.paceGroups.map((group) => {
        const mine = run.myPaceGroupId === group.id;
        const left = Math.max(group.capacity - group.participantCount, 0);
        const action = groupAction(run, group, viewerId);
        const pace = formatPace(group.paceSecPerKm);
        return (
          <li
            key={group.id}
            className={cx(styles.card, mine && styles.mine)}
            aria-label={t('paceGroups.card.label', { pace })}
          >
            {mine && (
              <span className={styles.badge}>
                {run.myStatus === 'waitlisted'
                  ? t('paceGroups.card.myWaitlist', { position: run.waitlistPosition ?? '?' })
                  : t('paceGroups.card.mine')}
              </span>
            )}
            <p className={styles.pace}>{pace}</p>
            <p className={styles.meta}>
              {group.pacer ? (
                <span className={styles.pacerLine}>
                  <Avatar image={group.pacer.avatar} name={group.pacer.nickname} size="sm" />
                  {t('paceGroups.card.pacer', { nickname: group.pacer.nickname })}
                </span>
              ) : (
                t('paceGroups.card.noPacer')
              )}
            </p>
            <p className={styles.meta}>
              {left > 0
                ? t('paceGroups.card.seatsLeft', { count: left, capacity: group.capacity })
                : t('paceGroups.card.full', { count: group.waitlistCount })}
            </p>
            <div className={styles.cardAction}>
              {action === 'login' && (
                <ButtonLink
                  to={`/login?next=${encodeURIComponent(location.pathname)}`}
                  variant="outline"
                  size="sm"
                  block
                >
                  {t('join.actions.loginToJoin')}
                </ButtonLink>
              )}
              {(action === 'join' || action === 'waitlist') && mayJoin && (
                <Button
                  size="sm"
                  block
                  variant={action === 'join' ? 'primary' : 'outline'}
                  pending={join.isPending && joiningId(join.variables) === group.id}
                  onClick={() => onJoin(group)}
                  aria-label={t(`paceGroups.card.${action}Label`, { pace })}
                >
                  {t(`paceGroups.card.${action}`)}
                </Button>
              )}
              {action === 'move' && (
                <Button
                  size="sm"
                  block
                  variant="outline"
                  pending={move.isPending}
                  onClick={() => onMove(group)}
                  aria-label={t('paceGroups.card.moveLabel', { pace })}
                >
                  {t('paceGroups.card.move')}
                </Button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
