import type { Participant, Run } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../../../components/notice/notice-context.ts';
import { formatPace } from '../../../../lib/format.ts';
import { errorMessage } from '../../../../lib/messages.ts';
import { useMovePaceGroup } from '../../api/move-pace-group.ts';
import styles from './pace-groups.module.css';

/**
 * The host's (or a co-host's) pick of a runner's pace group, in the participant list: moving them takes a free
 * seat in the other group (the server refuses a full one, 409 PACE_GROUP_FULL, said in a notice).
 */
export function MoveRunner({
  run,
  person,
}: {
  run: Pick<Run, 'id' | 'paceGroups'>;
  person: Participant & { paceGroupId?: string | null };
}) {
  const { t } = useTranslation();
  const notify = useNotice();
  const move = useMovePaceGroup();
  if (run.paceGroups.length === 0) return null;
  return (
    <span className={styles.move}>
      <select
        value={person.paceGroupId ?? ''}
        disabled={move.isPending}
        aria-label={t('paceGroups.move.aria', { nickname: person.nickname })}
        onChange={(e) =>
          move.mutate(
            { runId: run.id, userId: person.id, paceGroupId: e.target.value },
            {
              onSuccess: () => notify(t('paceGroups.move.done', { nickname: person.nickname }), 'success'),
              onError: (error) => notify(t(errorMessage(error).key), 'error'),
            },
          )
        }
      >
        {person.paceGroupId ? null : <option value="">—</option>}
        {run.paceGroups.map((g) => (
          <option key={g.id} value={g.id}>
            {formatPace(g.paceSecPerKm)} ({g.participantCount}/{g.capacity})
          </option>
        ))}
      </select>
    </span>
  );
}

/** A runner's pace group as a short label ("6'00\"/km"), for lists that show it. */
export function PaceGroupLabel({
  run,
  groupId,
}: {
  run: Pick<Run, 'paceGroups'>;
  groupId: string | null | undefined;
}) {
  const group = run.paceGroups.find((g) => g.id === groupId);
  return group ? <span className={styles.meta}>{formatPace(group.paceSecPerKm)}</span> : null;
}
