import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { useNotice } from '../../../components/notice/notice-context.ts';
import { errorMessage } from '../../../lib/messages.ts';
import { useCreateCrewInvite } from '../api/crew-members.ts';
import styles from './crew-membership-list.module.css';

/** Staff make an invite link (only its hash is kept: shown once, a new one replaces it) and copy it. */
export function CrewMembershipInvite({ crewId }: { crewId: string }) {
  const { t } = useTranslation();
  const notify = useNotice();
  const create = useCreateCrewInvite(crewId);
  const [url, setUrl] = useState<string | null>(null);
  const copy = async (value: string) => {
    await navigator.clipboard.writeText(value).catch(() => undefined);
    notify(t('crewMembers.invite.copied'));
  };
  return (
    <section className={styles.invite} aria-labelledby="crew-invite-title">
      <h2 id="crew-invite-title" className={styles.inviteTitle}>
        {t('crewMembers.invite.title')}
      </h2>
      <p className={styles.inviteText}>{t('crewMembers.invite.description')}</p>
      <div className={styles.inviteRow}>
        {url && (
          <>
            <input
              className={styles.inviteUrl}
              readOnly
              value={url}
              aria-label={t('crewMembers.invite.label')}
              onFocus={(event) => event.target.select()}
            />
            <Button size="sm" onClick={() => void copy(url)}>
              {t('crewMembers.invite.copy')}
            </Button>
          </>
        )}
        <Button
          size="sm"
          variant="outline"
          pending={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (invite) => setUrl(invite.url),
              onError: (error) => notify(t(errorMessage(error).key), 'error'),
            })
          }
        >
          {t('crewMembers.invite.create')}
        </Button>
      </div>
    </section>
  );
}
