import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { ChatRoomPage } from '../../features/chat/components/chat-room-page.tsx';
import { useReportDialog } from '../../features/reports/hooks/use-report-dialog.tsx';
import { useRun } from '../../features/runs/api/get-run.ts';
import { useSession } from '../use-session.ts';

const NOT_MEMBER_STATUSES = [400, 404] as const;

/** `/runs/:runId/chat`: the run's group chat, for its host and joined runners. */
export function RunChatPage() {
  const { t } = useTranslation();
  const { runId = '' } = useParams();
  const session = useSession();
  const run = useRun(runId);
  const reporting = useReportDialog('chat_message');
  const chat = useMemo(() => ({ kind: 'run' as const, id: runId }), [runId]);

  return (
    <>
      <ChatRoomPage
        chat={chat}
        title={run.data?.title ?? t('chat.title')}
        meId={session.status === 'signed-in' ? session.user.id : null}
        hostId={run.data?.host.id ?? null}
        notMemberStatuses={NOT_MEMBER_STATUSES}
        onReport={(message) => reporting.open(message.id)}
        notMember={() => ({
          description: t('chat.notMember.description'),
          action: run.isSuccess ? (
            <ButtonLink to={`/runs/${runId}`} variant="secondary">
              {t('chat.notMember.back')}
            </ButtonLink>
          ) : (
            <ButtonLink to="/runs" variant="secondary">
              {t('chat.notMember.list')}
            </ButtonLink>
          ),
        })}
      />
      {reporting.dialog}
    </>
  );
}
