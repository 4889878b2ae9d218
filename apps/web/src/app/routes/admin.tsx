import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdminConsole } from '../../features/moderation/components/admin-console.tsx';
import { ReportQueue } from '../../features/moderation/components/report-queue.tsx';
import { useMe } from '../../features/users/api/get-me.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { cx } from '../../lib/cx.ts';
import styles from '../../components/page.module.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/admin`: moderators and admins (the role from /api/me here; the server checks every call).
 * `/admin?crew=<id>`: one crew's report queue, for its owner and staff (and moderators).
 */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [search] = useSearchParams();
  const crew = search.get('crew');
  const crewId = crew && UUID.test(crew) ? crew : null;
  const title = t(crewId ? 'admin.crewTitle' : 'admin.title');
  useDocumentTitle(title);
  const staff = me.data?.role === 'moderator' || me.data?.role === 'admin';
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <h1 className={styles.title}>{title}</h1>
      </div>
      {crewId ? (
        me.data && <ReportQueue crewId={crewId} />
      ) : me.data && !staff ? (
        <p>{t('errors.notModerator')}</p>
      ) : (
        staff && <AdminConsole />
      )}
    </div>
  );
}
