import type { CrewMember, CrewMemberStatus, CrewRole } from '@erun/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/avatar.tsx';
import { Button } from '../../../components/button.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { Skeleton } from '../../../components/skeleton.tsx';
import { cx } from '../../../lib/cx.ts';
import { formatLongDate } from '../../../lib/datetime.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCrewMembers, useRemoveCrewMember, useUpdateCrewMember } from '../api/crew-members.ts';
import { CrewRemoveDialog } from './crew-membership-remove-dialog.tsx';
import styles from './crew-membership-list.module.css';

interface ListProps {
  crewId: string;
  status: CrewMemberStatus;
  /** My role: what I may do to each row. */
  viewerRole: CrewRole;
  viewerId: string;
  questions: string[];
}

/** One of the crew's lists (members, requests, bans), page by page, with what my role lets me do. */
export function CrewMembershipList({ crewId, status, viewerRole, viewerId, questions }: ListProps) {
  const { t } = useTranslation();
  const pages = useCrewMembers(crewId, status);
  if (pages.isPending) return <Skeleton className={styles.item} />;
  if (pages.isError) return <FormAlert message={errorMessage(pages.error)} />;
  const items = pages.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState icon="🏃" title={t(`crewMembers.page.empty.${status}`)} />;
  return (
    <>
      <ul className={styles.list}>
        {items.map((m) => (
          <MemberRow
            key={m.user.id}
            crewId={crewId}
            member={m}
            viewerRole={viewerRole}
            self={m.user.id === viewerId}
            questions={questions}
          />
        ))}
      </ul>
      {pages.hasNextPage && (
        <Button
          variant="outline"
          className={styles.more}
          pending={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t('crewMembers.page.more')}
        </Button>
      )}
    </>
  );
}

interface RowProps {
  crewId: string;
  member: CrewMember;
  viewerRole: CrewRole;
  self: boolean;
  questions: string[];
}

function MemberRow({ crewId, member, viewerRole, self, questions }: RowProps) {
  const { t, i18n } = useTranslation();
  const date = formatLongDate(member.joinedAt, i18n.language);
  const dateKey = { member: 'joinedAt', pending: 'askedAt', banned: 'bannedAt' }[member.status];
  return (
    <li className={styles.item}>
      <div className={styles.person}>
        <Avatar image={member.user.avatar} name={member.user.nickname} size="sm" />
        <div className={styles.who}>
          <span className={styles.name}>{member.user.nickname}</span>
          <span className={styles.meta}>{t(`crewMembers.page.${dateKey}`, { date })}</span>
          {member.reason && (
            <span className={styles.meta}>{t('crewMembers.page.reason', { reason: member.reason })}</span>
          )}
        </div>
        {member.status === 'member' && member.role !== 'member' && (
          <span className={cx(styles.role, member.role === 'owner' && styles.owner)}>
            {t(`crewMembers.role.${member.role}`)}
          </span>
        )}
      </div>
      {member.status === 'pending' && <Answers questions={questions} answers={member.answers ?? []} />}
      {!self && <RowActions crewId={crewId} member={member} viewerRole={viewerRole} />}
    </li>
  );
}

function Answers({ questions, answers }: { questions: string[]; answers: string[] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <p className={styles.meta}>{t('crewMembers.page.noAnswers')}</p>;
  return (
    <dl className={styles.answers}>
      {answers.map((answer, i) => (
        <div key={i}>
          <dt>{questions[i] ?? `Q${i + 1}`}</dt>
          <dd>{answer}</dd>
        </div>
      ))}
    </dl>
  );
}

type Confirm = 'refuse' | 'handOver' | 'unban' | null;

function RowActions({ crewId, member, viewerRole }: Omit<RowProps, 'self' | 'questions'>) {
  const { t } = useTranslation();
  const notify = useNotice();
  const update = useUpdateCrewMember(crewId);
  const remove = useRemoveCrewMember(crewId);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [removing, setRemoving] = useState(false);
  const userId = member.user.id;
  const name = member.user.nickname;
  const onError = (error: unknown) => notify(t(errorMessage(error).key), 'error');
  const done = (key: string) => () => notify(t(`crewMembers.manageActions.done.${key}`));
  const owner = viewerRole === 'owner';
  const staffTarget = member.status === 'member' && member.role !== 'member';
  const canRemove = !staffTarget;
  const buttons =
    member.status === 'pending' ? (
      <>
        <Button
          size="sm"
          pending={update.isPending}
          onClick={() =>
            update.mutate({ userId, body: { status: 'member' } }, { onSuccess: done('approved'), onError })
          }
        >
          {t('crewMembers.manageActions.approve')}
        </Button>
        <Button size="sm" variant="outline" onClick={() => setConfirm('refuse')}>
          {t('crewMembers.manageActions.refuse')}
        </Button>
      </>
    ) : member.status === 'banned' ? (
      <Button size="sm" variant="outline" onClick={() => setConfirm('unban')}>
        {t('crewMembers.manageActions.unban')}
      </Button>
    ) : (
      <>
        {owner && member.role !== 'owner' && (
          <Button
            size="sm"
            variant="outline"
            pending={update.isPending}
            onClick={() =>
              update.mutate(
                { userId, body: { role: member.role === 'staff' ? 'member' : 'staff' } },
                { onSuccess: done('role'), onError },
              )
            }
          >
            {t(
              member.role === 'staff'
                ? 'crewMembers.manageActions.makeMember'
                : 'crewMembers.manageActions.makeStaff',
            )}
          </Button>
        )}
        {owner && member.role !== 'owner' && (
          <Button size="sm" variant="outline" onClick={() => setConfirm('handOver')}>
            {t('crewMembers.manageActions.handOver')}
          </Button>
        )}
        {canRemove && (
          <Button size="sm" variant="ghost" onClick={() => setRemoving(true)}>
            {t('crewMembers.manageActions.remove')}
          </Button>
        )}
      </>
    );
  if (viewerRole === 'member') return null;
  const settle = { onSettled: () => setConfirm(null), onError };
  return (
    <div className={styles.actions}>
      {buttons}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm
            ? t(`crewMembers.manageActions.${confirm === 'unban' ? 'unban' : `${confirm}Title`}`, { name })
            : ''
        }
        message={
          confirm === 'handOver'
            ? t('crewMembers.manageActions.handOverMessage')
            : confirm === 'refuse'
              ? t('crewMembers.manageActions.refuseMessage')
              : ''
        }
        confirmLabel={confirm ? t(`crewMembers.manageActions.${confirm}`) : ''}
        pending={update.isPending || remove.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm === 'handOver')
            update.mutate({ userId, body: { role: 'owner' } }, { ...settle, onSuccess: done('handedOver') });
          else
            remove.mutate(
              { userId, body: {} },
              { ...settle, onSuccess: done(confirm === 'unban' ? 'unbanned' : 'refused') },
            );
        }}
      />
      <CrewRemoveDialog
        open={removing}
        name={name}
        pending={remove.isPending}
        onCancel={() => setRemoving(false)}
        onConfirm={(body) =>
          remove.mutate(
            { userId, body },
            {
              onSuccess: done(body.ban ? 'banned' : 'removed'),
              onError,
              onSettled: () => setRemoving(false),
            },
          )
        }
      />
    </div>
  );
}
