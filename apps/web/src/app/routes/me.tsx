import type { Me } from '@erun/contracts';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../components/notice/notice-context.ts';
import { AvatarUpload } from '../../features/uploads/components/avatar-upload.tsx';
import { ProfileCard } from '../../features/users/components/profile-card.tsx';
import { RunningStyleForm } from '../../features/users/components/running-style-form.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSession } from '../use-session.ts';
import styles from './page.module.css';

export function MePage() {
  const session = useSession();
  return session.status === 'signed-in' ? <MyPage user={session.user} /> : null;
}

function MyPage({ user }: { user: Me }) {
  const { t } = useTranslation();
  const notify = useNotice();
  useDocumentTitle(t('me.title'));
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('me.title')}</h1>
        <p className={styles.lead}>{t('me.lead')}</p>
      </div>
      <div className={styles.columns}>
        <div className={styles.sticky}>
          <ProfileCard me={user} />
        </div>
        <RunningStyleForm
          key={user.id}
          me={user}
          submitLabel={t('me.save')}
          onSaved={() => notify(t('me.saved'))}
          renderAvatarField={(field) => <AvatarUpload {...field} />}
        />
      </div>
    </div>
  );
}
