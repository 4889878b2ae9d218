import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { useMyChats } from '../../features/chat/api/get-chats.ts';
import { ChatRoomPage } from '../../features/chat/components/chat-room-page.tsx';
import { useReportDialog } from '../../features/reports/hooks/use-report-dialog.tsx';
import { useSession } from '../use-session.ts';

const NOT_MEMBER_STATUSES = [400, 403, 404] as const;

/** `/crews/:crewId/chat`: the crew's group chat, for its members. */
export function CrewChatPage() {
  const { t } = useTranslation();
  const { crewId = '' } = useParams();
  const session = useSession();
  const reporting = useReportDialog('chat_message');
  const chat = useMemo(() => ({ kind: 'crew' as const, id: crewId }), [crewId]);
  // The crew's name, from my chat list (the crew chat is in it for every member).
  const mine = useMyChats(session.status === 'signed-in');
  const title =
    mine.data?.items.find((c) => c.kind === 'crew' && c.id === crewId)?.title ?? t('chats.crewChat');

  return (
    <>
      <ChatRoomPage
        chat={chat}
        title={title}
        meId={session.status === 'signed-in' ? session.user.id : null}
        hostId={null}
        notMemberStatuses={NOT_MEMBER_STATUSES}
        onReport={(message) => reporting.open(message.id)}
        notMember={(status) => ({
          description: t('chats.notCrewMember'),
          action: (
            <ButtonLink to={status === 403 ? `/crews/${crewId}` : '/chats'} variant="secondary">
              {status === 403 ? t('chats.toCrew') : t('chats.toList')}
            </ButtonLink>
          ),
        })}
      />
      {reporting.dialog}
    </>
  );
}
