import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/button.tsx';
import { CommentIcon } from '../../../components/icons.tsx';

/** "크루 채팅": the crew page's way into the crew's chat (show it to members). */
export function CrewChatLink({ crewId }: { crewId: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink to={`/crews/${crewId}/chat`} variant="secondary">
      <CommentIcon width={18} height={18} aria-hidden="true" />
      {t('chats.crewLink')}
    </ButtonLink>
  );
}
