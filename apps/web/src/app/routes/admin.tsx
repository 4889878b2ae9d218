import { useTranslation } from 'react-i18next';
import { AdminConsole } from '../../features/moderation/components/admin-console.tsx';
import { useMe } from '../../features/users/api/get-me.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { cx } from '../../lib/cx.ts';
import styles from '../../components/page.module.css';

/** `/admin`: moderators and admins only (the role from /api/me here; the server checks every call). */
export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('admin.title'));
  const staff = me.data?.role === 'moderator' || me.data?.role === 'admin';
  return (
    <div className={cx(styles.page, styles.narrow)}>
      <div className={styles.head}>
        <h1 className={styles.title}>{t('admin.title')}</h1>
      </div>
      {me.data && !staff ? <p>{t('errors.notModerator')}</p> : staff && <AdminConsole />}
    </div>
  );
}
