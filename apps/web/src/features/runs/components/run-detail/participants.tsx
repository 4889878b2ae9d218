import type { Participant } from '@erun/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Avatar } from '../../../../components/avatar.tsx';
import { cx } from '../../../../lib/cx.ts';
import { Button } from '../../../../components/button.tsx';
import { RemoveParticipantDialog } from './remove-participant-dialog.tsx';
import styles from './run-detail.module.css';

interface ParticipantsProps {
  runId: string;
  participants: Participant[];
  hostId: string;
  /** The host may remove others before the start. */
  canRemove: boolean;
  /** A line under a runner's name (for whoever manages the run: their record, "출석률 92% · 노쇼 1"). */
  note?: (person: Participant) => ReactNode;
  /** Beside a runner (the host included): e.g. their pace group, or the host's pick to move them. */
  extra?: (person: Participant) => ReactNode;
}

/** Who is coming: the host first, then the crew. */
export function Participants({ runId, participants, hostId, canRemove, note, extra }: ParticipantsProps) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<Participant | null>(null);
  return (
    <>
      <ul className={styles.people}>
        {participants.map((person) => (
          <li key={person.id} className={styles.person}>
            <Avatar image={person.avatar} name={person.nickname} size="sm" />
            <div className={styles.personText}>
              <Link to={`/users/${person.id}`} className={cx(styles.personName, styles.personLink)}>
                {person.nickname}
              </Link>
              {person.id !== hostId && note?.(person)}
            </div>
            {person.id === hostId ? (
              <span className={styles.hostTag}>{t('runDetail.host.role')}</span>
            ) : (
              person.runningLevel && (
                <span className={styles.personLevel}>{t(`level.${person.runningLevel}`)}</span>
              )
            )}
            {extra?.(person)}
            {canRemove && person.id !== hostId && (
              <Button
                variant="ghost"
                size="sm"
                className={styles.remove}
                onClick={() => setRemoving(person)}
                aria-label={t('runDetail.remove.button', { nickname: person.nickname })}
              >
                {t('runDetail.remove.short')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <RemoveParticipantDialog runId={runId} participant={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
